package io.github.dockerstack.load.validate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Valid compose that this plugin would not honour, where ignoring it silently would change what
 * runs (a resource limit, a device, a build input). Attributes that only matter to swarm
 * ({@code deploy.placement}, {@code update_config}, ...), to other commands ({@code develop} for
 * watch) or to metadata ({@code build.provenance}) stay accepted and ignored, as docker compose
 * ignores them on {@code up}.
 */
final class UnsupportedAttributes implements Check {
    /** Schema path ({@code *} for a name, {@code []} for list items) to what the attribute is for. */
    static final Map<String, String> UNSUPPORTED = table();

    private static Map<String, String> table() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("models", "AI models run by Docker Model Runner");
        t.put("services.*.models", "AI models run by Docker Model Runner");
        t.put("services.*.provider", "services managed by an external provider");
        t.put("services.*.pre_start", "init containers");
        t.put("services.*.credential_spec", "Windows managed service accounts");
        t.put("services.*.isolation", "Windows container isolation");
        t.put("services.*.cpu_count", "Windows CPU limits");
        t.put("services.*.cpu_percent", "Windows CPU limits");
        t.put("services.*.networks.*.interface_name", "network interface names");
        t.put("services.*.networks.*.gw_priority", "gateway priorities");
        t.put("services.*.volumes[].bind.recursive", "recursive bind mount options");
        t.put("services.*.volumes[].image", "image mount options");
        t.put("services.*.build.secrets", "build secrets");
        t.put("services.*.build.ssh", "SSH agent forwarding during builds");
        t.put("services.*.build.additional_contexts", "additional build contexts");
        t.put("services.*.build.entitlements", "build entitlements");
        t.put("services.*.build.privileged", "privileged builds");
        t.put("services.*.build.ulimits", "build ulimits");
        t.put("services.*.build.no_cache_filter", "builds without cache");
        t.put("networks.*.enable_ipv4", "IPv4-less networks");
        return Map.copyOf(t);
    }

    @Override
    public void check(CheckContext context) {
        ShapeWalker.walk(context.root(), new ShapeWalker.Listener() {
            @Override
            public void attribute(String path, String schemaPath, Object value) {
                String what = UNSUPPORTED.get(schemaPath);
                if (what != null) {
                    String key = schemaPath.substring(schemaPath.lastIndexOf('.') + 1);
                    throw context.problem(path, "'" + key + "' (" + what + ") is not supported by docker-stack-maven-plugin; remove it, "
                            + "or move it to a compose file that only docker compose reads");
                }
            }
        });
    }
}
