package io.github.dockerstack.load.validate;

import io.github.dockerstack.load.yaml.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Settings that say one thing twice must agree, as compose-go checks: {@code scale} and {@code deploy.replicas};
 * {@code build.dockerfile} and {@code build.dockerfile_inline} exclude each other; a service's {@code platform} is one
 * of its {@code build.platforms}.
 */
final class ConsistentSettings implements Check {
    @Override
    public void check(CheckContext context) {
        context.services().forEach((name, service) -> {
            String path = CheckContext.servicePath(name);
            Object scale = service.get("scale");
            Object replicas = CheckContext.mapping(service.get("deploy")).get("replicas");
            if (scale != null && replicas != null && !String.valueOf(scale).equals(String.valueOf(replicas))) {
                throw context.problem(Paths.key(path, "scale"), "service '" + name + "' sets scale " + scale + " and deploy.replicas "
                        + replicas + "; keep one of them, or give both the same value");
            }
            Map<String, Object> build = service.get("build") instanceof Map ? CheckContext.mapping(service.get("build")) : Map.of();
            if (build.get("dockerfile") != null && build.get("dockerfile_inline") != null) {
                throw context.problem(Paths.key(Paths.key(path, "build"), "dockerfile_inline"), "service '" + name + "' sets both"
                        + " build.dockerfile and build.dockerfile_inline; keep one of them");
            }
            String platform = CheckContext.text(service.get("platform"));
            List<String> platforms = new ArrayList<>();
            if (build.get("platforms") instanceof List<?> list) {
                list.forEach(p -> platforms.add(String.valueOf(p)));
            }
            if (platform != null && !platforms.isEmpty() && !platforms.contains(platform)) {
                throw context.problem(Paths.key(path, "platform"), "service '" + name + "' runs on platform " + platform + ", which is not"
                        + " one of its build.platforms " + platforms + "; add it there, or change the platform");
            }
        });
    }
}
