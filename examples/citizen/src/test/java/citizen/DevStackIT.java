package citizen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** mvn verify: docker-compose.yml + docker-compose.override.yml, every service on its own host port. */
@Tag("dev")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DevStackIT {
    @Test
    void theOverrideFilePublishesEveryService() {
        assertEquals("citizen-example", Stack.project());
        assertEquals(Map.of("database", Set.of("5432"), "backend", Set.of("5000"), "frontend", Set.of("3000"), "nginx", Set.of("80")),
                Stack.published());
    }

    @Test
    void databaseAnswersOnItsOwnPortWithTheInitScriptsRows() throws Exception {
        try (Connection c = database();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT title FROM proposals WHERE id = 2")) {
            assertTrue(rs.next());
            assertEquals("Un jardin partagé près de la mairie", rs.getString(1));
        }
    }

    @Test
    void backendAnswersOnItsOwnPortInDevelopmentMode() throws Exception {
        String info = Stack.get(Stack.url("backend", 5000, "/api/info")).body();
        assertTrue(info.contains("\"mode\": \"development\""), info);
        assertTrue(info.contains("\"proposals\": 3"), info);
    }

    @Test
    void frontendAnswersOnItsOwnPortFromTheBuildStage() throws Exception {
        HttpResponse<String> page = Stack.get(Stack.url("frontend", 3000, "/"));
        assertEquals("build", page.headers().firstValue("X-Site-Stage").orElse(null), "target: build of the override file");
        assertTrue(page.body().contains("data-mode=\"development\""), page.body());
        assertTrue(page.body().contains("Plus de pistes cyclables"), "rendered with the backend's data: " + page.body());
    }

    @Test
    void aVoteThroughTheProxyIsInTheDatabase() throws Exception {
        String vote = Stack.post(Stack.url("nginx", 80, "/api/proposals/3/vote")).body();
        int votes = Integer.parseInt(vote.replaceAll(".*\"votes\": (\\d+).*", "$1"));
        assertTrue(votes >= 1, vote);
        try (Connection c = database();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT votes FROM proposals WHERE id = 3")) {
            assertTrue(rs.next());
            assertEquals(votes, rs.getInt(1));
        }
        String page = Stack.get(Stack.url("nginx", 80, "/")).body();
        assertTrue(page.contains("data-mode=\"development\""), page);
    }

    /** The database through the port the override file publishes. */
    private static Connection database() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + Stack.host("database") + ":" + Stack.port("database", 5432)
                + "/citizen", "citizen", "citizen");
    }
}
