package io.github.dockerstack.readiness;

import io.github.dockerstack.engine.ContainerInfo;
import io.github.dockerstack.engine.Engine;
import io.github.dockerstack.engine.EngineEvent;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.Labels;
import java.io.Closeable;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The state of a project's containers, kept from the engine's event stream: subscribed before
 * anything starts, seeded from inspects taken after subscribing, so no transition is missed and
 * nothing polls. Waits block on a condition until an event (or a test clock) wakes them.
 *
 * <p>An inspect races with events: when an event for the container arrived while the inspect was
 * under way, the inspect may be older than that event and is taken again.
 */
public final class Readiness implements AutoCloseable {
    private static final int INSPECT_ATTEMPTS = 5;

    private final Engine engine;
    private final WaitClock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Tracked> containers = new HashMap<>();
    private long sequence;
    private EngineException streamError;
    private String abandoned;
    private Closeable subscription;
    private Runnable unregister = () -> {
    };

    /** What is known of one container. */
    private static final class Tracked {
        String state;
        String health;
        Integer exitCode;
        /** null: not known yet */
        Boolean hasHealthcheck;
        boolean seeded;
        /** a start was asked for and not yet seen: older state does not count */
        boolean pendingStart;
        boolean removed;
        long lastEvent;
    }

    private Readiness(Engine engine, WaitClock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /** Subscribes to the events of the project's containers; nothing that happens afterwards is missed. */
    public static Readiness watch(Engine engine, String project, WaitClock clock) {
        Readiness readiness = new Readiness(engine, clock);
        readiness.subscription = engine.events(Map.of(Labels.PROJECT, project), readiness::onEvent, readiness::onStreamError);
        readiness.unregister = clock.onAdvance(readiness::wake);
        return readiness;
    }

    /** A mark to take before listing containers, for {@link #seed}. */
    public long mark() {
        lock.lock();
        try {
            return sequence;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Seeds the state of containers inspected after {@link #mark()} was taken. A container with an
     * event since the mark is left to be inspected again when waited for.
     */
    public void seed(Collection<ContainerInfo> inspected, long mark) {
        lock.lock();
        try {
            for (ContainerInfo info : inspected) {
                Tracked t = containers.computeIfAbsent(info.id(), id -> new Tracked());
                if (t.lastEvent <= mark && !t.pendingStart) {
                    apply(t, info);
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Call before starting a container: until its start is seen, its older state does not count. */
    public void expectStart(String containerId) {
        lock.lock();
        try {
            containers.computeIfAbsent(containerId, id -> new Tracked()).pendingStart = true;
        } finally {
            lock.unlock();
        }
    }

    /** Call when a start asked for with {@link #expectStart} failed. */
    public void startFailed(String containerId) {
        lock.lock();
        try {
            Tracked t = containers.get(containerId);
            if (t != null) {
                t.pendingStart = false;
                t.seeded = false;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until every target reached its goal. Each target is reported to {@code onReady} once,
     * when it gets there (under this object's lock: keep it short).
     *
     * @throws ServiceFailure as soon as one target cannot reach its goal any more, or at the deadline
     * @throws EngineException when the event stream broke
     * @throws CancellationException after {@link #abandon}
     */
    public void await(List<Target> targets, Deadline deadline, Consumer<Target> onReady) {
        Set<Target> reported = new HashSet<>();
        while (true) {
            for (Target target : targets) {
                refresh(target.containerId());
            }
            lock.lock();
            try {
                if (evaluate(targets, deadline, onReady, reported)) {
                    return;
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Ends every wait, now and later, with a {@link CancellationException}: another part of the run
     * failed, so nobody should keep waiting until the deadline.
     */
    public void abandon(String why) {
        lock.lock();
        try {
            abandoned = why;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** One look at the targets, under the lock: true when all are ready; waits for a change otherwise. */
    private boolean evaluate(List<Target> targets, Deadline deadline, Consumer<Target> onReady, Set<Target> reported) {
        if (abandoned != null) {
            throw new CancellationException("wait abandoned: " + abandoned);
        }
        if (streamError != null) {
            throw new EngineException("The engine's event stream broke while waiting for containers: " + streamError.getMessage(),
                    streamError);
        }
        Target waiting = null;
        for (Target target : targets) {
            Tracked t = containers.get(target.containerId());
            if (!known(t)) {
                return false; // learnt from an inspect first
            }
            String failure = failure(target, t);
            if (failure != null) {
                throw new ServiceFailure(target.service(), target.containerId(), target.containerName(), failure, false);
            }
            if (ready(target, t)) {
                if (reported.add(target)) {
                    onReady.accept(target);
                }
            } else if (waiting == null) {
                waiting = target;
            }
        }
        if (waiting == null) {
            return true;
        }
        long remaining = deadline.remainingNanos(clock);
        if (remaining <= 0) {
            throw new ServiceFailure(waiting.service(), waiting.containerId(), waiting.containerName(),
                    timeoutReason(waiting, containers.get(waiting.containerId()), deadline), true);
        }
        try {
            clock.await(changed, remaining);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("Interrupted while waiting for " + waiting.containerName(), e);
        }
        return false;
    }

    /** The container's state as last seen ("running", "exited", ...), or null when unknown. */
    public String state(String containerId) {
        lock.lock();
        try {
            Tracked t = containers.get(containerId);
            return t == null ? null : t.removed ? "removed" : t.state;
        } finally {
            lock.unlock();
        }
    }

    /** The container's health as last seen ("healthy", ...), or null without a healthcheck or when unknown. */
    public String health(String containerId) {
        lock.lock();
        try {
            Tracked t = containers.get(containerId);
            return t == null ? null : t.health;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        unregister.run();
        Closeable s = subscription;
        if (s != null) {
            try {
                s.close();
            } catch (IOException | RuntimeException ignored) {
                // the stream is gone either way
            }
        }
    }

    // ---------------------------------------------------------------- state

    /** Inspects a container not seeded yet (or started since), outside the lock, until no event overtook the inspect. */
    private void refresh(String id) {
        for (int attempt = 1; attempt <= INSPECT_ATTEMPTS; attempt++) {
            long before;
            lock.lock();
            try {
                Tracked t = containers.get(id);
                if (t != null && t.seeded && !t.pendingStart) {
                    return;
                }
                before = sequence;
            } finally {
                lock.unlock();
            }
            ContainerInfo info;
            try {
                info = engine.inspectContainer(id);
            } catch (EngineException.NotFound gone) {
                info = null;
            }
            lock.lock();
            try {
                Tracked t = containers.computeIfAbsent(id, k -> new Tracked());
                if (t.lastEvent > before && attempt < INSPECT_ATTEMPTS) {
                    continue; // an event arrived meanwhile: the inspect may be older than it
                }
                if (info == null) {
                    t.removed = true;
                    t.seeded = true;
                    t.pendingStart = false;
                } else {
                    apply(t, info);
                }
                changed.signalAll();
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    private static void apply(Tracked t, ContainerInfo info) {
        t.state = info.state();
        t.health = info.health();
        t.exitCode = info.exitCode();
        if (info.healthcheck() != null) {
            t.hasHealthcheck = info.healthcheck(); // so a start of it needs no inspect to know
        } else if (info.health() != null) {
            t.hasHealthcheck = true;
        } else if (info.running()) {
            t.hasHealthcheck = false; // a running container with a healthcheck always reports a status
        }
        t.seeded = true;
        t.pendingStart = false;
    }

    private void onEvent(EngineEvent event) {
        if (!"container".equals(event.type()) || event.id() == null) {
            return;
        }
        lock.lock();
        try {
            Tracked t = containers.computeIfAbsent(event.id(), id -> new Tracked());
            String health = event.healthStatus();
            switch (event.baseAction()) {
                case "create" -> {
                    if (t.state == null) {
                        t.state = "created";
                    }
                }
                case "start" -> {
                    t.state = "running";
                    t.exitCode = null;
                    t.pendingStart = false;
                    t.health = Boolean.TRUE.equals(t.hasHealthcheck) ? "starting" : null;
                    if (t.hasHealthcheck == null) {
                        t.seeded = false; // whether it has a healthcheck is learnt from an inspect
                    }
                }
                case "die" -> {
                    t.state = "exited";
                    t.exitCode = event.exitCode();
                    if (!t.pendingStart && t.exitCode != null) {
                        t.seeded = true; // an exit and its code are all any wait needs to know: no inspect behind the engine's clean-up
                    }
                }
                case "health_status" -> {
                    t.health = health;
                    t.hasHealthcheck = true;
                }
                case "pause" -> t.state = "paused";
                case "unpause" -> t.state = "running";
                case "destroy" -> t.removed = true;
                default -> {
                    return; // kill, stop, attach, exec_*: no change of state
                }
            }
            t.lastEvent = ++sequence;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void onStreamError(EngineException error) {
        lock.lock();
        try {
            streamError = error;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void wake() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- goals

    private static boolean known(Tracked t) {
        return t != null && t.seeded && !t.pendingStart;
    }

    private static boolean ready(Target target, Tracked t) {
        if (!known(t) || t.removed) {
            return false;
        }
        boolean running = "running".equals(t.state);
        return switch (target.goal()) {
            case COMPLETED -> exited(t) && t.exitCode != null && t.exitCode == 0;
            case RUNNING -> running && (t.health == null || "healthy".equals(t.health));
            case HEALTHY -> running && "healthy".equals(t.health);
        };
    }

    /** Why the target can no longer reach its goal, or null. */
    private static String failure(Target target, Tracked t) {
        if (!known(t)) {
            return null;
        }
        if (t.removed) {
            return "was removed";
        }
        boolean exited = exited(t);
        return switch (target.goal()) {
            case COMPLETED -> exited && (t.exitCode == null || t.exitCode != 0) ? "exited with code " + code(t) : null;
            case RUNNING -> exited && !target.restarts() ? "exited with code " + code(t)
                    : "unhealthy".equals(t.health) && "running".equals(t.state) ? "is unhealthy" : null;
            case HEALTHY -> exited && !target.restarts() ? "exited with code " + code(t)
                    : "running".equals(t.state) && "unhealthy".equals(t.health) ? "is unhealthy"
                    : "running".equals(t.state) && Boolean.FALSE.equals(t.hasHealthcheck)
                            ? "has no healthcheck, but a dependency on it needs it healthy (condition service_healthy); add a healthcheck"
                            : null;
        };
    }

    private static boolean exited(Tracked t) {
        return "exited".equals(t.state) || "dead".equals(t.state);
    }

    private static String code(Tracked t) {
        return t.exitCode == null ? "unknown" : t.exitCode.toString();
    }

    private static String timeoutReason(Target target, Tracked t, Deadline deadline) {
        String within = " within " + deadline.describe();
        if (target.goal() == Goal.COMPLETED) {
            return "did not complete" + within + (t != null && t.state != null ? " (still " + t.state + ")" : "");
        }
        if (t != null && "running".equals(t.state)) {
            return "did not become healthy" + within + " (health: " + t.health + ")";
        }
        return "was not running" + within + (t != null && t.state != null ? " (" + t.state + ")" : "");
    }
}
