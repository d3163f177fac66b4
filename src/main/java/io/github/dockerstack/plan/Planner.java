package io.github.dockerstack.plan;

import io.github.dockerstack.engine.ContainerInfo;
import io.github.dockerstack.engine.ContainerSpec;
import io.github.dockerstack.engine.Labels;
import io.github.dockerstack.engine.NetworkInfo;
import io.github.dockerstack.engine.VolumeInfo;
import io.github.dockerstack.load.ComposeException;
import io.github.dockerstack.model.Network;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import io.github.dockerstack.model.Volume;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Desired state (the project) against observed state (the engine): the {@link Plan} of {@code up}.
 * Pure. Everything that would stop the run half-way (a missing external network or volume, a
 * missing image, a setting the engine cannot honour) fails here, before anything is created.
 */
public final class Planner {
    /**
     * @param removeOrphans remove containers of services that are not in the project
     * @param environmentFiles env files given explicitly (absolute), for their label
     */
    public record Options(boolean removeOrphans, List<String> environmentFiles) {
        public Options {
            environmentFiles = environmentFiles == null ? List.of() : List.copyOf(environmentFiles);
        }

        public static Options defaults() {
            return new Options(false, List.of());
        }
    }

    private final Project project;
    private final ObservedState observed;
    private final Options options;
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    /** per service: the id its first container will have after the plan, when it is known now */
    private final Map<String, String> firstIds = new HashMap<>();
    /** services whose first container will be a new one */
    private final Set<String> renewed = new HashSet<>();

    private Planner(Project project, ObservedState observed, Options options) {
        this.project = project;
        this.observed = observed;
        this.options = options;
    }

    public static Plan plan(Project project, ObservedState observed, Options options) {
        return new Planner(project, observed, options).plan();
    }

    /** How many containers a service runs: {@code scale}, else {@code deploy.replicas}, else 1. */
    public static int replicas(Service service) {
        if (service.scale() != null) {
            return service.scale();
        }
        if (service.deploy() != null && service.deploy().replicas() != null) {
            return service.deploy().replicas();
        }
        return 1;
    }

    private Plan plan() {
        List<NetworkOperation> networks = networks();
        List<VolumeOperation> volumes = volumes();
        images();
        if (!problems.isEmpty()) {
            throw new ComposeException("Cannot start project '" + project.name() + "':\n  - " + String.join("\n  - ", problems));
        }
        Map<String, List<ContainerInfo>> byService = containersByService();
        List<ContainerOperation> orphans = orphans(byService);
        project.disabledServices().keySet().forEach(s -> first(byService.get(s)).ifPresent(c -> firstIds.put(s, c.id())));
        Map<String, String> others = new TreeMap<>(firstIds);
        Map<String, List<ContainerOperation>> services = new LinkedHashMap<>();
        for (List<String> layer : Dependencies.graph(Dependencies.of(project)).layers()) {
            for (String name : layer) {
                services.put(name, service(project.service(name), byService.getOrDefault(name, List.of())));
            }
        }
        return new Plan(project.name(), orphans, networks, volumes, services, warnings, observed.apiVersion(), observed.images(),
                options.environmentFiles(), others);
    }

    // ---------------------------------------------------------------- networks and volumes

    private List<NetworkOperation> networks() {
        List<NetworkOperation> ops = new ArrayList<>();
        for (Map.Entry<String, Network> e : new TreeMap<>(project.networks()).entrySet()) {
            String key = e.getKey();
            String name = ResourceSpecs.networkName(project, key);
            Optional<NetworkInfo> existing = observed.network(name);
            if (e.getValue().external()) {
                if (existing.isEmpty()) {
                    problems.add("network '" + name + "' is declared external (networks." + key + ") but does not exist; create it with"
                            + " `docker network create " + name + "` or remove external: true");
                } else {
                    ops.add(new NetworkOperation(Action.USE, key, name, "external", null));
                }
            } else if (existing.isEmpty()) {
                ops.add(new NetworkOperation(Action.CREATE, key, name, "missing", ResourceSpecs.network(project, key)));
            } else {
                String owner = existing.get().labels().get(Labels.PROJECT);
                if (project.name().equals(owner)) {
                    List<String> drift = ResourceDrift.of(ResourceSpecs.network(project, key), existing.get());
                    if (!drift.isEmpty()) {
                        problems.add("network '" + name + "' (networks." + key + ") was created with other settings: "
                                + String.join("; ", drift) + ". The engine cannot change them in place: take the stack down"
                                + " (docker-stack:down) so that up creates the network anew, or restore the file's settings");
                    }
                    ops.add(new NetworkOperation(Action.KEEP, key, name, "exists", null));
                } else {
                    String by = owner == null ? "not created by Docker Compose" : "created by project '" + owner + "'";
                    ops.add(new NetworkOperation(Action.REUSE, key, name, "exists, " + by, null));
                    warnings.add("Network " + name + " exists, " + by + "; using it (set external: true on networks." + key
                            + " to say so)");
                }
            }
        }
        return ops;
    }

