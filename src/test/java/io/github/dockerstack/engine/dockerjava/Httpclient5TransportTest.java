package io.github.dockerstack.engine.dockerjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import io.github.dockerstack.engine.ContainerInfo;
import io.github.dockerstack.engine.ContainerSpec;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.Labels;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The calls the engine sends without docker-java's commands, over httpclient5, the transport of
 * TCP, TLS and named-pipe engines (here on the local socket, which it reaches through JNA).
 */
class Httpclient5TransportTest {
    private final String project = "dstest" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private DockerJavaEngine engine;

    @BeforeEach
    void connect() {
        RealEngine.connect("busybox:latest").close(); // fails clearly without an engine or the image
        DockerClientConfig config = EngineConnection.config(null, null);
        engine = new DockerJavaEngine(httpclient5(config), httpclient5(config), () -> config, config.getDockerHost().toString(), "localhost");
    }

    private static DockerHttpClient httpclient5(DockerClientConfig config) {
        return new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost()).sslConfig(config.getSSLConfig()).build();
    }

    @AfterEach
    void removeTheContainer() {
        try {
            for (ContainerInfo c : engine.listContainers(Map.of(Labels.PROJECT, project))) {
                engine.removeContainer(c.id(), true);
            }
            assertEquals(List.of(), engine.listContainers(Map.of(Labels.PROJECT, project)), "containers left behind");
        } finally {
            engine.close();
        }
    }

    @Test
    void startStopKillRenameWaitAndRemove() {
        String id = engine.createContainer(ContainerSpec.builder(project + "-job-1", "busybox:latest").command(List.of("sleep", "600"))
                .labels(Map.of(Labels.PROJECT, project)).build());
        engine.startContainer(id);
        engine.startContainer(id); // 304: already running
        assertTrue(engine.inspectContainer(id).running());
        engine.renameContainer(id, project + "-job-old");
        assertEquals(project + "-job-old", engine.inspectContainer(id).name());
        engine.killContainer(id, "SIGKILL");
        assertEquals(137, engine.waitContainer(id));
        engine.stopContainer(id, 1); // 304: already stopped
        assertTrue(engine.inspectJson(id).contains("\"ExitCode\" : 137"), "the engine's own document, indented");
        engine.removeContainer(id, true);
        assertThrows(EngineException.NotFound.class, () -> engine.removeContainer(id, true));
    }
}
