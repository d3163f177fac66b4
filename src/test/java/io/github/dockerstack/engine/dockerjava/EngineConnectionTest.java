package io.github.dockerstack.engine.dockerjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.dockerstack.engine.EngineException;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Docker CLI context reaches the real engine; DOCKER_CONFIG points at a scratch directory (docker-java reads the system property too). */
class EngineConnectionTest {
    @TempDir
    Path config;
    private String previous;
    private String engineAddress;

    @BeforeEach
    void scratchDockerConfig() {
        try (DockerJavaEngine engine = EngineConnection.open(null, null)) {
            engine.ping();
            engineAddress = engine.address();
        } catch (EngineException.Unreachable e) {
            fail("This test needs a Docker engine. " + e.getMessage());
        }
        previous = System.getProperty("DOCKER_CONFIG");
        System.setProperty("DOCKER_CONFIG", config.toString());
    }

    @AfterEach
    void restore() {
        if (previous == null) {
            System.clearProperty("DOCKER_CONFIG");
        } else {
            System.setProperty("DOCKER_CONFIG", previous);
        }
    }

    @Test
    void contextParameterReachesItsEndpoint() throws IOException {
        DockerEndpointTest.context(config, "itest", engineAddress, false);
        try (DockerJavaEngine engine = EngineConnection.open(null, "itest")) {
            assertEquals(engineAddress, engine.address());
            assertTrue(engine.version().apiAtLeast(1, 24));
        }
    }

    @Test
    void contextWithAnotherEndpointIsUsedNotTheDefault() throws IOException {
        DockerEndpointTest.context(config, "elsewhere", "unix:///nonexistent/elsewhere.sock", false);
        try (DockerJavaEngine engine = EngineConnection.open(null, "elsewhere")) {
            EngineException.Unreachable e = assertThrows(EngineException.Unreachable.class, engine::ping);
            assertEquals("unix:///nonexistent/elsewhere.sock", e.address());
        }
    }

    @Test
    void aLocalEngineAnswersReadsAndBodilessCallsBeforeDockerJavaIsSetUp() {
        try (DockerJavaEngine engine = EngineConnection.open(null, null)) {
            boolean explicit = System.getenv("DOCKER_HOST") != null; // then docker-java's configuration names the engine
            assertEquals(explicit ? engineAddress : EngineConnection.DEFAULT_SOCKET, engine.address());
            engine.ping();
            engine.version();
            engine.listContainers(java.util.Map.of("docker-stack.test.none", "x"));
            assertEquals(explicit, engine.clientsMade(), "docker-java's configuration and clients are made on first need only");
            engine.client().pingCmd().exec(); // then over the same transport
            assertTrue(engine.clientsMade());
        }
    }

    @Test
    void anExplicitDockerHostIsTheOneDockerJavaReads() {
        System.setProperty("DOCKER_HOST", "unix:///nonexistent/explicit.sock"); // docker-java reads it like the environment variable
        try (DockerJavaEngine engine = EngineConnection.open(null, null)) {
            assertEquals("unix:///nonexistent/explicit.sock", engine.address());
            assertThrows(EngineException.Unreachable.class, engine::ping);
        } finally {
            System.clearProperty("DOCKER_HOST");
        }
    }

    @Test
    void unknownContextFailsClearly() {
        EngineException e = assertThrows(EngineException.class, () -> EngineConnection.open(null, "nope"));
        assertTrue(e.getMessage().contains("Docker context 'nope' (from docker-stack.dockerContext) does not exist"), e.getMessage());
    }
}
