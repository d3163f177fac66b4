package io.github.dockerstack.exec;

import io.github.dockerstack.engine.ContainerInfo;
import io.github.dockerstack.engine.Engine;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.ExecResult;
import io.github.dockerstack.engine.ExecSpec;
import io.github.dockerstack.model.Hook;
import io.github.dockerstack.readiness.Deadline;
import io.github.dockerstack.readiness.ServiceFailure;
import io.github.dockerstack.readiness.WaitClock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A service's lifecycle hooks, run in one of its containers in order, as compose runs them: each
 * {@code post_start} right after the container started (a failing one fails the service), each
 * {@code pre_stop} before the container is stopped (a failing one is reported, and the stop goes on).
 * Unlike compose, a hook has a time limit, so a hanging one cannot hold a build: a post_start hook
 * has what is left of {@code up}'s wait timeout, a pre_stop hook the container's stop grace period.
 */
final class Hooks {
    private Hooks() {
    }

    /** What a hook may take: the time left, and how to name the limit in a message. */
    record Limit(Supplier<Duration> remaining, String name) {
        static Limit of(Deadline deadline, WaitClock clock) {
            return new Limit(() -> Duration.ofNanos(Math.max(1_000_000, deadline.remainingNanos(clock))), "the wait timeout of "
                    + deadline.describe());
        }

        static Limit grace(Duration grace) {
            long end = System.nanoTime() + grace.toNanos();
            return new Limit(() -> Duration.ofNanos(Math.max(1_000_000, end - System.nanoTime())), "the stop grace period of "
                    + grace.toSeconds() + " s");
        }
    }

    static void postStart(Engine engine, String containerId, String containerName, String service, List<Hook> hooks, Limit limit) {
        String failure = failure(engine, containerId, "post_start", hooks, limit);
        if (failure != null) {
            throw new ServiceFailure(service, containerId, containerName, failure, false);
        }
    }

    /** Runs a running container's pre_stop hooks; one that fails or cannot run is a warning, as the container is stopped anyway. */
    static void preStop(Engine engine, Progress progress, ContainerInfo container, String service, List<Hook> hooks, Duration grace) {
        if (!container.running() || hooks.isEmpty()) {
            return;
        }
        try {
            String failure = failure(engine, container.id(), "pre_stop", hooks, Limit.grace(grace));
            if (failure != null) {
                progress.warn(service, "Container " + container.name() + ": " + failure + "; stopping it anyway");
            }
        } catch (EngineException.NotFound | EngineException.Conflict stoppedMeanwhile) {
            // nothing left to run a hook in
        } catch (EngineException.Unreachable e) {
            throw e;
        } catch (EngineException e) {
            progress.warn(service, "Container " + container.name() + ": its pre_stop hooks could not run (" + e.getMessage()
                    + "); stopping it anyway");
        }
    }

    private static String failure(Engine engine, String containerId, String kind, List<Hook> hooks, Limit limit) {
        for (int i = 0; i < hooks.size(); i++) {
            Hook hook = hooks.get(i);
            ExecResult result = engine.exec(containerId, spec(hook), limit.remaining().get());
            if (result.timedOut() || result.exitCode() != 0) {
                // one line, so the message still ends with the container's name and log
                String output = result.output() == null || result.output().isBlank() ? ""
                        : ": " + String.join("; ", result.output().strip().split("\\s*\\R\\s*"));
                return kind + " hook " + (hooks.size() > 1 ? i + 1 + " " : "") + "(" + String.join(" ", hook.command()) + ") "
                        + (result.timedOut() ? "did not finish within " + limit.name() : "exited with status " + result.exitCode()) + output;
            }
        }
        return null;
    }

    private static ExecSpec spec(Hook hook) {
        Map<String, String> env = new LinkedHashMap<>();
        hook.environment().forEach((k, v) -> {
            if (v != null) { // an unresolved variable: compose passes nothing either
                env.put(k, v);
            }
        });
        return new ExecSpec(hook.command(), emptyToNull(hook.user()), Boolean.TRUE.equals(hook.privileged()), emptyToNull(hook.workingDir()),
                env);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
