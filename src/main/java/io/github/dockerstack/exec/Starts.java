package io.github.dockerstack.exec;

import io.github.dockerstack.engine.Engine;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.readiness.Readiness;
import io.github.dockerstack.readiness.ServiceFailure;

/** Starting a container the readiness watch is told of; a start the engine refuses is a failure of the service. */
final class Starts {
    private Starts() {
    }

    static void start(Engine engine, Readiness readiness, String id, String containerName, String service) {
        readiness.expectStart(id);
        try {
            engine.startContainer(id);
        } catch (EngineException.Unreachable e) {
            readiness.startFailed(id);
            throw e;
        } catch (EngineException e) {
            // the engine refused to run what it created (a device, a kernel limit, a port in use)
            readiness.startFailed(id);
            throw new ServiceFailure(service, id, containerName, "could not start: " + e.reason(), false);
        } catch (RuntimeException e) {
            readiness.startFailed(id);
            throw e;
        }
    }
}
