package io.github.dockerstack.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.dockerstack.stack.PsRow;
import io.github.dockerstack.stack.UpResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table {@code up} prints when it is done. */
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
    void noContainerNoTable() {
        assertEquals(List.of(), UpMojo.summary(result(List.of())));
    }
}
