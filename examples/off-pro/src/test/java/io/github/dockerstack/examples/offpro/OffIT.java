package io.github.dockerstack.examples.offpro;

import static io.github.dockerstack.examples.offpro.Api.OFF_BACKEND;
import static io.github.dockerstack.examples.offpro.Api.OFF_FRONTEND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The public app alone (mvn verify), and again beside pro (mvn -Ppro verify): nothing of pro may disturb it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OffIT {

    @Test
    void backendIsThePublicAppOnItsOwnPostgres() throws Exception {
        Properties info = Api.get(OFF_BACKEND + "/info").fields();
        assertEquals("off-example", info.getProperty("project"));
        assertEquals("0", info.getProperty("producers_platform"));
        assertEquals("off-queue", info.getProperty("minion_queue"));
        assertEquals("postgres", info.getProperty("db.host"));
        assertTrue(info.getProperty("db.system_identifier", "").matches("\\d+"), info.toString());
        // off's project has a postgres service (profile "off", enabled by .env's COMPOSE_PROFILES)
        assertTrue(Api.stackProperties("off-example").containsKey("docker-stack.postgres.host"));
    }

    @Test
    void frontendServesItsPageAndProxiesTheApiToTheBackend() {
        Api.Reply page = Api.get(OFF_FRONTEND + "/");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Open Food Facts example frontend"), page.body());
        assertEquals("off-example", Api.get(OFF_FRONTEND + "/api/info").fields().getProperty("project"));
    }

    @Test
    void offMinionRunsATaskOfTheOffQueue() throws Exception {
        Api.Reply created = Api.post(OFF_BACKEND + "/tasks?task=export&args=csv");
        assertEquals(201, created.status(), created.body());
        String id = created.fields().getProperty("id");

        Properties task = Api.poll(OFF_BACKEND + "/tasks/" + id,
                r -> "finished".equals(r.fields().getProperty("state")), Duration.ofSeconds(30)).fields();
        assertEquals("off-queue", task.getProperty("queue"));
        assertEquals("off-example", task.getProperty("finished_by"));
        assertEquals("export(csv) by off-example, producers platform 0", task.getProperty("result"));
    }

    @Test
    void backendKeepsFilesAndProductsInItsVolumes() {
        String name = "off-" + UUID.randomUUID() + ".txt";
        assertEquals(204, Api.put(OFF_BACKEND + "/files/podata/" + name, "hello podata").status());
        assertEquals("hello podata", Api.get(OFF_BACKEND + "/files/podata/" + name).body());

        String code = "3017620422003";
        assertEquals(204, Api.put(OFF_BACKEND + "/products/" + code, "{\"product_name\":\"Nutella\"}").status());
        assertEquals("{\"product_name\":\"Nutella\"}", Api.get(OFF_BACKEND + "/products/" + code).body());
    }
}
