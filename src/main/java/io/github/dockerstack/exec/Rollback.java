package io.github.dockerstack.exec;

import io.github.dockerstack.engine.Engine;
import io.github.dockerstack.engine.EngineException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one run created, to be removed again when the run fails: containers first, then networks
 * and volumes. What existed before the run is never touched.
 */
final class Rollback {
    private record Created(String id, String name) {
    }

    private final List<Created> containers = Collections.synchronizedList(new ArrayList<>());
    private final List<String> networks = Collections.synchronizedList(new ArrayList<>());
    private final List<String> volumes = Collections.synchronizedList(new ArrayList<>());

    void container(String id, String name) {
        containers.add(new Created(id, name));
    }

    void network(String name) {
        networks.add(name);
    }

    void volume(String name) {
        volumes.add(name);
    }

    boolean hasContainers() {
        return !containers.isEmpty();
    }

    boolean isEmpty() {
        return containers.isEmpty() && networks.isEmpty() && volumes.isEmpty();
    }

    /** Removes everything recorded, newest first; what cannot be removed is added to {@code failure} as suppressed. */
    void undo(Engine engine, Progress progress, RuntimeException failure) {
        for (Created c : reversed(containers)) {
            attempt(failure, progress, "Container " + c.name(), () -> engine.removeContainer(c.id(), true));
        }
        for (String n : reversed(networks)) {
            attempt(failure, progress, "Network " + n, () -> engine.removeNetwork(n));
        }
        for (String v : reversed(volumes)) {
            attempt(failure, progress, "Volume " + v, () -> engine.removeVolume(v));
        }
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy;
        synchronized (list) {
            copy = new ArrayList<>(list);
        }
        Collections.reverse(copy);
        return copy;
    }

    /** Removes one object; a failure is said at once and kept as suppressed, to be reported with the run's own. */
    private static void attempt(RuntimeException failure, Progress progress, String what, Runnable step) {
        try {
            step.run();
            progress.info(null, what + "  Removed (rollback)");
        } catch (EngineException.NotFound gone) {
            progress.info(null, what + "  Removed (rollback)");
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            progress.warn(null, what + " could not be removed: " + e.getMessage());
        }
    }
}