    private List<VolumeOperation> volumes() {
        List<VolumeOperation> ops = new ArrayList<>();
        for (Map.Entry<String, Volume> e : new TreeMap<>(project.volumes()).entrySet()) {
            String key = e.getKey();
            String name = ResourceSpecs.volumeName(project, key);
            Optional<VolumeInfo> existing = observed.volume(name);
            if (e.getValue().external()) {
                if (existing.isEmpty()) {
                    problems.add("volume '" + name + "' is declared external (volumes." + key + ") but does not exist; create it with"
                            + " `docker volume create " + name + "` or remove external: true");
                } else {
                    ops.add(new VolumeOperation(Action.USE, key, name, "external", null));
                }
            } else if (existing.isEmpty()) {
                ops.add(new VolumeOperation(Action.CREATE, key, name, "missing", ResourceSpecs.volume(project, key)));
            } else {
                String owner = existing.get().labels().get(Labels.PROJECT);
                if (project.name().equals(owner)) {
                    List<String> drift = ResourceDrift.of(ResourceSpecs.volume(project, key), existing.get());
                    if (!drift.isEmpty()) {
                        problems.add("volume '" + name + "' (volumes." + key + ") was created with other settings: "
                                + String.join("; ", drift) + ". Its data is in it: remove it yourself (docker-stack:down with"
                                + " docker-stack.removeVolumes=true, which deletes the data) so that up creates it anew, or"
                                + " restore the file's settings");
                    }
                    ops.add(new VolumeOperation(Action.KEEP, key, name, "exists", null));
                } else {
                    String by = owner == null ? "not created by Docker Compose" : "created by project '" + owner + "'";
                    ops.add(new VolumeOperation(Action.REUSE, key, name, "exists, " + by, null));
                    warnings.add("Volume " + name + " exists, " + by + "; using it (set external: true on volumes." + key
                            + " to say so)");
                }
            }
        }
        return ops;
    }

    private void images() {
        Map<String, List<String>> missing = new TreeMap<>();
        for (Service s : project.services().values()) {
            String image = ContainerSpecs.imageName(project, s);
            if (replicas(s) > 0 && observed.image(image).isEmpty()) {
                missing.computeIfAbsent(image, k -> new ArrayList<>()).add(s.name());
            }
        }
        missing.forEach((image, services) -> {
            Service s = project.service(services.get(0));
            String how = s.image() == null && s.build() != null
                    ? "build it first: `mvn docker-stack:build -Ddocker-stack.services=" + s.name() + "`, or up with docker-stack.build=missing"
                    : "pull it first: `mvn docker-stack:pull`, or up with a pull policy other than never";
            problems.add("service" + (services.size() > 1 ? "s " : " ") + services.stream().map(n -> "'" + n + "'")
                    .collect(Collectors.joining(", ")) + " need" + (services.size() > 1 ? "" : "s") + " image '" + image
                    + "', which the engine does not have; " + how);
        });
    }

    // ---------------------------------------------------------------- containers

    private Map<String, List<ContainerInfo>> containersByService() {
        Map<String, List<ContainerInfo>> byService = new TreeMap<>();
        for (ContainerInfo c : observed.containers()) {
            if (Labels.TRUE.equals(c.label(Labels.ONEOFF)) || c.label(Labels.SERVICE) == null) {
                continue; // `compose run` containers are not the service's
            }
            byService.computeIfAbsent(c.label(Labels.SERVICE), k -> new ArrayList<>()).add(c);
        }
        byService.values().forEach(list -> list.sort(Comparator.comparingInt(Planner::number).thenComparing(ContainerInfo::name)));
        return byService;
    }

