package io.github.dockerstack.load.bind;

import io.github.dockerstack.load.yaml.SourceMap;
import io.github.dockerstack.model.FileObject;
import io.github.dockerstack.model.Network;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import io.github.dockerstack.model.Volume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bind stage: turns the merged, validated canonical tree into the immutable model, casting
 * each value to its field's type the way compose-go does (ints, booleans, durations, byte sizes,
 * cpus from numbers or interpolated strings; scalars to text for environment and labels). A value
 * that does not fit its field is a {@link ComposeException} naming the file, line and path, and
 * the form expected. All services land in {@link Project#services()}; profiles are applied later.
 */
public final class Binder {
    private Binder() {
    }

    public static Project bind(Map<String, Object> root, SourceMap sources, BindContext ctx) {
        Value top = new Value(root, "", sources);
        String project = ctx.projectName() != null ? ctx.projectName() : top.get("name").string();

        Map<String, Service> services = new LinkedHashMap<>();
        top.get("services").entries().forEach((name, s) -> services.put(name, ServiceBinder.bind(name, s)));

        Map<String, Network> networks = new LinkedHashMap<>();
        top.get("networks").entries().forEach((key, n) -> networks.put(key, network(project, key, n)));
        Map<String, Volume> volumes = new LinkedHashMap<>();
        top.get("volumes").entries().forEach((key, v) -> volumes.put(key, volume(project, key, v)));
        Map<String, FileObject> secrets = new LinkedHashMap<>();
        top.get("secrets").entries().forEach((key, s) -> secrets.put(key, fileObject(project, key, s)));
        Map<String, FileObject> configs = new LinkedHashMap<>();
        top.get("configs").entries().forEach((key, c) -> configs.put(key, fileObject(project, key, c)));

        return new Project(project, ctx.workingDir(), ctx.configFiles(), ctx.environment(), ctx.profiles(), services, Map.of(),
                networks, volumes, secrets, configs, top.extensions());
    }

    /** The engine-side name: {@code name:} when set, else the key for external resources, else {@code <project>_<key>}. */
    private static String engineName(String project, String key, Value resource, boolean external) {
        String name = resource.get("name").string();
        if (name != null) {
            return name;
        }
        return external ? key : project + "_" + key;
    }

    private static Network network(String project, String key, Value n) {
        requireMap(n);
        boolean external = n.get("external").bool(false);
        return new Network(
                engineName(project, key, n, external),
                n.get("driver").string(),
                n.get("driver_opts").textMap(),
                ipam(n.get("ipam")),
                external,
                n.get("internal").bool(false),
                n.get("attachable").bool(false),
                n.get("enable_ipv6").bool(),
                n.get("labels").textMap(),
                n.extensions());
    }

    private static Network.Ipam ipam(Value i) {
        if (i.isNull()) {
            return null;
        }
        List<Network.IpamPool> pools = new ArrayList<>();
        for (Value p : i.get("config").items()) {
            pools.add(new Network.IpamPool(p.get("subnet").string(), p.get("ip_range").string(), p.get("gateway").string(),
                    p.get("aux_addresses").textMap()));
        }
        return new Network.Ipam(i.get("driver").string(), pools, i.get("options").textMap());
    }

    private static Volume volume(String project, String key, Value v) {
        requireMap(v);
        boolean external = v.get("external").bool(false);
        return new Volume(engineName(project, key, v, external), v.get("driver").string(), v.get("driver_opts").textMap(), external,
                v.get("labels").textMap(), v.extensions());
    }

    private static FileObject fileObject(String project, String key, Value f) {
        requireMap(f);
        boolean external = f.get("external").bool(false);
        return new FileObject(engineName(project, key, f, external), f.get("file").string(), f.get("environment").string(),
                f.get("content").string(), external, f.get("labels").textMap(), f.extensions());
    }

    private static void requireMap(Value v) {
        if (!v.isNull() && !v.isMap()) {
            throw v.error("must be a mapping of attributes (name:, driver:, external:, ...) or empty");
        }
    }
}
