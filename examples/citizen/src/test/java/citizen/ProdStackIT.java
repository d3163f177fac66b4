package citizen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** mvn verify -Pprod: docker-compose.yml + docker-compose.prod.yml, only the proxy on a host port. */
@Tag("prod")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProdStackIT {
    @Test
    void onlyTheProxyIsPublished() {
        assertEquals("citizen-example-prod", Stack.project());
        // every service runs (it has a .host), and only nginx has a .port
        assertEquals(Map.of("database", Set.of(), "backend", Set.of(), "frontend", Set.of(), "nginx", Set.of("80")),
                Stack.published());
    }

    @Test
    void theApiRunsInProductionModeBehindTheProxy() throws Exception {
        String info = Stack.get(Stack.url("nginx", 80, "/api/info")).body();
        assertTrue(info.contains("\"mode\": \"production\""), info);
        assertTrue(info.contains("\"debug\": false"), info);
    }

    @Test
    void theFrontIsTheRunStageBuiltForProduction() throws Exception {
        HttpResponse<String> page = Stack.get(Stack.url("nginx", 80, "/"));
        assertEquals("run", page.headers().firstValue("X-Site-Stage").orElse(null), "target: run of the prod file");
        assertTrue(page.body().contains("data-mode=\"production\""), "SITE_MODE build arg of the prod file: " + page.body());
    }

    @Test
    void aVoteThroughTheProxyShowsOnTheServerRenderedPage() throws Exception {
        int before = votesOnThePage(1);
        String vote = Stack.post(Stack.url("nginx", 80, "/api/proposals/1/vote")).body();
        assertTrue(vote.contains("\"votes\": " + (before + 1)), vote);
        assertEquals(before + 1, votesOnThePage(1));
    }

    private static int votesOnThePage(int id) throws Exception {
        String page = Stack.get(Stack.url("nginx", 80, "/")).body();
        Matcher m = Pattern.compile("<li data-id=\"" + id + "\">[^<]*<span class=\"votes\">(\\d+)</span>").matcher(page);
        assertTrue(m.find(), page);
        return Integer.parseInt(m.group(1));
    }
}
