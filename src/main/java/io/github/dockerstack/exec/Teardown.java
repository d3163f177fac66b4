package io.github.dockerstack.exec;

import io.github.dockerstack.engine.ContainerInfo;
import io.github.dockerstack.engine.Engine;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.Labels;
import io.github.dockerstack.engine.LogOptions;
import io.github.dockerstack.engine.NetworkInfo;
import io.github.dockerstack.engine.VolumeInfo;
import io.github.dockerstack.graph.ServiceGraph;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import io.github.dockerstack.plan.Dependencies;
import io.github.dockerstack.plan.ResourceSpecs;
import io.github.dockerstack.readiness.WaitClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * {@code down}: everything is found by the project label, so it works in a fresh JVM and on stacks
 * Docker Compose started. Containers are stopped in reverse dependency order (read from their
 * depends_on labels), independent ones in parallel, each one's log saved after its stop when asked;
 * then all are removed at once; then the project's networks and, when asked, its volumes. What cannot be
 * removed is collected as a problem, not thrown.
 */
public final class Teardown {
    /**
     * @param removeVolumes also remove the project's named volumes
     * @param removeOrphans also remove containers of services the project does not have
     * @param timeout stop timeout for every container, or null for each service's stop_grace_period (10 s without)
     * @param parallelism services handled at once
     * @param servicesOnly only the project's (targeted) services' containers; networks and volumes only once unused
     * @param logDirectory where each container's log is saved, as {@code <container>.log}, once it has stopped and
     *             before it is removed; null for nowhere
     */
    public record Settings(boolean removeVolumes, boolean removeOrphans, Duration timeout, int parallelism, boolean servicesOnly,
                           Path logDirectory) {
        public Settings(boolean removeVolumes, boolean removeOrphans, Duration timeout, int parallelism, boolean servicesOnly) {
            this(removeVolumes, removeOrphans, timeout, parallelism, servicesOnly, null);
        }
    }

