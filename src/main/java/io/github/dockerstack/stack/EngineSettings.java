package io.github.dockerstack.stack;

/**
 * Which engine to talk to.
 *
 * @param dockerHost like DOCKER_HOST, or null
 * @param dockerContext a Docker CLI context name, or null
 */
public record EngineSettings(String dockerHost, String dockerContext) {
}
