package io.github.dockerstack.maven;

import io.github.dockerstack.engine.dockerjava.DockerJavaEngine;
import io.github.dockerstack.engine.dockerjava.DockerJavaImages;
import io.github.dockerstack.engine.dockerjava.EngineConnection;
import io.github.dockerstack.stack.ImageEngineFactory;

/** The engines every goal talks to: docker-java connections, with their images (build, pull) over the same connection. */
final class DockerJavaEngines {
    private DockerJavaEngines() {
    }

    static ImageEngineFactory factory() {
        return ImageEngineFactory.of(settings -> EngineConnection.open(settings.dockerHost(), settings.dockerContext()),
                engine -> DockerJavaImages.of((DockerJavaEngine) engine));
    }
}
