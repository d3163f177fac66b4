package io.github.dockerstack.engine.dockerjava;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.dockerstack.engine.EngineException;

/** The engine the real-engine tests use: they fail, never skip, when it or a local image is missing. */
public final class RealEngine {
    private RealEngine() {
    }

    /** Connects to the engine docker-java's configuration names and checks that {@code image} is there. */
    public static DockerJavaEngine connect(String image) {
        DockerJavaEngine engine = EngineConnection.open(null, null);
        try {
            engine.ping();
        } catch (EngineException.Unreachable e) {
            fail("This test needs a Docker engine. " + e.getMessage());
        }
        if (!engine.imageExists(image)) {
            fail("Image " + image + " is missing from the engine at " + engine.address() + ": run `bash scripts/engine.sh` (it builds it"
                    + " locally; nothing can be pulled).");
        }
        return engine;
    }
}