    private List<ContainerOperation> orphans(Map<String, List<ContainerInfo>> byService) {
        List<ContainerInfo> orphans = new ArrayList<>();
        byService.forEach((service, containers) -> {
            if (!project.services().containsKey(service) && !project.disabledServices().containsKey(service)) {
                orphans.addAll(containers);
            }
        });
        if (orphans.isEmpty()) {
            return List.of();
        }
        if (!options.removeOrphans()) {
            warnings.add("Found orphan containers (" + orphans.stream().map(ContainerInfo::name).collect(Collectors.joining(", "))
                    + ") for this project. If you removed or renamed this service in your compose file, set removeOrphans"
                    + " (docker-stack.removeOrphans) to remove them.");
            return List.of();
        }
        return orphans.stream().map(c -> new ContainerOperation(Action.REMOVE, c.label(Labels.SERVICE), number(c), c.name(),
                "orphan: service '" + c.label(Labels.SERVICE) + "' is not in the project", c)).toList();
    }

    private List<ContainerOperation> service(Service service, List<ContainerInfo> existing) {
        int replicas = replicas(service);
        List<ContainerOperation> removals = new ArrayList<>();
        Map<Integer, ContainerInfo> byNumber = new TreeMap<>();
        for (ContainerInfo c : existing) {
            int n = number(c);
            if (n < 1) {
                removals.add(remove(service, c, "no replica number"));
            } else if (n > replicas) {
                removals.add(remove(service, c, "scaled down to " + replicas));
            } else if (byNumber.putIfAbsent(n, c) != null) {
                removals.add(remove(service, c, "duplicate of replica " + n));
            }
        }
        List<ContainerOperation> ops = new ArrayList<>(removals);
        Set<String> referenced = new TreeSet<>();
        Function<String, String> resolver = other -> {
            referenced.add(other);
            if (firstIds.containsKey(other)) {
                return firstIds.get(other);
            }
            return renewed.contains(other) ? "<new container of " + other + ">" : null;
        };
        ContainerSpecs.Options specOptions = planFor(service, resolver);
        String desiredHash = null;
        for (int n = 1; n <= replicas; n++) {
            ContainerSpec spec = ContainerSpecs.of(project, service, n, specOptions); // fails early on what the engine cannot do
            desiredHash = spec.labels().get(Labels.CONFIG_HASH);
            ContainerInfo current = byNumber.get(n);
            ContainerOperation op;
            if (current == null) {
                op = new ContainerOperation(Action.CREATE, service.name(), n, spec.name(), "missing", null);
            } else if (desiredHash.equals(current.label(Labels.CONFIG_HASH))) {
                op = current.running() || "restarting".equals(current.state()) || "paused".equals(current.state())
                        ? new ContainerOperation(Action.KEEP, service.name(), n, current.name(), "config unchanged, " + current.state(),
                                current)
                        : new ContainerOperation(Action.START, service.name(), n, current.name(), "stopped", current);
            } else {
                op = new ContainerOperation(Action.RECREATE, service.name(), n, current.name(),
                        recreateCause(service, current, referenced, specOptions), current);
            }
            ops.add(op);
            if (n == 1) {
                if (op.action() == Action.KEEP || op.action() == Action.START) {
                    firstIds.put(service.name(), current.id());
                } else {
                    renewed.add(service.name());
                }
            }
        }
        return ops;
    }

    private ContainerSpecs.Options planFor(Service service, Function<String, String> resolver) {
        return Plan.specOptions(observed.images(), observed.apiVersion(), options.environmentFiles(), project, service, resolver);
    }

    private String recreateCause(Service service, ContainerInfo current, Set<String> referenced, ContainerSpecs.Options specOptions) {
        for (String other : referenced) {
            if (renewed.contains(other)) {
                return "service '" + other + "' it shares a namespace or volumes with gets a new container";
            }
        }
        String imageId = specOptions.imageId();
        String currentImage = current.label(Labels.IMAGE);
        if (imageId != null && currentImage != null && !imageId.equals(currentImage)) {
            return "image changed";
        }
        return "config hash changed";
    }

    private static ContainerOperation remove(Service service, ContainerInfo c, String cause) {
        return new ContainerOperation(Action.REMOVE, service.name(), number(c), c.name(), cause, c);
    }

    private static Optional<ContainerInfo> first(List<ContainerInfo> containers) {
        return containers == null || containers.isEmpty() ? Optional.empty() : Optional.of(containers.get(0));
    }

    static int number(ContainerInfo c) {
        try {
            return Integer.parseInt(c.label(Labels.CONTAINER_NUMBER));
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }
}
