package io.github.dockerstack.stack;

import io.github.dockerstack.auth.Credentials;
import io.github.dockerstack.auth.ServerCredentials;
import io.github.dockerstack.engine.ContainerInfo;
import io.github.dockerstack.engine.Engine;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.Labels;
import io.github.dockerstack.engine.LogOptions;
import io.github.dockerstack.exec.ContainerRef;
import io.github.dockerstack.exec.Lifecycle;
import io.github.dockerstack.exec.Progress;
import io.github.dockerstack.exec.Snapshot;
import io.github.dockerstack.exec.Teardown;
import io.github.dockerstack.exec.UpRun;
import io.github.dockerstack.load.ComposeException;
import io.github.dockerstack.load.LoadRequest;
import io.github.dockerstack.load.ProjectLoader;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import io.github.dockerstack.plan.Action;
import io.github.dockerstack.plan.ContainerSpecs;
import io.github.dockerstack.plan.ObservedState;
import io.github.dockerstack.plan.Plan;
import io.github.dockerstack.plan.Planner;
import io.github.dockerstack.readiness.Readiness;
import io.github.dockerstack.readiness.ServiceFailure;
import io.github.dockerstack.readiness.WaitClock;
import io.github.dockerstack.render.ConfigRenderer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The facade the mojos call: one method per goal, immutable requests and results, progress as events. */
public final class Stack {
    /** The deadline of waits when the request gives none. */
    public static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofSeconds(120);
    /** Services handled at once when the request gives no parallelism. */
    public static final int DEFAULT_PARALLELISM = 8;
    /** Stopping and removing is the engine's work and safe to overlap widely, as docker compose does. */
    static final int TEARDOWN_PARALLELISM = 16;

    private final Consumer<StackEvent> events;
    private final EngineFactory engines;
    private final WaitClock clock;

    /** A facade for {@link #config} only. */
    public Stack(Consumer<StackEvent> events) {
        this(events, null);
    }

    public Stack(Consumer<StackEvent> events, EngineFactory engines) {
        this(events, engines, WaitClock.system());
    }

    /** With the clock the waits use (tests pass one that never sleeps). */
    public Stack(Consumer<StackEvent> events, EngineFactory engines, WaitClock clock) {
        this.events = events;
        this.engines = engines;
        this.clock = clock;
    }

    /** Builds the selected services' images, as {@code docker compose build}; unchanged ones are skipped. */
    public BuildResult build(BuildRequest request) {
        return ImageTasks.build(events, engines, request);
    }

    /** Pulls the selected services' images according to their pull_policy, as {@code docker compose pull}. */
    public PullResult pull(PullRequest request) {
        return ImageTasks.pull(events, engines, request);
    }

    /** Resolves the project as {@code docker compose config} does; needs no engine. */
    public ConfigResult config(ConfigRequest request) {
        Project project = new ProjectLoader(w -> events.accept(StackEvent.warn(w))).load(request.project());
        String text = request.format() == ConfigRequest.Format.JSON ? ConfigRenderer.toJson(project) : ConfigRenderer.toYaml(project);
        return new ConfigResult(project, text);
    }

