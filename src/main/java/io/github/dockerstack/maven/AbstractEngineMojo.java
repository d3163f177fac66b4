package io.github.dockerstack.maven;

import io.github.dockerstack.stack.EngineSettings;
import io.github.dockerstack.stack.Stack;
import java.time.Duration;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Goals that talk to an engine. The connection follows docker-java's own configuration
 * (DOCKER_HOST, DOCKER_CONTEXT, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, ~/.docker contexts), then these
 * parameters, applied last.
 */
public abstract class AbstractEngineMojo extends AbstractStackMojo {
    /** The engine address, like DOCKER_HOST: {@code unix:///var/run/docker.sock}, {@code tcp://host:2376}. */
    @Parameter(property = "docker-stack.dockerHost")
    protected String dockerHost;

    /** A docker context name (from ~/.docker/contexts), like DOCKER_CONTEXT. */
    @Parameter(property = "docker-stack.dockerContext")
    protected String dockerContext;

    /** Waits until services are running, healthy or completed (as {@code docker compose up --wait}). */
    @Parameter(property = "docker-stack.wait", defaultValue = "true")
    protected boolean wait;

    /** How long to wait for the services, in seconds. */
    @Parameter(property = "docker-stack.waitTimeout", defaultValue = "120")
    protected int waitTimeout;

    protected EngineSettings engineSettings() {
        return new EngineSettings(blankToNull(dockerHost), blankToNull(dockerContext));
    }

    protected Duration waitTimeout() {
        return Duration.ofSeconds(waitTimeout);
    }

    @Override
    protected Stack newStack() {
        return new Stack(this::log, DockerJavaEngines.factory());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
