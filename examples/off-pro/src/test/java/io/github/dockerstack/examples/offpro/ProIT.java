package io.github.dockerstack.examples.offpro;

import static io.github.dockerstack.examples.offpro.Api.OFF_BACKEND;
import static io.github.dockerstack.examples.offpro.Api.PRO_BACKEND;
import static io.github.dockerstack.examples.offpro.Api.PRO_FRONTEND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The producers' platform beside the public app (mvn -Ppro verify): what the two share and what they do not. */
@Tag("pro")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProIT {

    @Test
    void proBackendIsTheProducersPlatform() {
        Properties info = Api.get(PRO_BACKEND + "/info").fields();
        assertEquals("off-pro-example", info.getProperty("project"));
        assertEquals("1", info.getProperty("producers_platform"));
        assertEquals("pro-queue", info.getProperty("minion_queue"));
    }

    @Test
    void proBackendReachesOffsPostgres() {
        Properties off = Api.get(OFF_BACKEND + "/info").fields();
        Properties pro = Api.get(PRO_BACKEND + "/info").fields();
        // pro has no postgres: "postgres" on minion_db is off's, the same cluster (its unique system identifier).
        // (db.address may differ: off's backend can reach it on off's default network as well)
        assertEquals("postgres", pro.getProperty("db.host"));
        assertTrue(pro.getProperty("db.system_identifier", "").matches("\\d+"), pro.toString());
        assertEquals(off.getProperty("db.system_identifier"), pro.getProperty("db.system_identifier"));
    }

    @Test
    void proProjectHasNoPostgresOfItsOwn() throws Exception {
        Properties pro = Api.stackProperties("off-pro-example");
        assertEquals("off-pro-example", pro.getProperty("pro.project"));
        assertTrue(pro.containsKey("pro.backend.host"), pro.toString());
        assertFalse(pro.stringPropertyNames().stream().anyMatch(k -> k.startsWith("pro.postgres.")), pro.toString());
        assertTrue(Api.stackProperties("off-example").containsKey("docker-stack.postgres.host"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"orgs", "users", "podata"})
    void aFileWrittenByOneBackendIsReadByTheOther(String volume) {
        String fromOff = "from-off-" + UUID.randomUUID() + ".json";
        assertEquals(204, Api.put(OFF_BACKEND + "/files/" + volume + "/" + fromOff, "{\"by\":\"off\"}").status());
        assertEquals("{\"by\":\"off\"}", Api.get(PRO_BACKEND + "/files/" + volume + "/" + fromOff).body());

        String fromPro = "from-pro-" + UUID.randomUUID() + ".json";
        assertEquals(204, Api.put(PRO_BACKEND + "/files/" + volume + "/" + fromPro, "{\"by\":\"pro\"}").status());
        assertEquals("{\"by\":\"pro\"}", Api.get(OFF_BACKEND + "/files/" + volume + "/" + fromPro).body());
    }

    @Test
    void productsStayInEachProjectsOwnDocstore() {
        String code = "pro-only-" + UUID.randomUUID();
        assertEquals(204, Api.put(PRO_BACKEND + "/products/" + code, "{\"owner\":\"org-acme\"}").status());
        assertEquals("{\"owner\":\"org-acme\"}", Api.get(PRO_BACKEND + "/products/" + code).body());
        assertEquals(404, Api.get(OFF_BACKEND + "/products/" + code).status());
    }

    @Test
    void eachMinionTakesOnlyTheTasksOfItsOwnQueue() throws Exception {
        List<String> offTasks = new ArrayList<>();
        List<String> proTasks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            proTasks.add(Api.post(PRO_BACKEND + "/tasks?task=import&args=" + i).fields().getProperty("id"));
            offTasks.add(Api.post(OFF_BACKEND + "/tasks?task=export&args=" + i).fields().getProperty("id"));
        }
        // one table: either backend reads any task, so the check does not depend on who is asked
        for (String id : proTasks) {
            Properties task = finished(id);
            assertEquals("pro-queue", task.getProperty("queue"));
            assertEquals("off-pro-example", task.getProperty("created_by"));
            assertEquals("off-pro-example", task.getProperty("finished_by"), "a pro task taken by the wrong minion");
        }
        for (String id : offTasks) {
            Properties task = finished(id);
            assertEquals("off-queue", task.getProperty("queue"));
            assertEquals("off-example", task.getProperty("finished_by"), "an off task taken by the wrong minion");
        }
    }

    @Test
    void eachBackendIsReachableUnderItsOwnAliasOnMinionDb() {
        // "backend" would answer for either; backend-off / backend-pro are unambiguous
        assertEquals("off-pro-example", Api.get(OFF_BACKEND + "/peer/backend-pro/info").fields().getProperty("project"));
        assertEquals("off-example", Api.get(PRO_BACKEND + "/peer/backend-off/info").fields().getProperty("project"));
    }

    @Test
    void proFrontendProxiesToProsBackend() {
        assertEquals("off-pro-example", Api.get(PRO_FRONTEND + "/api/info").fields().getProperty("project"));
    }

    private static Properties finished(String id) throws InterruptedException {
        return Api.poll(OFF_BACKEND + "/tasks/" + id, r -> "finished".equals(r.fields().getProperty("state")),
                Duration.ofSeconds(30)).fields();
    }
}