    /** What was removed, and what could not be. */
    public record Result(int containers, int networks, int volumes, List<String> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private final Engine engine;
    private final Project project;
    private final Progress progress;
    private final WaitClock clock;
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    public Teardown(Engine engine, Project project, Progress progress, WaitClock clock) {
        this.engine = engine;
        this.project = project;
        this.progress = progress;
        this.clock = clock;
    }

    public Result run(Settings settings) {
        Map<String, String> filter = Map.of(Labels.PROJECT, project.name());
        // the list alone says all down needs: one call, not one inspect per container
        List<ContainerInfo> all = engine.listContainerSummaries(filter);
        List<ContainerInfo> chosen = choose(all, settings);
        int containers = removeContainers(chosen, settings);
        int networks = 0;
        int volumes = 0;
        // with services named, the project's networks and volumes go too once nothing uses them any more
        networks = removeNetworks(filter, settings.servicesOnly());
        if (settings.removeVolumes()) {
            volumes = removeVolumes(filter, settings.servicesOnly());
        }
        if (containers == 0 && networks == 0 && volumes == 0 && problems.isEmpty()) {
            progress.info(null, "No resource found to remove for project \"" + project.name() + "\"");
        }
        return new Result(containers, networks, volumes, problems);
    }

    private List<ContainerInfo> choose(List<ContainerInfo> all, Settings settings) {
        List<ContainerInfo> chosen = new ArrayList<>();
        List<String> orphans = new ArrayList<>();
        for (ContainerInfo c : all) {
            String service = c.label(Labels.SERVICE);
            boolean known = service != null && (project.services().containsKey(service) || project.disabledServices().containsKey(service));
            if (settings.servicesOnly()) {
                if (service != null && project.services().containsKey(service)) {
                    chosen.add(c);
                }
            } else if (known || settings.removeOrphans()) {
                chosen.add(c);
            } else {
                orphans.add(c.name());
            }
        }
        if (!orphans.isEmpty()) {
            progress.warn(null, "Found orphan containers (" + String.join(", ", orphans) + ") for this project. If you removed or"
                    + " renamed this service in your compose file, set removeOrphans (docker-stack.removeOrphans) to remove them.");
        }
        return chosen;
    }

    /**
     * Keeps a container's log: after it stopped, so its shutdown output is in, and before it is
     * removed. A log that cannot be saved is a warning, never a reason to keep the stack.
     */
    private void saveLog(ContainerInfo c, Path directory) {
        Path file = directory.resolve(c.name() + ".log");
        Elapsed took = Elapsed.start(clock);
        try {
            int lines = LogFile.save(engine, c.id(), LogOptions.all(), file);
            progress.info(c.label(Labels.SERVICE), "Container " + c.name() + "  Log saved  " + took + " (" + lines + " lines, "
                    + file + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress.warn(c.label(Labels.SERVICE), "Interrupted while saving the log of " + c.name() + "; removing it anyway");
        } catch (EngineException.NotFound | EngineException.Unreachable e) {
            throw e;
        } catch (RuntimeException e) { // the engine refused, the file cannot be written
            progress.warn(c.label(Labels.SERVICE), "The log of " + c.name() + " could not be saved to " + file + ": " + e.getMessage());
        }
    }

    /**
     * Stops in reverse dependency order, so that nothing loses a dependency while it runs; then removes
     * every stopped container at once, since removing needs no order: a chain's removals do not wait
     * on each other.
     */
    private int removeContainers(List<ContainerInfo> chosen, Settings settings) {
        if (chosen.isEmpty()) {
            return 0;
        }
        Map<String, List<ContainerInfo>> byService = new TreeMap<>();
        chosen.forEach(c -> byService.computeIfAbsent(String.valueOf(c.label(Labels.SERVICE)), k -> new ArrayList<>()).add(c));
        ServiceGraph graph = Dependencies.graph(Dependencies.fromLabels(chosen));
        List<ContainerInfo> stopped = Collections.synchronizedList(new ArrayList<>());
        Set<String> visited = Collections.synchronizedSet(new HashSet<>());
        int parallelism = Math.max(1, settings.parallelism());
        graph.walk(ServiceGraph.Direction.DEPENDENTS_FIRST, parallelism, service -> {
            visited.add(service);
            stopped.addAll(stopAll(byService.getOrDefault(service, List.of()), grace(service, settings), settings.logDirectory()));
        });
        // containers without a service label are not in the graph
        byService.forEach((service, list) -> {
            if (!visited.contains(service)) {
                stopped.addAll(stopAll(list, grace(service, settings), settings.logDirectory()));
            }
        });
        AtomicInteger removed = new AtomicInteger();
        List<Runnable> removals = new ArrayList<>();
        for (ContainerInfo c : stopped) {
            removals.add(() -> {
                if (remove(c)) {
                    removed.incrementAndGet();
                }
            });
        }
        Parallel.run(removals, parallelism);
        return removed.get();
    }

    /** Stops the running ones (saving each log when asked); returns those that can be removed now. */
    private List<ContainerInfo> stopAll(List<ContainerInfo> containers, Duration grace, Path logDirectory) {
        List<ContainerInfo> stopped = new ArrayList<>();
        for (ContainerInfo c : containers) {
            Elapsed took = Elapsed.start(clock);
            try {
                if (c.running() || "restarting".equals(c.state()) || "paused".equals(c.state())) {
                    preStop(c, grace);
                    engine.stopContainer(c.id(), UpRun.seconds(grace));
                    progress.info(c.label(Labels.SERVICE), "Container " + c.name() + "  Stopped  " + took);
                }
                if (logDirectory != null) {
                    saveLog(c, logDirectory);
                }
                stopped.add(c);
            } catch (EngineException.NotFound gone) {
                // removed meanwhile
            } catch (EngineException.Unreachable e) {
                throw e;
            } catch (EngineException e) {
                problem("Container " + c.name() + " could not be stopped: " + e.getMessage());
            }
        }
        return stopped;
    }

    /** The service's pre_stop hooks, when the model has the service (a down by labels alone has none to run). */
    private void preStop(ContainerInfo c, Duration grace) {
        String service = c.label(Labels.SERVICE);
        Service model = service == null ? null : project.services().get(service);
        if (model != null) {
            Hooks.preStop(engine, progress, c, service, model.preStop(), grace);
        }
    }

    private boolean remove(ContainerInfo c) {
        Elapsed took = Elapsed.start(clock);
        try {
            engine.removeContainer(c.id(), true);
            removeInheritedVolumes(c);
            progress.info(c.label(Labels.SERVICE), "Container " + c.name() + "  Removed  " + took);
            return true;
        } catch (EngineException.NotFound gone) {
            return false; // removed meanwhile
        } catch (EngineException.Unreachable e) {
            throw e;
        } catch (EngineException e) {
            problem("Container " + c.name() + " could not be removed: " + e.getMessage());
            return false;
        }
    }

    private void removeInheritedVolumes(ContainerInfo c) {
        for (String volume : AnonymousVolumes.of(c)) {
            try {
                engine.removeVolume(volume);
            } catch (EngineException.NotFound | EngineException.Conflict gone) {
                // removed with the container, or still used by another one
            }
        }
    }

    private Duration grace(String service, Settings settings) {
        if (settings.timeout() != null) {
            return settings.timeout();
        }
        Service s = project.service(service);
        if (s == null) {
            s = project.disabledServices().get(service);
        }
        return s != null && s.stopGracePeriod() != null ? s.stopGracePeriod() : UpRun.DEFAULT_GRACE;
    }

    /** @param inUseIsFine a network still used (by the services not named) is left without a word */
    private int removeNetworks(Map<String, String> filter, boolean inUseIsFine) {
        Set<String> external = project.networks().entrySet().stream().filter(e -> e.getValue().external())
                .map(e -> ResourceSpecs.networkName(project, e.getKey())).collect(Collectors.toSet());
        int removed = 0;
        for (NetworkInfo n : engine.listNetworks(filter)) {
            if (external.contains(n.name())) {
                continue;
            }
            Elapsed took = Elapsed.start(clock);
            try {
                Optional<NetworkInfo> current = engine.inspectNetwork(n.name());
                if (current.isEmpty()) {
                    continue;
                }
                if (!current.get().containerIds().isEmpty()) {
                    if (inUseIsFine) {
                        continue;
                    }
                    problem("Network " + n.name() + " is still in use by " + users(current.get().containerIds()) + "; left in place");
                    continue;
                }
                engine.removeNetwork(n.id());
                removed++;
                progress.info(null, "Network " + n.name() + "  Removed  " + took);
            } catch (EngineException.NotFound gone) {
                // removed meanwhile
            } catch (EngineException.Unreachable e) {
                throw e;
            } catch (EngineException e) {
                problem("Network " + n.name() + " could not be removed: " + e.getMessage());
            }
        }
        return removed;
    }

    private String users(List<String> containerIds) {
        List<String> names = new ArrayList<>();
        for (String id : containerIds) {
            try {
                ContainerInfo c = engine.inspectContainer(id);
                String owner = c.label(Labels.PROJECT);
                names.add(c.name() + (owner == null ? "" : " (project " + owner + ")"));
            } catch (EngineException e) {
                names.add(id.length() > 12 ? id.substring(0, 12) : id);
            }
        }
        return String.join(", ", names);
    }

    private int removeVolumes(Map<String, String> filter, boolean inUseIsFine) {
        Set<String> external = project.volumes().entrySet().stream().filter(e -> e.getValue().external())
                .map(e -> ResourceSpecs.volumeName(project, e.getKey())).collect(Collectors.toSet());
        int removed = 0;
        for (VolumeInfo v : engine.listVolumes(filter)) {
            if (external.contains(v.name())) {
                continue;
            }
            Elapsed took = Elapsed.start(clock);
            try {
                engine.removeVolume(v.name());
                removed++;
                progress.info(null, "Volume " + v.name() + "  Removed  " + took);
            } catch (EngineException.NotFound gone) {
                // removed meanwhile
            } catch (EngineException.Unreachable e) {
                throw e;
            } catch (EngineException.Conflict e) {
                if (!inUseIsFine) {
                    problem("Volume " + v.name() + " is still in use; left in place (" + e.getMessage() + ")");
                }
            } catch (EngineException e) {
                problem("Volume " + v.name() + " could not be removed: " + e.getMessage());
            }
        }
        return removed;
    }

    private void problem(String message) {
        problems.add(message);
        progress.warn(null, message);
    }
}