    /**
     * Creates and starts what the project lacks, as {@code docker compose up -d [--wait]}: plans
     * against what the engine holds, fails before creating anything when an image or external
     * resource is missing, and removes what it created when a service fails.
     */
    public UpResult up(UpRequest request) {
        long started = System.nanoTime();
        EarlyConnection.Opened opened;
        Project project;
        try (EarlyConnection connection = EarlyConnection.start(() -> open(request.engine()))) {
            project = load(request.project());
            phase(started, "project loaded");
            opened = connection.take();
        }
        phase(started, "engine connected");
        Duration timeout = request.waitTimeout() != null ? request.waitTimeout() : DEFAULT_WAIT_TIMEOUT;
        try (Engine engine = opened.engine()) {
            Map<String, ServerCredentials> servers = request.images() == null ? Map.of() : request.images().servers();
            project = ApiSocket.apply(project, () -> Credentials.fromEnvironment(servers).all(), opened.version().os());
            for (Service s : project.services().values()) {
                ContainerSpecs.ignored(project, s).forEach(note -> events.accept(new StackEvent(StackEvent.Level.WARN, s.name(), note)));
            }
            ImageTasks.ensureForUp(events, engines, engine, project, request.images());
            phase(started, "images checked");
            String apiVersion = opened.version().apiVersion();
            try (Readiness readiness = Readiness.watch(engine, project.name(), clock)) {
                phase(started, "watching events");
                long mark = readiness.mark();
                ObservedState observed = Snapshot.take(engine, project, apiVersion);
                phase(started, "snapshot taken");
                readiness.seed(observed.containers(), mark);
                Plan plan = Planner.plan(project, observed, new Planner.Options(request.removeOrphans(), envFiles(request.project())));
                plan.warnings().forEach(w -> events.accept(StackEvent.warn(w)));
                phase(started, "planned");
                events.accept(new StackEvent(StackEvent.Level.DEBUG, null, "Plan of " + project.name() + ":\n" + plan.text()));
                Path diagnostics = request.diagnosticsDirectory() == null ? null : request.diagnosticsDirectory().resolve(project.name());
                LiveLogs live = request.showLogs() ? LiveLogs.start(engine, project, events) : null;
                UpRun run = new UpRun(engine, readiness, project, plan, live == null ? progress() : live.following(progress()), clock);
                Map<String, List<ContainerRef>> containers;
                try (live) {
                    containers = run.run(new UpRun.Settings(parallelism(request.parallelism()), request.waitReady(), timeout, diagnostics));
                } catch (ServiceFailure f) {
                    throw failed(f, run.diagnostics());
                } catch (RuntimeException e) {
                    if (run.diagnostics() != null) {
                        events.accept(StackEvent.warn("up of project " + project.name() + " failed; the full logs and inspect documents of"
                                + " its containers were saved to " + run.diagnostics()));
                    }
                    throw e;
                }
                phase(started, "plan run");
                Map<String, ContainerInfo> infos = inspected(engine, containers, kept(plan, observed));
                Map<String, ServiceEndpoint> endpoints = endpoints(containers, infos);
                phase(started, "endpoints read");
                return new UpResult(project, engine.hostForClients(), endpoints, plan.text(), since(started), summary(containers, infos));
            }
        } catch (ServiceFailure f) {
            throw failed(f);
        }
    }

    /** Removes the project's containers and networks (and volumes when asked), found by label, as {@code docker compose down}. */
    public DownResult down(DownRequest request) {
        long started = System.nanoTime();
        EarlyConnection.Opened opened;
        Project project;
        try (EarlyConnection connection = EarlyConnection.start(() -> open(request.engine()))) {
            project = loadForDown(request.project()).onlyServices(request.project().services());
            phase(started, "project loaded");
            opened = connection.take();
        }
        phase(started, "engine connected");
        try (Engine engine = opened.engine()) {
            // without the files (see loadForDown) every container of the project counts as an orphan, and all of them go
            boolean byLabels = project.configFiles().isEmpty();
            Teardown.Result result = new Teardown(engine, project, progress(), clock).run(new Teardown.Settings(request.removeVolumes(),
                    request.removeOrphans() || byLabels, request.timeout(), TEARDOWN_PARALLELISM, !request.project().services().isEmpty(),
                    request.logDirectory()));
            if (request.failOnError() && !result.problems().isEmpty()) {
                throw new EngineException("down of project " + project.name() + " left " + result.problems().size() + " problem(s):\n  - "
                        + String.join("\n  - ", result.problems()));
            }
            return new DownResult(project.name(), result.containers(), result.networks(), result.volumes(), result.problems(),
                    since(started));
        }
    }

    /**
     * The containers' logs, as {@code docker compose logs}: of the selected services' containers (all of the project's when
     * none is selected), each line behind its container's column, or one file per container. With follow it returns when the
     * containers have stopped or the thread is interrupted (or the JVM shuts down).
     */
    public LogsResult logs(LogsRequest request) {
        Instant since = Since.parse(request.since(), Instant.now(), ZoneId.systemDefault());
        LogOptions options = new LogOptions(request.follow(), request.tail(), since, request.timestamps());
        EarlyConnection.Opened opened;
        Project project;
        try (EarlyConnection connection = EarlyConnection.start(() -> open(request.engine()))) {
            project = load(request.project());
            opened = connection.take();
        }
        // only the services named, not their dependencies, as compose logs does
        Set<String> named = Set.copyOf(request.project().services());
        try (Engine engine = opened.engine()) {
            List<ContainerInfo> containers = engine.listContainers(Map.of(Labels.PROJECT, project.name())).stream()
                    .filter(c -> !Labels.TRUE.equals(c.label(Labels.ONEOFF)))
                    .filter(c -> named.isEmpty() || named.contains(c.label(Labels.SERVICE)))
                    .sorted(Comparator.comparing(ContainerInfo::name)).toList();
            if (containers.isEmpty()) {
                events.accept(StackEvent.info("No container of project " + project.name() + (named.isEmpty() ? "" : " for " + named)));
            }
            Map<String, Path> files = new ContainerLogs(engine, events).run(containers, project.name(), options, request.logDirectory());
            return new LogsResult(project.name(), files);
        }
    }

