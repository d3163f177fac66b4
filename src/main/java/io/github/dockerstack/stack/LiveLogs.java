package io.github.dockerstack.stack;

import io.github.dockerstack.engine.ContainerInfo;
import io.github.dockerstack.engine.Engine;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.Labels;
import io.github.dockerstack.engine.LogOptions;
import io.github.dockerstack.engine.LogStream;
import io.github.dockerstack.exec.Progress;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import io.github.dockerstack.plan.Planner;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The output of a project's containers while {@code up} runs ({@code docker-stack.showLogs}), in the columns of the
 * logs goal. Containers appear one by one as up creates them, so a background thread looks for new ones a few times a
 * second and follows each from its start; a container that was already there before up only shows what it writes from
 * then on. {@link #close()} (when up returns or fails) ends every stream.
 */
final class LiveLogs implements AutoCloseable {
    /** How often the project's containers are listed for new ones. */
    static final long POLL_MILLIS = 200;

    private final Engine engine;
    private final Consumer<StackEvent> events;
    private final String project;
    private final Set<String> services;
    private final int width;
    private final Instant started;
    private final Set<String> existing = new HashSet<>();
    private final Map<String, LogStream> streams = new LinkedHashMap<>();
    private final Object outputLock = new Object();
    private final Object pollLock = new Object();
    private final Thread poller;
    private volatile boolean stopping;
    private boolean closed;

    private LiveLogs(Engine engine, Project project, Consumer<StackEvent> events) {
        this.engine = engine;
        this.events = events;
        this.project = project.name();
        this.services = Set.copyOf(project.services().keySet());
        this.width = project.services().values().stream().mapToInt(s -> widestName(project.name(), s)).max().orElse(0) + 1;
        this.started = Instant.now();
        this.poller = new Thread(this::pollUntilClosed, "docker-stack-up-logs");
        poller.setDaemon(true);
    }

    /** Starts following the project's containers; the ones already there only from now on. */
    static LiveLogs start(Engine engine, Project project, Consumer<StackEvent> events) {
        LiveLogs logs = new LiveLogs(engine, project, events);
        logs.containers().forEach(c -> logs.existing.add(c.id()));
        logs.poller.start();
        return logs;
    }

    /** The longest column name a service's containers get, so that the column does not move as they appear. */
    private static int widestName(String project, Service s) {
        return s.containerName() != null ? s.containerName().length() : (s.name() + "-" + Math.max(1, Planner.replicas(s))).length();
    }

    private void pollUntilClosed() {
        while (!stopping) {
            poll();
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return; // closed
            }
        }
    }

    /**
     * Reports to {@code progress} and looks for new containers after each step up reports, so that a container is
     * followed as soon as it has started, even one that a failing up removes before the next regular look.
     */
    Progress following(Progress progress) {
        return new Progress() {
            @Override
            public void info(String service, String message) {
                progress.info(service, message);
                poll();
            }

            @Override
            public void warn(String service, String message) {
                progress.warn(service, message);
            }
        };
    }

    /** Opens a stream on each container not followed yet that has been started. */
    void poll() {
        synchronized (pollLock) { // the poller and up's threads: each container followed once
            pollOnce();
        }
    }

    private void pollOnce() {
        if (closed()) {
            return;
        }
        List<ContainerInfo> containers;
        try {
            containers = containers();
        } catch (EngineException e) {
            events.accept(new StackEvent(StackEvent.Level.DEBUG, null, "listing containers for their logs failed: " + e.getMessage()));
            return;
        }
        for (ContainerInfo c : containers) {
            if ("created".equals(c.state()) || isFollowed(c.id())) {
                continue;
            }
            String name = ContainerLogs.displayName(c, project);
            String prefix = name + " ".repeat(Math.max(1, width - name.length())) + " | ";
            LogOptions options = new LogOptions(true, null, existing.contains(c.id()) ? started : null, false);
            try {
                LogStream stream = engine.streamLogs(c.id(), options, line -> emit(c, prefix, line.text()));
                if (!keep(c.id(), stream)) {
                    return;
                }
            } catch (EngineException e) { // removed meanwhile (a failed up rolls back): nothing to show
                events.accept(new StackEvent(StackEvent.Level.DEBUG, c.label(Labels.SERVICE), "cannot follow the log of " + c.name() + ": "
                        + e.getMessage()));
            }
        }
    }

    private List<ContainerInfo> containers() {
        return engine.listContainers(Map.of(Labels.PROJECT, project)).stream()
                .filter(c -> !Labels.TRUE.equals(c.label(Labels.ONEOFF)) && services.contains(c.label(Labels.SERVICE)))
                .toList();
    }

    private void emit(ContainerInfo c, String prefix, String text) {
        synchronized (outputLock) { // one line at a time, whichever stream it comes from
            events.accept(StackEvent.output(c.label(Labels.SERVICE), prefix, text));
        }
    }

    private synchronized boolean closed() {
        return closed;
    }

    private synchronized boolean isFollowed(String id) {
        return streams.containsKey(id);
    }

    /** Keeps a new stream; closes it at once when up has ended meanwhile. */
    private boolean keep(String id, LogStream stream) {
        synchronized (this) {
            if (!closed) {
                streams.put(id, stream);
                return true;
            }
        }
        stream.close();
        return false;
    }

    /**
     * Ends every stream; no line is reported after it returns. A last look first catches the containers started since
     * the previous one (a quick up, a one-shot job), so that what they wrote so far is shown.
     */
    @Override
    public void close() {
        stopping = true;
        poller.interrupt();
        try {
            poller.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        poll();
        List<LogStream> open;
        synchronized (this) {
            closed = true;
            open = List.copyOf(streams.values());
        }
        open.forEach(LogStream::close);
    }
}
