package io.github.dockerstack.load.validate;

import io.github.dockerstack.load.yaml.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every way a service names another one, with where it does so. As in compose, {@code links},
 * {@code volumes_from} and {@code service:x} namespaces ({@code network_mode}, {@code ipc},
 * {@code pid}) are dependencies too: the other service must exist and start first.
 */
final class ServiceDependencies {
    static final String SERVICE_PREFIX = "service:";
    static final String CONTAINER_PREFIX = "container:";
    static final List<String> NAMESPACES = List.of("network_mode", "ipc", "pid");

    /**
     * @param via the attribute naming it ({@code depends_on}, {@code links}, ...)
     * @param path where, e.g. {@code services.web.links[0]}
     * @param required false only for {@code depends_on} entries with {@code required: false}
     */
    record Dependency(String service, String target, String via, String path, boolean required) {
    }

    private ServiceDependencies() {
    }

    static List<Dependency> of(CheckContext context) {
        List<Dependency> all = new ArrayList<>();
        context.services().forEach((name, service) -> all.addAll(of(name, service)));
        return all;
    }

    /** Per service, the services it depends on (known or not). */
    static Map<String, Set<String>> byService(CheckContext context) {
        Map<String, Set<String>> deps = new LinkedHashMap<>();
        context.services().keySet().forEach(name -> deps.put(name, new LinkedHashSet<>()));
        of(context).forEach(d -> deps.get(d.service()).add(d.target()));
        return deps;
    }

    private static List<Dependency> of(String name, Map<String, Object> service) {
        List<Dependency> deps = new ArrayList<>();
        String base = CheckContext.servicePath(name);
        Object dependsOn = service.get("depends_on");
        String dependsOnPath = Paths.key(base, "depends_on");
        if (dependsOn instanceof Map<?, ?> map) {
            map.forEach((target, options) -> {
                boolean required = !Boolean.FALSE.equals(CheckContext.bool(CheckContext.mapping(options).get("required")));
                deps.add(new Dependency(name, String.valueOf(target), "depends_on", Paths.key(dependsOnPath, String.valueOf(target)),
                        required));
            });
        } else {
            eachText(dependsOn, dependsOnPath, (target, path) -> deps.add(new Dependency(name, target, "depends_on", path, true)));
        }
        // links: SERVICE[:ALIAS]
        eachText(service.get("links"), Paths.key(base, "links"),
                (link, path) -> deps.add(new Dependency(name, before(link, ':'), "links", path, true)));
        // volumes_from: SERVICE[:MODE] or container:NAME[:MODE]
        eachText(service.get("volumes_from"), Paths.key(base, "volumes_from"), (from, path) -> {
            if (!from.startsWith(CONTAINER_PREFIX)) {
                deps.add(new Dependency(name, before(from, ':'), "volumes_from", path, true));
            }
        });
        for (String namespace : NAMESPACES) {
            String mode = CheckContext.text(service.get(namespace));
            if (mode != null && mode.startsWith(SERVICE_PREFIX)) {
                deps.add(new Dependency(name, mode.substring(SERVICE_PREFIX.length()), namespace, Paths.key(base, namespace), true));
            }
        }
        return deps;
    }

    private interface TextItem {
        void accept(String text, String path);
    }

    private static void eachText(Object value, String path, TextItem action) {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String text = CheckContext.text(list.get(i));
                if (text != null) {
                    action.accept(text, Paths.index(path, i));
                }
            }
        } else if (CheckContext.text(value) != null) {
            action.accept(CheckContext.text(value), path);
        }
    }

    private static String before(String text, char separator) {
        int i = text.indexOf(separator);
        return i < 0 ? text : text.substring(0, i);
    }
}