    /** Stops the project's running containers without removing them, dependents first. */
    public LifecycleResult stop(LifecycleRequest request) {
        long started = System.nanoTime();
        Project project = load(request.project());
        try (Engine engine = open(request.engine())) {
            List<String> stopped = new Lifecycle(engine, project, progress(), clock).stop(TEARDOWN_PARALLELISM, null);
            return new LifecycleResult(project.name(), stopped, since(started));
        }
    }

    /** Starts the project's existing containers in dependency order, waiting like {@code up} when asked. */
    public LifecycleResult start(LifecycleRequest request) {
        long started = System.nanoTime();
        Project project = load(request.project());
        Duration timeout = request.waitTimeout() != null ? request.waitTimeout() : DEFAULT_WAIT_TIMEOUT;
        try (Engine engine = open(request.engine()); Readiness readiness = Readiness.watch(engine, project.name(), clock)) {
            List<String> names = new Lifecycle(engine, project, progress(), clock).start(readiness, DEFAULT_PARALLELISM, request.waitReady(),
                    timeout);
            return new LifecycleResult(project.name(), names, since(started));
        } catch (ServiceFailure f) {
            throw failed(f);
        }
    }

    /** The project's containers: service, name, state, health and published ports. */
    public PsResult ps(LifecycleRequest request) {
        Project project = load(request.project());
        boolean selected = !request.project().services().isEmpty();
        try (Engine engine = open(request.engine())) {
            List<PsRow> rows = new ArrayList<>();
            for (ContainerInfo c : engine.listContainers(Map.of(Labels.PROJECT, project.name()))) {
                String service = c.label(Labels.SERVICE);
                if (Labels.TRUE.equals(c.label(Labels.ONEOFF)) || (selected && !project.services().containsKey(service))) {
                    continue;
                }
                rows.add(new PsRow(service, c.name(), c.state(), c.health() == null ? "" : c.health(), ports(c)));
            }
            rows.sort(Comparator.comparing((PsRow r) -> String.valueOf(r.service())).thenComparing(PsRow::container));
            return new PsResult(project.name(), List.copyOf(rows));
        }
    }

    // ---------------------------------------------------------------- helpers

    private Project load(LoadRequest request) {
        return new ProjectLoader(w -> events.accept(StackEvent.warn(w))).load(request);
    }

    /**
     * down finds what to remove by the project label, so, like {@code docker compose -p NAME down}, it does not need the
     * compose files when the project name is given: files that are gone or broken leave a warning, not a running stack.
     */
    private Project loadForDown(LoadRequest request) {
        try {
            return load(request);
        } catch (ComposeException e) {
            if (request.projectName() == null || request.projectName().isBlank()) {
                throw e;
            }
            String name = request.projectName().trim();
            events.accept(StackEvent.warn("The compose files cannot be read (" + e.getMessage() + "); taking project " + name
                    + " down by its labels"));
            return new Project(name, request.projectDirectory(), List.of(), Map.of(), List.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                    Map.of(), Map.of(), Map.of());
        }
    }

    /** Where the time of a goal goes, for {@code mvn -X}. */
    private void phase(long started, String what) {
        events.accept(new StackEvent(StackEvent.Level.DEBUG, null, "docker-stack timing: " + what + " at " + since(started).toMillis() + " ms"));
    }

    private Engine open(EngineSettings settings) {
        if (engines == null) {
            throw new IllegalStateException("this Stack was made without an EngineFactory; it can only run config");
        }
        return engines.open(settings == null ? new EngineSettings(null, null) : settings);
    }

    private Progress progress() {
        return new Progress() {
            @Override
            public void info(String service, String message) {
                events.accept(new StackEvent(StackEvent.Level.INFO, service, message));
            }

            @Override
            public void warn(String service, String message) {
                events.accept(new StackEvent(StackEvent.Level.WARN, service, message));
            }
        };
    }

