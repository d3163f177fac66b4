package io.github.dockerstack.plan;

import io.github.dockerstack.engine.ContainerInfo;
import io.github.dockerstack.engine.Labels;
import io.github.dockerstack.graph.ServiceGraph;
import io.github.dockerstack.model.DependsOn;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What each service waits for: its {@code depends_on}, plus, as in Compose, the services it names
 * through {@code links}, {@code volumes_from} and {@code service:} namespaces (network_mode, ipc,
 * pid), which must be started first. Also read back from containers' depends_on labels, so
 * {@code down} and {@code stop} need no model.
 */
public final class Dependencies {
    private static final String SERVICE_PREFIX = "service:";
    private static final DependsOn IMPLICIT = new DependsOn(DependsOn.STARTED, true, false);

    private Dependencies() {
    }

    /** Per enabled service (sorted), its dependencies by name (sorted). */
    public static Map<String, Map<String, DependsOn>> of(Project project) {
        Map<String, Map<String, DependsOn>> all = new TreeMap<>();
        for (Service s : project.services().values()) {
            Map<String, DependsOn> deps = new TreeMap<>(s.dependsOn());
            for (String link : s.links()) {
                deps.putIfAbsent(link.split(":", 2)[0], IMPLICIT);
            }
            for (String from : s.volumesFrom()) {
                if (!from.startsWith("container:")) {
                    deps.putIfAbsent(from.split(":", 2)[0], IMPLICIT);
                }
            }
            for (String mode : new String[] {s.networkMode(), s.ipc(), s.pid()}) {
                if (mode != null && mode.startsWith(SERVICE_PREFIX)) {
                    deps.putIfAbsent(mode.substring(SERVICE_PREFIX.length()), IMPLICIT);
                }
            }
            all.put(s.name(), deps);
        }
        return all;
    }

    /** Per service found on the containers, its dependencies from the {@code com.docker.compose.depends_on} label. */
    public static Map<String, Map<String, DependsOn>> fromLabels(Collection<ContainerInfo> containers) {
        Map<String, Map<String, DependsOn>> all = new TreeMap<>();
        for (ContainerInfo c : containers) {
            String service = c.label(Labels.SERVICE);
            if (service == null) {
                continue;
            }
            Map<String, DependsOn> deps = all.computeIfAbsent(service, k -> new TreeMap<>());
            String label = c.label(Labels.DEPENDS_ON);
            if (label == null || label.isBlank()) {
                continue;
            }
            for (String entry : label.split(",")) {
                String[] parts = entry.trim().split(":");
                if (parts[0].isEmpty()) {
                    continue;
                }
                String condition = parts.length > 1 && !parts[1].isEmpty() ? parts[1] : DependsOn.STARTED;
                boolean restart = parts.length > 2 && Boolean.parseBoolean(parts[2]);
                deps.putIfAbsent(parts[0], new DependsOn(condition, true, restart));
            }
        }
        return all;
    }

    /** The graph of these dependencies (names outside the map are ignored). */
    public static ServiceGraph graph(Map<String, Map<String, DependsOn>> dependencies) {
        Map<String, Collection<String>> edges = new LinkedHashMap<>();
        dependencies.forEach((service, deps) -> edges.put(service, deps.keySet()));
        return ServiceGraph.of(edges);
    }

    /** Services something depends on with {@code service_completed_successfully}: one-shot jobs. */
    public static Set<String> awaitedToComplete(Map<String, Map<String, DependsOn>> dependencies) {
        Set<String> jobs = new TreeSet<>();
        dependencies.values().forEach(deps -> deps.forEach((dep, d) -> {
            if (DependsOn.COMPLETED.equals(d.condition())) {
                jobs.add(dep);
            }
        }));
        return jobs;
    }
}
