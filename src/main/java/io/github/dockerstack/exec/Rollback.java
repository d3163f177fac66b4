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
            attempt(failure, () -> engine.removeContainer(c.id(), true));
            progress.info(null, "Container " + c.name() + "  Removed (rollback)");
        }
        for (String n : reversed(networks)) {
            attempt(failure, () -> engine.removeNetwork(n));
            progress.info(null, "Network " + n + "  Removed (rollback)");
        }
        for (String v : reversed(volumes)) {
            attempt(failure, () -> engine.removeVolume(v));
            progress.info(null, "Volume " + v + "  Removed (rollback)");
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

    private static void attempt(RuntimeException failure, Runnable step) {
        try {
            step.run();
        } catch (EngineException.NotFound gone) {
            // already gone
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
