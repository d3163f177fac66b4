package io.github.dockerstack.exec;

import io.github.dockerstack.engine.ContainerInfo;
import io.github.dockerstack.engine.Engine;
import io.github.dockerstack.engine.Labels;
import io.github.dockerstack.graph.ServiceGraph;
import io.github.dockerstack.load.ComposeException;
import io.github.dockerstack.model.DependsOn;
import io.github.dockerstack.model.Hook;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import io.github.dockerstack.plan.Dependencies;
import io.github.dockerstack.readiness.Deadline;
import io.github.dockerstack.readiness.Readiness;
import io.github.dockerstack.readiness.WaitClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@code stop} and {@code start} of the containers a project already has (found by label): stop in
 * reverse dependency order, start in dependency order waiting for the dependencies' conditions,
 * as {@code up} does. Nothing is created or removed.
 */
public final class Lifecycle {
    private final Engine engine;
    private final Project project;
    private final Progress progress;
    private final WaitClock clock;

    public Lifecycle(Engine engine, Project project, Progress progress, WaitClock clock) {
        this.engine = engine;
        this.project = project;
        this.progress = progress;
        this.clock = clock;
    }

    /** Stops the running containers of the project's services; returns their names, in stop order. */
    public List<String> stop(int parallelism, Duration timeout) {
        Map<String, List<ContainerInfo>> byService = byService(containers());
        List<String> stopped = Collections.synchronizedList(new ArrayList<>());
        graph(byService).walk(ServiceGraph.Direction.DEPENDENTS_FIRST, parallelism, service -> {
            Duration grace = timeout != null ? timeout : grace(project.service(service));
            for (ContainerInfo c : byService.get(service)) {
                if (c.running() || "restarting".equals(c.state()) || "paused".equals(c.state())) {
                    Elapsed took = Elapsed.start(clock);
                    Hooks.preStop(engine, progress, c, service, hooks(service, Service::preStop), grace);
                    engine.stopContainer(c.id(), UpRun.seconds(grace));
                    stopped.add(c.name());
                    progress.info(service, "Container " + c.name() + "  Stopped  " + took);
                }
            }
        });
        return List.copyOf(stopped);
    }

    /**
     * Starts the containers of the project's services that are not running, each service after its
     * dependencies' conditions hold; with {@code wait}, then waits like {@code up --wait}. The
     * readiness watch must be open before this is called.
     */
    public List<String> start(Readiness readiness, int parallelism, boolean wait, Duration timeout) {
        long mark = readiness.mark();
        List<ContainerInfo> all = containers();
        if (all.isEmpty()) {
            throw new ComposeException("Project '" + project.name() + "' has no containers to start; create them with docker-stack:up");
        }
        readiness.seed(all, mark);
        Map<String, List<ContainerInfo>> byService = byService(all);
        Map<String, Map<String, DependsOn>> dependencies = Dependencies.fromLabels(all);
        Map<String, List<ContainerRef>> refs = new ConcurrentHashMap<>();
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        Waits waits = new Waits(readiness, progress, project);
        Deadline deadline = Deadline.after(clock, timeout);
        try {
            new Abandon(readiness).walk(graph(byService), parallelism, service -> {
                waits.dependencies(service, dependencies.getOrDefault(service, Map.of()), refs, deadline);
                refs.put(service, startAll(readiness, service, byService.get(service), started, Hooks.Limit.of(deadline, clock)));
            });
            if (wait) {
                waits.all(new TreeMap<>(refs), Dependencies.awaitedToComplete(dependencies), deadline);
            }
        } catch (RuntimeException e) {
            throw FailureLogs.attach(engine, e);
        }
        return List.copyOf(started);
    }

    private List<ContainerRef> startAll(Readiness readiness, String service, List<ContainerInfo> containers, List<String> started,
            Hooks.Limit limit) {
        List<ContainerRef> list = new ArrayList<>();
        for (ContainerInfo c : containers) {
            if (!c.running()) {
                Elapsed took = Elapsed.start(clock);
                Starts.start(engine, readiness, c.id(), c.name(), service);
                started.add(c.name());
                progress.info(service, "Container " + c.name() + "  Started  " + took);
                Hooks.postStart(engine, c.id(), c.name(), service, hooks(service, Service::postStart), limit);
            }
            list.add(new ContainerRef(service, c.id(), c.name()));
        }
        return List.copyOf(list);
    }

    /** A service's hooks of one kind; none for a container whose service the model does not have. */
    private List<Hook> hooks(String service, Function<Service, List<Hook>> kind) {
        Service s = project.services().get(service);
        return s == null ? List.of() : kind.apply(s);
    }

    /** The project's (targeted) services' containers, without one-off ones. */
    private List<ContainerInfo> containers() {
        return engine.listContainers(Map.of(Labels.PROJECT, project.name())).stream()
                .filter(c -> !Labels.TRUE.equals(c.label(Labels.ONEOFF)))
                .filter(c -> c.label(Labels.SERVICE) != null && project.services().containsKey(c.label(Labels.SERVICE)))
                .toList();
    }

    private static Map<String, List<ContainerInfo>> byService(List<ContainerInfo> containers) {
        Map<String, List<ContainerInfo>> byService = new TreeMap<>();
        for (ContainerInfo c : containers) {
            byService.computeIfAbsent(c.label(Labels.SERVICE), k -> new ArrayList<>()).add(c);
        }
        byService.values().forEach(l -> l.sort(Comparator.comparing(ContainerInfo::name)));
        return byService;
    }

    private static ServiceGraph graph(Map<String, List<ContainerInfo>> byService) {
        Map<String, Map<String, DependsOn>> labelled = Dependencies.fromLabels(byService.values().stream().flatMap(List::stream).toList());
        return Dependencies.graph(labelled);
    }

    private static Duration grace(Service service) {
        return service != null && service.stopGracePeriod() != null ? service.stopGracePeriod() : UpRun.DEFAULT_GRACE;
    }
}
