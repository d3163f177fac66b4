package io.github.dockerstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.ExecResult;
import io.github.dockerstack.engine.Labels;
import io.github.dockerstack.engine.fake.FakeEngine;
import io.github.dockerstack.error.StackException;
import io.github.dockerstack.load.ComposeException;
import io.github.dockerstack.load.LoadRequest;
import io.github.dockerstack.readiness.FakeClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** up against the fake engine and a fake clock: order, parallelism, readiness, rollback, idempotence. */
class StackUpTest {
    static final String OFF = """
            services:
              postgres:
                image: busybox:latest
                healthcheck:
                  test: ["CMD", "pg_isready"]
                volumes: ["data:/var/lib/postgresql/data"]
              backend:
                image: busybox:latest
                depends_on:
                  postgres: {condition: service_healthy}
                ports: ["8080"]
            volumes:
              data: {}
            """;

    @TempDir
    Path dir;

    final FakeEngine engine = new FakeEngine();
    final FakeClock clock = new FakeClock();
    final List<StackEvent> events = new CopyOnWriteArrayList<>();
    final Stack stack = new Stack(events::add, settings -> engine, clock);

    LoadRequest project(String yaml) {
        return TestProjects.write(dir, "po", yaml);
    }

    UpResult up(LoadRequest project) {
        return stack.up(new UpRequest(project, new EngineSettings(null, null), false, null, false, 0, null));
    }

    UpResult upAndWait(LoadRequest project) {
        return stack.up(new UpRequest(project, new EngineSettings(null, null), true, Duration.ofSeconds(120), false, 0, null));
    }

    CompletableFuture<UpResult> upInBackground(LoadRequest project, boolean wait) {
        return CompletableFuture.supplyAsync(() -> stack.up(new UpRequest(project, null, wait, null, false, 0, null)));
    }

    int indexOf(String write) {
        int i = engine.writes().indexOf(write);
        assertTrue(i >= 0, write + " not in " + engine.writes());
        return i;
    }

    void assertEngineEmpty() {
        assertEquals(List.of(), engine.containerNames(), "containers left");
        assertEquals(List.of(), engine.networkNames(), "networks left");
        assertEquals(List.of(), engine.volumeNames(), "volumes left");
    }

