package io.github.dockerstack.load;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Defaults compose applies after merging: the {@code default} network for services that name no
 * network, a build context and Dockerfile, dependency conditions.
 */
final class Defaults {
    static final String DEFAULT_NETWORK = "default";

    private Defaults() {
    }

    static void apply(Map<String, Object> root, Path projectDir) {
        boolean defaultUsed = false;
        for (Object s : Trees.map(root, "services").values()) {
            if (!(s instanceof Map<?, ?> raw)) {
                continue;
            }
            Map<String, Object> service = Trees.cast(raw);
            if (!service.containsKey("network_mode") && !(service.get("networks") instanceof Map<?, ?> n && !n.isEmpty())) {
                Map<String, Object> networks = new LinkedHashMap<>();
                networks.put(DEFAULT_NETWORK, null);
                service.put("networks", networks);
            }
            if (service.get("networks") instanceof Map<?, ?> n && n.containsKey(DEFAULT_NETWORK)) {
                defaultUsed = true;
            }
            if (service.get("build") instanceof Map<?, ?> b) {
                Map<String, Object> build = Trees.cast(b);
                build.putIfAbsent("context", projectDir.toString());
                if (!build.containsKey("dockerfile_inline")) {
                    build.putIfAbsent("dockerfile", "Dockerfile");
                }
            }
            implicitDependencies(service);
            if (service.get("depends_on") instanceof Map<?, ?> deps) {
                deps.values().forEach(d -> {
                    if (d instanceof Map<?, ?> dep) {
                        Map<String, Object> m = Trees.cast(dep);
                        m.putIfAbsent("condition", "service_started");
                        m.putIfAbsent("required", true);
                    }
                });
            }
        }
        if (defaultUsed) {
            Map<String, Object> networks = Trees.mapIn(root, "networks");
            networks.putIfAbsent(DEFAULT_NETWORK, new LinkedHashMap<>());
        }
    }

    /**
     * As compose-go's normalisation: {@code links}, {@code volumes_from} and {@code service:x}
     * namespaces are dependencies too (started before, stopped after), recorded in depends_on.
     */
    private static void implicitDependencies(Map<String, Object> service) {
        for (Object link : Trees.list(service, "links")) {
            dependOn(service, String.valueOf(link).split(":", 2)[0]);
        }
        for (Object from : Trees.list(service, "volumes_from")) {
            String f = String.valueOf(from);
            if (!f.startsWith("container:")) {
                dependOn(service, f.split(":", 2)[0]);
            }
        }
        for (String key : java.util.List.of("network_mode", "ipc", "pid")) {
            if (service.get(key) instanceof String mode && mode.startsWith("service:")) {
                dependOn(service, mode.substring("service:".length()));
            }
        }
    }

    private static void dependOn(Map<String, Object> service, String other) {
        Map<String, Object> deps = Trees.mapIn(service, "depends_on");
        if (!deps.containsKey(other)) {
            Map<String, Object> dep = new LinkedHashMap<>();
            dep.put("condition", "service_started");
            dep.put("required", true);
            deps.put(other, dep);
        }
    }
}
