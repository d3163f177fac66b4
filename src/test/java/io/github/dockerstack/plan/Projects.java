package io.github.dockerstack.plan;

import io.github.dockerstack.model.FileObject;
import io.github.dockerstack.model.Network;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import io.github.dockerstack.model.Volume;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small projects for the plan tests, built with the model's builders. */
final class Projects {
    static final Path DIR = Path.of("/work/shop");

    private Projects() {
    }

    static Project shop(Service.Builder... services) {
        return shop(Map.of("default", network("shop_default")), services);
    }

    static Project shop(Map<String, Network> networks, Service.Builder... services) {
        Map<String, Service> map = new LinkedHashMap<>();
        for (Service.Builder b : services) {
            Service s = b.build();
            map.put(s.name(), s);
        }
        return new Project("shop", DIR, List.of(DIR.resolve("compose.yaml"), DIR.resolve("compose.override.yaml")), Map.of(), List.of(),
                map, Map.of(), networks, Map.of("data", new Volume("shop_data", null, Map.of(), false, Map.of(), Map.of())),
                Map.of("token", new FileObject("shop_token", "/work/shop/token.txt", null, null, false, Map.of(), Map.of()),
                        "vault", new FileObject("vault", null, null, null, true, Map.of(), Map.of()),
                        "api_key", new FileObject("shop_api_key", null, "API_KEY", null, false, Map.of(), Map.of())),
                Map.of("nginx_conf", new FileObject("shop_nginx_conf", "/work/shop/nginx.conf", null, null, false, Map.of(), Map.of()),
                        "inline", new FileObject("shop_inline", null, null, "hello", false, Map.of(), Map.of())),
                Map.of());
    }

    static Network network(String name) {
        return new Network(name, null, Map.of(), null, false, false, false, null, Map.of(), Map.of());
    }

    static Service.Builder service(String name) {
        return Service.builder(name).image("busybox:latest");
    }
}
