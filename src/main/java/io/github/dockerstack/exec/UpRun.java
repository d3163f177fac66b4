package io.github.dockerstack.exec;

import io.github.dockerstack.engine.ContainerInfo;
import io.github.dockerstack.engine.ContainerSpec;
import io.github.dockerstack.engine.Engine;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.graph.ServiceGraph;
import io.github.dockerstack.model.DependsOn;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import io.github.dockerstack.plan.Action;
import io.github.dockerstack.plan.ContainerOperation;
import io.github.dockerstack.plan.ContainerSpecs;
import io.github.dockerstack.plan.Dependencies;
import io.github.dockerstack.plan.NetworkOperation;
import io.github.dockerstack.plan.Plan;
import io.github.dockerstack.plan.VolumeOperation;
import io.github.dockerstack.readiness.Deadline;
import io.github.dockerstack.readiness.Readiness;
import io.github.dockerstack.readiness.ServiceFailure;
import io.github.dockerstack.readiness.WaitClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the plan of {@code up}; decides nothing. Orphans go first, then networks and volumes (in
 * parallel), then the services along the dependency graph, independent ones in parallel, each
 * after its dependencies' conditions hold. On any failure everything this run created is removed
 * again (the failing container's log tail is read first, and with a diagnostics directory every
 * container's full log and inspect document are saved), then the failure is rethrown.
 */
public final class UpRun {
    /** Compose's default stop timeout. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    /**
     * @param parallelism services handled at once (at least 1)
     * @param waitReady wait until everything is running/healthy/completed
     * @param timeout deadline of all waits, counted from when services start being handled
     * @param diagnosticsDirectory where the containers' logs and inspect documents go when the run fails, before the
     *             rollback; null for nowhere
     */
    public record Settings(int parallelism, boolean waitReady, Duration timeout, Path diagnosticsDirectory) {
        public Settings(int parallelism, boolean waitReady, Duration timeout) {
            this(parallelism, waitReady, timeout, null);
        }
    }

    private final Engine engine;
    private final Readiness readiness;
    private final Project project;
    private final Plan plan;
    private final Progress progress;
    private final WaitClock clock;
    private final Rollback rollback = new Rollback();
    private final Waits waits;
    private final Map<String, String> firstIds = new ConcurrentHashMap<>();
    /** Services this run recreated: dependents that say {@code restart: true} restart their kept containers. */
    private final Set<String> recreated = ConcurrentHashMap.newKeySet();
    private final Map<String, List<ContainerRef>> containers = new ConcurrentHashMap<>();
    private volatile Path diagnostics;
    /** Of all waits and post_start hooks, set when the run begins. */
    private volatile Deadline deadline;

    public UpRun(Engine engine, Readiness readiness, Project project, Plan plan, Progress progress, WaitClock clock) {
        this.engine = engine;
        this.readiness = readiness;
        this.project = project;
        this.plan = plan;
        this.progress = progress;
        this.clock = clock;
        this.waits = new Waits(readiness, progress, project);
    }

    /** Runs the plan; returns the containers of each service of the plan, in replica order. */
    public Map<String, List<ContainerRef>> run(Settings settings) {
        try {
            removeOrphans(settings.parallelism());
            createResources(settings.parallelism());
            deadline = Deadline.after(clock, settings.timeout());
            Map<String, Map<String, DependsOn>> dependencies = Dependencies.of(project);
            ServiceGraph graph = Dependencies.graph(dependencies);
            Abandon abandon = new Abandon(readiness);
            abandon.walk(graph, settings.parallelism(), service -> converge(service,
                    () -> waits.dependencies(service, dependencies.getOrDefault(service, Map.of()), containers, deadline)));
            if (settings.waitReady()) {
                waits.all(ordered(), Dependencies.awaitedToComplete(dependencies), deadline);
            }
            return ordered();
        } catch (RuntimeException e) {
            // an interrupted up (Ctrl-C) still cleans up: engine calls made with the flag set would be cancelled
            boolean interrupted = Thread.interrupted();
            try {
                RuntimeException failure = FailureLogs.attach(engine, e);
                if (settings.diagnosticsDirectory() != null && (failure instanceof ServiceFailure || rollback.hasContainers())) {
                    diagnostics = Diagnostics.write(engine, project.name(), settings.diagnosticsDirectory(), progress);
                }
                rollback.undo(engine, progress, failure);
                throw failure;
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Where the failed run left its diagnostics, or null (it did not fail, had nowhere to write them, or nothing to write). */
    public Path diagnostics() {
        return diagnostics;
    }

    private Map<String, List<ContainerRef>> ordered() {
        Map<String, List<ContainerRef>> result = new LinkedHashMap<>();
        plan.services().keySet().forEach(s -> result.put(s, containers.getOrDefault(s, List.of())));
        return Collections.unmodifiableMap(result);
    }

    // ---------------------------------------------------------------- steps

    private void removeOrphans(int parallelism) {
        List<Runnable> tasks = new ArrayList<>();
        for (ContainerOperation op : plan.orphans()) {
            tasks.add(() -> remove(op, DEFAULT_GRACE));
        }
        Parallel.run(tasks, parallelism);
    }

    private void createResources(int parallelism) {
        List<Runnable> tasks = new ArrayList<>();
        for (NetworkOperation op : plan.networks()) {
            if (op.action() == Action.CREATE) {
                tasks.add(() -> {
                    Elapsed took = Elapsed.start(clock);
                    engine.createNetwork(op.spec());
                    rollback.network(op.name());
                    progress.info(null, "Network " + op.name() + "  Created  " + took);
                });
            }
        }
        for (VolumeOperation op : plan.volumes()) {
            if (op.action() == Action.CREATE) {
                tasks.add(() -> {
                    Elapsed took = Elapsed.start(clock);
                    engine.createVolume(op.spec());
                    rollback.volume(op.name());
                    progress.info(null, "Volume " + op.name() + "  Created  " + took);
                });
            }
        }
        Parallel.run(tasks, parallelism);
    }

    /**
     * One service. Surplus containers go and new ones are created first, while its dependencies may still be getting
     * ready (docker compose too creates before it starts): a chain of healthchecks then waits only for each start.
     * Once the dependencies' conditions hold, each replica is started, kept or restarted.
     */
    private void converge(String name, Runnable awaitDependencies) {
        Service service = project.service(name);
        Duration grace = service.stopGracePeriod() != null ? service.stopGracePeriod() : DEFAULT_GRACE;
        List<ContainerOperation> ops = plan.services().getOrDefault(name, List.of());
        Map<ContainerOperation, String> created = new HashMap<>();
        for (ContainerOperation op : ops) {
            switch (op.action()) {
                case REMOVE -> remove(op, grace);
                case RECREATE -> created.put(op, replace(service, op, grace));
                case CREATE -> created.put(op, create(service, op, null));
                default -> {
                    // started, kept or restarted below
                }
            }
            if (op.number() == 1 && op.action() != Action.REMOVE) {
                firstIds.put(name, created.containsKey(op) ? created.get(op) : op.existing().id());
            }
        }
        awaitDependencies.run();
        boolean dependencyRecreated = service.dependsOn().entrySet().stream()
                .anyMatch(e -> e.getValue().restart() && recreated.contains(e.getKey()));
        List<ContainerRef> refs = new ArrayList<>();
        for (ContainerOperation op : ops) {
            switch (op.action()) {
                case REMOVE -> {
                    // removed above
                }
                case KEEP -> {
                    if (dependencyRecreated) {
                        // depends_on.restart: the dependency changed under it, as docker compose does
                        Elapsed took = Elapsed.start(clock);
                        Hooks.preStop(engine, progress, op.existing(), name, project.service(name).preStop(), grace);
                        engine.stopContainer(op.existing().id(), seconds(grace));
                        progress.info(name, "Container " + op.name() + "  Restarting  " + took);
                        start(op.existing().id(), op.name(), name);
                    } else {
                        waits.report(name, op.name(), "Running");
                    }
                    refs.add(ref(op, op.existing().id()));
                }
                case START -> {
                    start(op.existing().id(), op.name(), name);
                    refs.add(ref(op, op.existing().id()));
                }
                case RECREATE -> {
                    start(created.get(op), op.name(), name);
                    engine.removeContainer(op.existing().id(), false);
                    refs.add(ref(op, created.get(op)));
                    recreated.add(name);
                }
                case CREATE -> {
                    start(created.get(op), op.name(), name);
                    refs.add(ref(op, created.get(op)));
                }
                default -> throw new IllegalStateException("not a container action: " + op.action());
            }
        }
        containers.put(name, List.copyOf(refs));
    }

    private ContainerRef ref(ContainerOperation op, String id) {
        return new ContainerRef(op.service(), id, op.name());
    }

    /**
     * As docker compose recreates: the old container is stopped and renamed out of the way, and the new one is created
     * with the old one's anonymous volumes (an image's VOLUME, a service's {@code - /data}: their data survives a changed
     * configuration). The old one is removed once the new one has started. Should the new one fail, the old one stays,
     * stopped, under its temporary name and still labelled, so that the next up or down finds it.
     *
     * @return the new container's id
     */
    private String replace(Service service, ContainerOperation op, Duration grace) {
        Elapsed took = Elapsed.start(clock);
        ContainerInfo old = op.existing();
        engine.stopContainer(old.id(), seconds(grace));
        String aside = old.id().substring(0, Math.min(12, old.id().length())) + "_" + op.name();
        if (!aside.equals(old.name())) {
            engine.renameContainer(old.id(), aside);
        }
        progress.info(service.name(), "Container " + op.name() + "  Recreate  " + took);
        return create(service, op, old);
    }

    /** @param inheritFrom the container being replaced, whose anonymous volumes the new one takes over; null for none */
    private String create(Service service, ContainerOperation op, ContainerInfo inheritFrom) {
        Elapsed took = Elapsed.start(clock);
        ContainerSpec spec = ContainerSpecs.of(project, service, op.number(), plan.specOptions(project, service, this::containerOf));
        if (inheritFrom != null) {
            spec = AnonymousVolumes.inherited(spec, inheritFrom);
        }
        String name = spec.name();
        String id = engine.createContainer(spec,
                warning -> progress.warn(service.name(), "Container " + name + ": the engine warns: " + warning));
        rollback.container(id, spec.name());
        progress.info(service.name(), "Container " + spec.name() + "  Created  " + took);
        return id;
    }

    private void start(String id, String containerName, String service) {
        Elapsed took = Elapsed.start(clock);
        Starts.start(engine, readiness, id, containerName, service);
        progress.info(service, "Container " + containerName + "  Started  " + took);
        Hooks.postStart(engine, id, containerName, service, project.service(service).postStart(), Hooks.Limit.of(deadline, clock));
    }

    private void remove(ContainerOperation op, Duration grace) {
        Elapsed took = Elapsed.start(clock);
        try {
            engine.stopContainer(op.existing().id(), seconds(grace));
            engine.removeContainer(op.existing().id(), false);
        } catch (EngineException.NotFound gone) {
            // removed meanwhile: fine
        }
        progress.info(op.service(), "Container " + op.name() + "  Removed  " + took);
    }

    /** What {@code service:x} references resolve to: x's first container in this run, else one outside the plan. */
    private String containerOf(String service) {
        String id = firstIds.get(service);
        return id != null ? id : plan.otherContainers().get(service);
    }

    static int seconds(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, d.toSeconds()));
    }
}