    static Throwable failureOf(CompletableFuture<?> f) throws Exception {
        try {
            f.get(10, TimeUnit.SECONDS);
            throw new AssertionError("no failure");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    @Test
    void theResultSummarisesEveryContainerAsPsShowsIt() {
        engine.script("postgres").health("healthy");
        UpResult result = upAndWait(project(OFF));
        assertEquals(List.of(new PsRow("backend", "po-backend-1", "running", "",
                List.of("0.0.0.0:49153->8080/tcp", "[::]:49153->8080/tcp")),
                new PsRow("postgres", "po-postgres-1", "running", "healthy", List.of())), result.containers());
    }

    @Test
    void freshUpCreatesResourcesFirstThenServicesInDependencyOrder() {
        engine.script("postgres").health("healthy");
        UpResult result = up(project(OFF));

        List<String> writes = engine.writes().stream().filter(w -> !w.startsWith("connect")).toList();
        // networks and volumes are created in parallel, in either order, before any container
        assertEquals(Set.of("create network po_default", "create volume po_data"), Set.copyOf(writes.subList(0, 2)));
        assertEquals(List.of("create container po-postgres-1", "start container po-postgres-1", "create container po-backend-1",
                "start container po-backend-1"), writes.subList(2, writes.size()));
        assertEquals("""
                create network po_default (missing)
                create volume po_data (missing)
                create container po-postgres-1 (missing)
                create container po-backend-1 (missing)""", result.plan());
        assertEquals("localhost", result.host());
        assertEquals(List.of("po-backend-1"), result.services().get("backend").containers());
        assertEquals(Map.of("8080", 49153), result.services().get("backend").ports());
        assertEquals(Map.of(), result.services().get("postgres").ports());
        assertTrue(engine.isClosed(), "the engine is closed at the end of the call");
        assertFalse(engine.subscribed(), "the event subscription is closed");
    }

    @Test
    void progressIsReportedPerContainerWithElapsedTimes() {
        engine.script("postgres").health("healthy");
        up(project(OFF));
        List<String> lines = events.stream().filter(e -> e.level() == StackEvent.Level.INFO).map(StackEvent::message).toList();
        assertTrue(lines.contains("Network po_default  Created  0.0s"), lines.toString());
        assertTrue(lines.contains("Container po-postgres-1  Created  0.0s"), lines.toString());
        assertTrue(lines.contains("Container po-postgres-1  Started  0.0s"), lines.toString());
        assertTrue(lines.contains("Container po-postgres-1  Healthy"), lines.toString());
        assertTrue(events.stream().anyMatch(e -> "backend".equals(e.service()) && e.message().contains("po-backend-1  Started")));
    }

    @Test
    void theEnginesWarningsOnCreateAreReportedForTheirService() {
        engine.script("postgres").health("healthy");
        engine.warnOnCreate(spec -> spec.name().equals("po-backend-1")
                ? List.of("Your kernel does not support Block I/O weight or the cgroup is not mounted. Weight discarded.")
                : List.of());
        up(project(OFF));
        List<StackEvent> warnings = events.stream().filter(e -> e.level() == StackEvent.Level.WARN).toList();
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals("backend", warnings.get(0).service());
        assertEquals("Container po-backend-1: the engine warns: Your kernel does not support Block I/O weight or the cgroup is not"
                + " mounted. Weight discarded.", warnings.get(0).message());
    }

    @Test
    void independentServicesAreStartedInParallelAndDependentsWait() throws Exception {
        CyclicBarrier bothCreating = new CyclicBarrier(2);
        Runnable meet = () -> {
            try {
                bothCreating.await(10, TimeUnit.SECONDS); // fails unless a and b are created at the same time
            } catch (Exception e) {
                throw new AssertionError("a and b were not created in parallel", e);
            }
        };
        engine.onCall("create container po-a-1"::equals, meet);
        engine.onCall("create container po-b-1"::equals, meet);
        up(project("""
                services:
                  a: {image: busybox:latest}
                  b: {image: busybox:latest}
                  c:
                    image: busybox:latest
                    depends_on: [a, b]
                """));
        assertTrue(indexOf("create container po-c-1") > indexOf("start container po-a-1"));
        assertTrue(indexOf("create container po-c-1") > indexOf("start container po-b-1"));
    }

    @Test
    void parallelismOneRunsOneServiceAtATime() {
        up(TestProjects.write(dir, "po", """
                services:
                  a: {image: busybox:latest}
                  b: {image: busybox:latest}
                """));
        engine.clearRecords();
        stack.down(new DownRequest(LoadRequest.of(dir).withProjectName("po"), null, false, false, false, null, null));
        stack.up(new UpRequest(LoadRequest.of(dir).withProjectName("po"), null, false, null, false, 1, null));
        List<String> writes = engine.writes().stream().filter(w -> w.contains("container po-")).toList();
        assertTrue(writes.containsAll(List.of("create container po-a-1", "start container po-a-1", "create container po-b-1")), writes.toString());
        assertTrue(indexOf("start container po-a-1") < indexOf("create container po-b-1"), engine.writes().toString());
    }

    @Test
    void aDependentWaitsUntilItsDependencyIsHealthy() throws Exception {
        CompletableFuture<UpResult> up = upInBackground(project(OFF), false);
        clock.awaitWaiters(1);
        // created meanwhile, as docker compose creates before it starts, but not started
        assertFalse(engine.writes().contains("start container po-backend-1"), "backend waits for postgres");
        engine.setHealth("po-postgres-1", "healthy");
        up.get(10, TimeUnit.SECONDS);
        assertTrue(indexOf("start container po-backend-1") > indexOf("start container po-postgres-1"));
        assertTrue(indexOf("create container po-backend-1") < indexOf("start container po-backend-1"));
    }

    @Test
    void anUnhealthyDependencyFailsUpWithItsLogAndRemovesEverything() {
        engine.script("postgres").health("unhealthy").logs("starting", "FATAL: data directory has wrong ownership");
        ServiceFailedException e = assertThrows(ServiceFailedException.class, () -> up(project(OFF)));
        assertEquals(StackException.Kind.SERVICE, e.kind());
        assertEquals("postgres", e.service());
        assertTrue(e.getMessage().startsWith("Service 'postgres' is unhealthy; service 'backend' depends on it (service_healthy)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("FATAL: data directory has wrong ownership"), e.getMessage());
        assertFalse(engine.writes().contains("start container po-backend-1"));
        assertEngineEmpty();
    }

    @Test
    void aDependencyThatDiesFailsUp() {
        engine.script("postgres").exitsWith(1).logs("panic");
        ServiceFailedException e = assertThrows(ServiceFailedException.class, () -> up(project(OFF)));
        assertEquals("exited with code 1; service 'backend' depends on it (service_healthy)", e.reason());
        assertEngineEmpty();
    }

    static final String INIT = """
            services:
              init:
                image: busybox:latest
              web:
                image: busybox:latest
                depends_on:
                  init: {condition: service_completed_successfully}
            """;

    @Test
    void completedSuccessfullyLetsTheDependentStart() {
        engine.script("init").exitsWith(0);
        UpResult result = upAndWait(project(INIT));
        assertTrue(indexOf("create container po-web-1") > indexOf("start container po-init-1"));
        assertEquals(List.of("po-init-1"), result.services().get("init").containers());
        assertTrue(events.stream().anyMatch(e -> e.message().equals("Container po-init-1  Exited")));
    }

    @Test
    void aJobThatFailsStopsUpAndRollsBack() {
        engine.script("init").exitsWith(3).logs("migration 7 failed");
        ServiceFailedException e = assertThrows(ServiceFailedException.class, () -> up(project(INIT)));
        assertEquals("init", e.service());
        assertTrue(e.reason().startsWith("exited with code 3"), e.reason());
        assertTrue(e.logTail().contains("migration 7 failed"));
        assertEngineEmpty();
    }

    @Test
    void waitFailsWhenAServiceExitsThatShouldRun() {
        engine.script("web").exitsWith(0);
        ServiceFailedException e = assertThrows(ServiceFailedException.class, () -> upAndWait(project("""
                services:
                  web: {image: busybox:latest}
                """)));
        assertEquals("Service 'web' exited with code 0 (container po-web-1). Its log is empty.", e.getMessage());
        assertEngineEmpty();
    }

    @Test
    void waitTimesOutOnTheFakeClockAndRollsBack() throws Exception {
        engine.script("postgres").health("healthy");
        CompletableFuture<UpResult> up = upInBackground(project(OFF.replace("ports: [\"8080\"]",
                "ports: [\"8080\"]\n    healthcheck: {test: [\"CMD\", \"true\"]}")), true);
        clock.awaitWaiters(1);
        clock.advance(Duration.ofSeconds(121));
        ServiceFailedException e = assertInstanceOf(ServiceFailedException.class, failureOf(up));
        assertEquals("did not become healthy within 120 s (health: starting)", e.reason());
        assertEquals("backend", e.service());
        assertEngineEmpty();
    }

    @Test
    void unchangedRunningStackIssuesNoWrites() {
        engine.script("postgres").health("healthy");
        LoadRequest request = project(OFF);
        up(request);
        String postgres = engine.idOf("po-postgres-1");
        engine.clearRecords();

        UpResult again = upAndWait(request);

        assertEquals(List.of(), engine.writes());
        assertEquals(postgres, engine.idOf("po-postgres-1"));
        assertTrue(again.plan().lines().allMatch(l -> l.startsWith("keep ")), again.plan());
        assertEquals(Map.of("8080", 49153), again.services().get("backend").ports());
        assertFalse(engine.calls().stream().anyMatch(c -> c.startsWith("inspect container")),
                "the snapshot serves the state check and the ports: " + engine.calls());
    }

    @Test
    void aDependentThatAsksForItRestartsWhenItsDependencyIsRecreated() {
        String yaml = """
                services:
                  db:
                    image: busybox:latest
                    environment: {V: "%s"}
                  app:
                    image: busybox:latest
                    depends_on:
                      db: {condition: service_started, restart: true}
                    pre_stop: [{command: ["drain"]}]
                    post_start: [{command: ["warm"]}]
                  tool:
                    image: busybox:latest
                    depends_on: [db]
                """;
        up(project(yaml.formatted("1")));
        String app = engine.idOf("po-app-1");
        engine.clearRecords();

        up(project(yaml.formatted("2")));

        List<String> writes = engine.writes();
        assertTrue(writes.indexOf("start container po-db-1") < writes.indexOf("stop container po-app-1 (10s)"), writes.toString());
        assertTrue(writes.indexOf("stop container po-app-1 (10s)") < writes.indexOf("start container po-app-1"), writes.toString());
        assertEquals(List.of("exec in container po-app-1: drain", "stop container po-app-1 (10s)", "start container po-app-1",
                "exec in container po-app-1: warm"), writes.stream().filter(w -> w.contains("po-app-1")).toList(),
                "its hooks, as compose's restart");
        assertEquals(app, engine.idOf("po-app-1"), "restarted, not recreated");
        assertFalse(writes.stream().anyMatch(w -> w.contains("po-tool-1")), "tool did not ask to be restarted: " + writes);
    }

    @Test
    void aChangedServiceIsRecreatedAndTheOthersKept() {
        engine.script("postgres").health("healthy");
        up(project(OFF));
        String postgres = engine.idOf("po-postgres-1");
        engine.clearRecords();

        UpResult result = up(project(OFF.replace("ports: [\"8080\"]", "ports: [\"8080\"]\n    environment: {MODE: prod}")));

        assertTrue(result.plan().contains("recreate container po-backend-1 (config hash changed)"), result.plan());
        String aside = engine.writes().get(1).replaceFirst(".* to ", "");
        assertTrue(aside.endsWith("_po-backend-1"), aside);
        assertEquals(List.of("stop container po-backend-1 (10s)", "rename container po-backend-1 to " + aside,
                "create container po-backend-1", "start container po-backend-1", "remove container " + aside), engine.writes(),
                "as docker compose: the old one goes out of the way, and only once the new one runs");
        assertEquals(postgres, engine.idOf("po-postgres-1"));
        assertEquals("prod", engine.spec("po-backend-1").env().get("MODE"));
    }

    @Test
    void stoppedContainersAreStartedAgain() {
        engine.script("postgres").health("healthy");
        LoadRequest request = project(OFF);
        up(request);
        engine.stopContainer(engine.idOf("po-backend-1"), 10);
        engine.clearRecords();
        UpResult result = upAndWait(request);
        assertTrue(result.plan().contains("start container po-backend-1 (stopped)"), result.plan());
        assertEquals(List.of("start container po-backend-1"), engine.writes());
    }

    @Test
    void orphansAreRemovedWhenAsked() {
        LoadRequest two = project("""
                services:
                  web: {image: busybox:latest}
                  old: {image: busybox:latest}
                """);
        up(two);
        LoadRequest one = project("""
                services:
                  web: {image: busybox:latest}
                """);
        up(one);
        assertTrue(engine.containerNames().contains("po-old-1"), "kept without removeOrphans");
        assertTrue(events.stream().anyMatch(e -> e.level() == StackEvent.Level.WARN && e.message().contains("orphan containers (po-old-1)")));
        stack.up(new UpRequest(one, null, false, null, true, 0, null));
        assertEquals(List.of("po-web-1"), engine.containerNames());
    }

    @Test
    void aMissingImageThatMayNotBePulledFailsBeforeAnythingIsCreated() {
        StackException e = assertThrows(StackException.class, () -> up(project("""
                services:
                  db: {image: busybox:latest}
                  app: {image: example/app:2, pull_policy: never}
                """)));
        assertEquals(StackException.Kind.USER, e.kind());
        assertTrue(e.getMessage().contains("example/app:2"), e.getMessage());
        assertEquals(List.of(), engine.writes());
    }

    @Test
    void aMissingExternalNetworkFailsBeforeAnythingIsCreated() {
        ComposeException e = assertThrows(ComposeException.class, () -> up(project("""
                services:
                  app:
                    image: busybox:latest
                    networks: [corp]
                networks:
                  corp: {external: true}
                """)));
        assertTrue(e.getMessage().contains("network 'corp' is declared external"), e.getMessage());
        assertEquals(List.of(), engine.writes());
    }

    @Test
    void anEngineFailureRemovesWhatThisRunCreatedButNothingElse() {
        engine.addNetwork("minion_db", Map.of(Labels.PROJECT, "po_pro"));
        engine.script("postgres").health("healthy");
        engine.failOn("create container po-backend-1", new EngineException("disk full"));
        EngineException e = assertThrows(EngineException.class, () -> up(project("""
                services:
                  postgres:
                    image: busybox:latest
                    networks: [db]
                  backend:
                    image: busybox:latest
                    networks: [db, default]
                    depends_on: [postgres]
                networks:
                  db: {name: minion_db}
                """)));
        assertEquals("disk full", e.getMessage());
        assertEquals(List.of(), engine.containerNames());
        assertEquals(List.of("minion_db"), engine.networkNames(), "the foreign network stays, po_default is gone");
        assertTrue(events.stream().anyMatch(ev -> ev.level() == StackEvent.Level.WARN && ev.message().contains("minion_db")
                && ev.message().contains("po_pro")));
    }

    @Test
    void aStartTheEngineRefusesFailsTheServiceAndRemovesEverything() {
        engine.script("postgres").health("healthy");
        engine.failOn("start container po-backend-1", new EngineException("driver failed programming external connectivity:"
                + " Bind for 0.0.0.0:8080 failed: port is already allocated"));
        ServiceFailedException e = assertThrows(ServiceFailedException.class, () -> up(project(OFF)));
        assertEquals("backend", e.service());
        assertTrue(e.getMessage().startsWith("Service 'backend' could not start: driver failed programming external connectivity: Bind"
                + " for 0.0.0.0:8080 failed: port is already allocated (container po-backend-1)"), e.getMessage());
        assertEngineEmpty();
    }

    @Test
    void aFailingPostStartHookFailsTheServiceAndRemovesEverything() {
        engine.execResults(command -> new ExecResult(3, "migration 42 failed"));
        ServiceFailedException e = assertThrows(ServiceFailedException.class, () -> up(project("""
                services:
                  app:
                    image: busybox:latest
                    post_start: [{command: ["migrate"]}]
                """)));
        assertEquals("app", e.service());
        assertTrue(e.getMessage().startsWith("Service 'app' post_start hook (migrate) exited with status 3: migration 42 failed"
                + " (container po-app-1)"), e.getMessage());
        assertEngineEmpty();
    }

    @Test
    void networkModeOfAnotherServiceUsesItsContainerId() {
        up(project("""
                services:
                  vpn: {image: busybox:latest}
                  app:
                    image: busybox:latest
                    network_mode: "service:vpn"
                """));
        assertEquals("container:" + engine.idOf("po-vpn-1"), engine.spec("po-app-1").networkMode());
        assertTrue(indexOf("create container po-app-1") > indexOf("start container po-vpn-1"));
    }

    @Test
    void replicasAreNumberedFromOne() {
        UpResult result = up(project("""
                services:
                  worker:
                    image: busybox:latest
                    scale: 2
                    ports: ["9000"]
                """));
        assertEquals(List.of("po-worker-1", "po-worker-2"), result.services().get("worker").containers());
        assertEquals(Map.of("9000", 49153), result.services().get("worker").ports(), "the first container's port");
    }

    @Test
    void aFailureEndsTheOtherServicesWaitsAtOnce() {
        engine.script("crash").health("unhealthy");
        // slow never gets healthy and the clock never moves: only abandoning the wait ends up
        ServiceFailedException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ServiceFailedException.class, () -> up(project("""
                        services:
                          slow:
                            image: busybox:latest
                            healthcheck: {test: ["CMD", "true"]}
                          waiter:
                            image: busybox:latest
                            depends_on: {slow: {condition: service_healthy}}
                          crash:
                            image: busybox:latest
                            healthcheck: {test: ["CMD", "true"]}
                          victim:
                            image: busybox:latest
                            depends_on: {crash: {condition: service_healthy}}
                        """))));
        assertEquals("crash", e.service());
        assertEngineEmpty();
    }
}
