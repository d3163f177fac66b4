package io.github.dockerstack.load;

import io.github.dockerstack.graph.ServiceGraph;
import io.github.dockerstack.model.Mount;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Profiles and targeted services: which services are enabled, as compose decides; then drops the
 * networks, volumes, secrets and configs no enabled service uses.
 */
final class Selection {
    private static final String ALL = "*";

    private Selection() {
    }

    static Project apply(Project project, List<String> profiles, List<String> targeted) {
        Map<String, Service> all = project.services();
        for (String t : targeted) {
            if (!all.containsKey(t)) {
                throw new ComposeException("no such service: '" + t + "' (docker-stack.services); the project has " + all.keySet());
            }
        }
        Set<String> enabled = new TreeSet<>();
        all.forEach((name, s) -> {
            if (isActive(s, profiles) || targeted.contains(name)) {
                enabled.add(name);
            }
        });
        Set<String> selected = targeted.isEmpty() ? enabled : closure(all, targeted);
        for (String name : selected) {
            all.get(name).dependsOn().forEach((dep, d) -> {
                if (d.required() && !enabled.contains(dep) && all.containsKey(dep)) {
                    throw new ComposeException("service '" + name + "' depends on '" + dep + "', which is disabled by its profiles "
                            + all.get(dep).profiles() + "; enable one of them (docker-stack.profiles) or mark the dependency 'required: false'");
                }
            });
        }
        Map<String, Service> on = new TreeMap<>();
        Map<String, Service> off = new TreeMap<>(project.disabledServices());
        all.forEach((name, s) -> (selected.contains(name) && enabled.contains(name) ? on : off).put(name, s));
        return withoutUnusedResources(project.withServices(on, off));
    }

    private static boolean isActive(Service s, List<String> profiles) {
        return s.profiles().isEmpty() || profiles.contains(ALL) || s.profiles().stream().anyMatch(profiles::contains);
    }

    private static Set<String> closure(Map<String, Service> all, List<String> targeted) {
        Map<String, Set<String>> deps = new LinkedHashMap<>();
        all.forEach((name, s) -> {
            Set<String> required = new HashSet<>();
            s.dependsOn().forEach((dep, d) -> {
                if (d.required() || all.containsKey(dep)) {
                    required.add(dep);
                }
            });
            deps.put(name, required);
        });
        return ServiceGraph.of(deps).withDependencies(targeted);
    }

    /** As compose-go's WithoutUnnecessaryResources. */
    private static Project withoutUnusedResources(Project p) {
        Set<String> networks = new HashSet<>();
        Set<String> volumes = new HashSet<>();
        for (Service s : p.services().values()) {
            networks.addAll(s.networks().keySet());
            for (Mount m : s.volumes()) {
                if ("volume".equals(m.type()) && m.source() != null) {
                    volumes.add(m.source());
                }
            }
        }
        Map<String, io.github.dockerstack.model.Network> keptNetworks = new LinkedHashMap<>();
        p.networks().forEach((k, v) -> {
            if (networks.contains(k)) {
                keptNetworks.put(k, v);
            }
        });
        Map<String, io.github.dockerstack.model.Volume> keptVolumes = new LinkedHashMap<>();
        p.volumes().forEach((k, v) -> {
            if (volumes.contains(k)) {
                keptVolumes.put(k, v);
            }
        });
        return p.withNetworks(keptNetworks).withVolumes(keptVolumes);
    }
}