    private static ServiceFailedException failed(ServiceFailure f) {
        return failed(f, null);
    }

    private static ServiceFailedException failed(ServiceFailure f, Path diagnostics) {
        return new ServiceFailedException(f.service(), f.containerName(), f.reason(), f.logTail(), diagnostics, f);
    }

    private static int parallelism(int requested) {
        return requested > 0 ? requested : DEFAULT_PARALLELISM;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** The env files given explicitly, absolute, for the containers' label. */
    private static List<String> envFiles(LoadRequest request) {
        return request.envFiles().stream()
                .map(p -> request.projectDirectory().resolve(p).toAbsolutePath().normalize().toString()).toList();
    }

    /** Containers the plan left alone: their snapshot is current enough for their ports. */
    private static Map<String, ContainerInfo> kept(Plan plan, ObservedState observed) {
        Set<String> keptIds = new HashSet<>();
        plan.services().values().forEach(ops -> ops.stream().filter(o -> o.action() == Action.KEEP)
                .forEach(o -> keptIds.add(o.existing().id())));
        Map<String, ContainerInfo> kept = new HashMap<>();
        observed.containers().stream().filter(c -> keptIds.contains(c.id())).forEach(c -> kept.put(c.id(), c));
        return kept;
    }

    /** Every container up ran, by id: the snapshot's for those the plan kept, a fresh inspect for the others. */
    private static Map<String, ContainerInfo> inspected(Engine engine, Map<String, List<ContainerRef>> containers,
                                                       Map<String, ContainerInfo> kept) {
        Map<String, ContainerInfo> infos = new HashMap<>();
        containers.values().forEach(refs -> refs.forEach(r -> infos.put(r.id(), kept.containsKey(r.id()) ? kept.get(r.id())
                : engine.inspectContainer(r.id()))));
        return infos;
    }

    private static Map<String, ServiceEndpoint> endpoints(Map<String, List<ContainerRef>> containers, Map<String, ContainerInfo> infos) {
        Map<String, ServiceEndpoint> endpoints = new LinkedHashMap<>();
        containers.forEach((service, refs) -> {
            Map<String, Integer> ports = new LinkedHashMap<>();
            if (!refs.isEmpty()) {
                ContainerInfo first = infos.get(refs.get(0).id());
                first.ports().stream()
                        .sorted(Comparator.comparingInt(ContainerInfo.PublishedPort::containerPort)
                                .thenComparing(ContainerInfo.PublishedPort::protocol))
                        .forEach(p -> first.published(p.containerPort(), p.protocol()).ifPresent(best -> ports.putIfAbsent(
                                "tcp".equals(p.protocol()) ? Integer.toString(p.containerPort()) : p.containerPort() + "/" + p.protocol(),
                                best.hostPort())));
            }
            endpoints.put(service, new ServiceEndpoint(service, refs.stream().map(ContainerRef::name).toList(), java.util.Collections.unmodifiableMap(ports)));
        });
        return java.util.Collections.unmodifiableMap(endpoints);
    }

    /** The end-of-up summary rows, as {@code ps} shows them, by service then container name. */
    private static List<PsRow> summary(Map<String, List<ContainerRef>> containers, Map<String, ContainerInfo> infos) {
        List<PsRow> rows = new ArrayList<>();
        containers.forEach((service, refs) -> refs.forEach(r -> {
            ContainerInfo c = infos.get(r.id());
            rows.add(new PsRow(service, r.name(), c.state(), c.health() == null ? "" : c.health(), ports(c)));
        }));
        rows.sort(Comparator.comparing(PsRow::service).thenComparing(PsRow::container));
        return rows;
    }

    /** "127.0.0.1:49153->80/tcp", "[::]:49153->80/tcp". */
    private static List<String> ports(ContainerInfo c) {
        return c.ports().stream()
                .sorted(Comparator.comparingInt(ContainerInfo.PublishedPort::containerPort).thenComparing(ContainerInfo.PublishedPort::ipv6))
                .map(p -> (p.ipv6() ? "[" + p.hostIp() + "]" : p.hostIp() == null ? "" : p.hostIp()) + ":" + p.hostPort() + "->"
                        + p.containerPort() + "/" + p.protocol())
                .toList();
    }
}
