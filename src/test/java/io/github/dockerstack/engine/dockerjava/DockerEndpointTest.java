package io.github.dockerstack.engine.dockerjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.engine.EngineException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which engine is chosen, as the Docker CLI chooses: parameters, DOCKER_HOST, DOCKER_CONTEXT, config.json. */
class DockerEndpointTest {
    @TempDir
    Path config;

    /** Writes a context as `docker context create` does: meta under the SHA-256 of the name, TLS files beside. */
    static void context(Path config, String name, String host, boolean tls) throws IOException {
        String digest = DockerEndpoint.sha256(name);
        Path meta = Files.createDirectories(config.resolve("contexts/meta").resolve(digest));
        Files.writeString(meta.resolve("meta.json"), """
                {"Name":"%s","Metadata":{},"Endpoints":{"docker":{"Host":"%s","SkipTLSVerify":false}}}""".formatted(name, host));
        if (tls) {
            Files.createDirectories(config.resolve("contexts/tls").resolve(digest).resolve("docker"));
        }
    }

    @Test
    void contextDirectoriesAreNamedByTheSha256OfTheName() {
        // the directory `docker context create remote` makes (printf remote | sha256sum)
        assertEquals("b71199ebd070b36beab7317920c2c2f1d777df8d05e5527d8458fda57cb17a7a", DockerEndpoint.sha256("remote"));
    }

    @Test
    void dockerHostParameterWinsOverEverything() throws IOException {
        context(config, "remote", "tcp://remote:2376", true);
        DockerEndpoint e = DockerEndpoint.resolve("tcp://10.0.0.9:2375", null, true, "remote", config);
        assertEquals("tcp://10.0.0.9:2375", e.host());
        assertNull(e.tlsDir());
        assertEquals("docker-stack.dockerHost", e.origin());
    }

    @Test
    void bothParametersAreAMistake() {
        EngineException e = assertThrows(EngineException.class, () -> DockerEndpoint.resolve("tcp://a:1", "remote", false, null, config));
        assertTrue(e.getMessage().contains("set only one"), e.getMessage());
    }

    @Test
    void contextParameterWinsOverDockerHostAndBringsItsTls() throws IOException {
        context(config, "remote", "tcp://remote:2376", true);
        DockerEndpoint e = DockerEndpoint.resolve(null, "remote", true, null, config);
        assertEquals("tcp://remote:2376", e.host());
        assertEquals("remote", e.context());
        assertEquals(config.resolve("contexts/tls").resolve(DockerEndpoint.sha256("remote")).resolve("docker"), e.tlsDir());
    }

    @Test
    void dockerHostWinsOverDockerContext() throws IOException {
        context(config, "remote", "tcp://remote:2376", false);
        DockerEndpoint e = DockerEndpoint.resolve(null, null, true, "remote", config);
        assertNull(e.host()); // docker-java keeps the DOCKER_HOST it read
        assertEquals("DOCKER_HOST", e.origin());
    }

    @Test
    void dockerContextVariable() throws IOException {
        context(config, "remote", "unix:///run/remote.sock", false);
        DockerEndpoint e = DockerEndpoint.resolve(null, null, false, "remote", config);
        assertEquals("unix:///run/remote.sock", e.host());
        assertNull(e.tlsDir());
    }

    @Test
    void currentContextOfConfigJson() throws IOException {
        context(config, "colima", "unix:///home/u/.colima/docker.sock", false);
        Files.writeString(config.resolve("config.json"), "{\"auths\":{},\"currentContext\":\"colima\"}");
        assertEquals("unix:///home/u/.colima/docker.sock", DockerEndpoint.resolve(null, null, false, null, config).host());
    }

    @Test
    void defaultContextIsTheDefaultSocket() throws IOException {
        Files.writeString(config.resolve("config.json"), "{\"currentContext\":\"default\"}");
        DockerEndpoint e = DockerEndpoint.resolve(null, null, false, null, config);
        assertNull(e.host());
        assertEquals("default", e.context());
        assertNull(DockerEndpoint.resolve(null, null, false, null, config.resolve("nothing-here")).host());
    }

    @Test
    void aMissingContextIsAnErrorNotTheDefaultSocket() {
        EngineException e = assertThrows(EngineException.class, () -> DockerEndpoint.resolve(null, null, false, "gone", config));
        assertTrue(e.getMessage().contains("'gone' (from DOCKER_CONTEXT) does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("docker context ls"), e.getMessage());
    }

    @Test
    void sshEnginesGetAWayOut() throws IOException {
        context(config, "remote", "ssh://me@host", false);
        EngineException e = assertThrows(EngineException.class, () -> DockerEndpoint.resolve(null, "remote", false, null, config));
        assertTrue(e.getMessage().contains("ssh:// engines are not supported"), e.getMessage());
        assertThrows(EngineException.class, () -> DockerEndpoint.resolve("http://host:2375", null, false, null, config));
    }

    @Test
    void hostForClients() {
        assertEquals("localhost", DockerEndpoint.hostForClients(URI.create("unix:///var/run/docker.sock")));
        assertEquals("localhost", DockerEndpoint.hostForClients(URI.create("npipe:////./pipe/docker_engine")));
        assertEquals("10.1.2.3", DockerEndpoint.hostForClients(URI.create("tcp://10.1.2.3:2375")));
        assertEquals("docker.example.org", DockerEndpoint.hostForClients(URI.create("tcp://docker.example.org:2376")));
        assertEquals("localhost", DockerEndpoint.hostForClients(URI.create("tcp://0.0.0.0:2375")));
    }
}
