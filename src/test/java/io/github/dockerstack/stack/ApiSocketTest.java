package io.github.dockerstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.auth.Credentials;
import io.github.dockerstack.engine.RegistryAuth;
import io.github.dockerstack.load.ComposeException;
import io.github.dockerstack.model.FileReference;
import io.github.dockerstack.model.Mount;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiSocketTest {
    @TempDir
    Path dir;

    private Project project() {
        return TestProjects.load(dir, "po", """
                services:
                  runner:
                    image: busybox:latest
                    use_api_socket: true
                  custom:
                    image: busybox:latest
                    use_api_socket: true
                    environment: {DOCKER_CONFIG: /home/me/.docker}
                  plain:
                    image: busybox:latest
                """);
    }

    @Test
    void aServiceThatAsksGetsTheSocketTheCredentialsAndDockerConfig() {
        Project p = ApiSocket.apply(project(), () -> Map.of("127.0.0.1:5000", RegistryAuth.basic("127.0.0.1:5000", "ann", "pw")), "linux");
        Service runner = p.service("runner");
        assertEquals(List.of(new Mount("bind", "/var/run/docker.sock", "/var/run/docker.sock", false, null, null, null, null)),
                runner.volumes());
        assertEquals("/run/secrets/docker", runner.environment().get("DOCKER_CONFIG"));
        assertEquals(List.of(new FileReference("#apisocket", "/run/secrets/docker/config.json", null, null, null)), runner.configs());
        assertEquals("/home/me/.docker", p.service("custom").environment().get("DOCKER_CONFIG"), "its own DOCKER_CONFIG stays");
        assertEquals(List.of(), p.service("plain").volumes());
        assertEquals("""
                {
                  "auths" : {
                    "127.0.0.1:5000" : {
                      "auth" : "YW5uOnB3"
                    }
                  }
                }""", p.configs().get("#apisocket").content());
    }

    @Test
    void withoutAServiceThatAsksNothingChangesAndNoCredentialsAreRead() {
        Project none = TestProjects.load(dir, "po", "services:\n  plain: {image: busybox}\n");
        AtomicInteger asked = new AtomicInteger();
        assertSame(none, ApiSocket.apply(none, () -> {
            asked.incrementAndGet();
            return Map.of();
        }, "linux"));
        assertEquals(0, asked.get());
    }

    @Test
    void aWindowsEngineCannotLendItsSocket() {
        ComposeException e = assertThrows(ComposeException.class, () -> ApiSocket.apply(project(), Map::of, "windows"));
        assertTrue(e.path().matches("services\\.(runner|custom)\\.use_api_socket"), e.path());
        assertTrue(e.getMessage().contains("Windows engine"), e.getMessage());
    }

    @Test
    void tokensAreWrittenAsTheCliWritesThem() {
        String json = Credentials.configJson(Map.of("r.example", new RegistryAuth("r.example", null, null, "refresh", null)));
        assertTrue(json.contains("\"identitytoken\" : \"refresh\""), json);
    }
}
