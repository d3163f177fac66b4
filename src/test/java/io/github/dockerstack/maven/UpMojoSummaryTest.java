package io.github.dockerstack.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.dockerstack.model.Project;
import io.github.dockerstack.stack.PsRow;
import io.github.dockerstack.stack.ServiceEndpoint;
import io.github.dockerstack.stack.UpResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table and the properties {@code up} gives when it is done. */
class UpMojoSummaryTest {
    private static UpResult result(List<PsRow> rows) {
        return new UpResult(null, "localhost", Map.of(), "", Duration.ofSeconds(1), rows);
    }

    @Test
    void listsEveryContainerInComposePsColumns() {
        List<String> lines = UpMojo.summary(result(List.of(
                new PsRow("db", "shop-db-1", "running", "healthy", List.of()),
                new PsRow("web", "shop-web-1", "running", "", List.of("0.0.0.0:49153->80/tcp", "[::]:49153->80/tcp")),
                new PsRow("web", "shop-web-2", "running", "starting", List.of("0.0.0.0:49154->80/tcp")))));
        assertEquals(List.of(
                "  SERVICE  CONTAINER   STATE    HEALTH    PORTS",
                "  db       shop-db-1   running  healthy",
                "  web      shop-web-1  running            0.0.0.0:49153->80/tcp, [::]:49153->80/tcp",
                "  web      shop-web-2  running  starting  0.0.0.0:49154->80/tcp"), lines);
    }

    @Test
    void exitedOneShotContainersShowTheirState() {
        List<String> lines = UpMojo.summary(result(List.of(new PsRow("migrate", "shop-migrate-1", "exited", null, List.of()))));
        assertEquals(List.of("  SERVICE  CONTAINER       STATE   HEALTH  PORTS", "  migrate  shop-migrate-1  exited"), lines);
    }

    @Test
    void propertiesCarryTheGivenPrefix() {
        Project project = new Project("pro", Path.of("."), List.of(), Map.of(), List.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of(), Map.of(), Map.of());
        UpResult up = new UpResult(project, "localhost",
                Map.of("backend", new ServiceEndpoint("backend", List.of("pro-backend-1"), Map.of("8000", 49160, "53/udp", 49161))),
                "", Duration.ofSeconds(1), List.of());
        assertEquals(Map.of("pro.project", "pro", "pro.backend.host", "localhost", "pro.backend.port.8000", "49160",
                "pro.backend.port.53/udp", "49161"), UpMojo.properties("pro", up));
    }

    @Test
    void noContainerNoTable() {
        assertEquals(List.of(), UpMojo.summary(result(List.of())));
    }
}
