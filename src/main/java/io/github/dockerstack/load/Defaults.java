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
}
