package io.github.dockerstack.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.engine.ContainerSpec;
import io.github.dockerstack.engine.Labels;
import io.github.dockerstack.engine.fake.FakeEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadinessTest {
    private static final ContainerSpec.Healthcheck CHECK = new ContainerSpec.Healthcheck(List.of("CMD", "true"), null, null, null, null,
            null);

    private final FakeEngine engine = new FakeEngine();
    private final FakeClock clock = new FakeClock();
    private final Readiness readiness = Readiness.watch(engine, "p", clock);
    private final Deadline deadline = Deadline.after(clock, Duration.ofSeconds(120));
    private final List<String> ready = new ArrayList<>();

    @AfterEach
    void close() {
        readiness.close();
        assertFalse(engine.subscribed(), "the subscription is closed");
    }

    private String create(String service, ContainerSpec.Healthcheck check) {
        return engine.createContainer(ContainerSpec.builder("p-" + service + "-1", "busybox:latest")
                .labels(Map.of(Labels.PROJECT, "p", Labels.SERVICE, service)).healthcheck(check).build());
    }

    private String started(String service, ContainerSpec.Healthcheck check) {
        String id = create(service, check);
        readiness.expectStart(id);
        engine.startContainer(id);
        return id;
    }

    private void await(String service, String id, Goal goal) {
        readiness.await(List.of(new Target(service, id, "p-" + service + "-1", goal, false)), deadline, t -> ready.add(t.containerName()));
    }

    private CompletableFuture<Void> awaitInBackground(String service, String id, Goal goal) {
        return CompletableFuture.runAsync(() -> await(service, id, goal));
    }

    private static Throwable failureOf(CompletableFuture<Void> f) throws Exception {
        try {
            f.get(10, TimeUnit.SECONDS);
            throw new AssertionError("no failure");
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
    }

    @Test
    void aRunningContainerWithoutHealthcheckIsReadyAtOnce() {
        String id = started("web", null);
        await("web", id, Goal.RUNNING);
        assertEquals(List.of("p-web-1"), ready);
    }

    @Test
    void healthyIsReachedWhenTheEventArrives() throws Exception {
        String id = started("db", CHECK);
        CompletableFuture<Void> wait = awaitInBackground("db", id, Goal.HEALTHY);
        clock.awaitWaiters(1);
        assertFalse(wait.isDone());
        engine.setHealth("p-db-1", "healthy");
        wait.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("p-db-1"), ready);
    }

    @Test
    void unhealthyFailsAtOnce() throws Exception {
        String id = started("db", CHECK);
        CompletableFuture<Void> wait = awaitInBackground("db", id, Goal.HEALTHY);
        clock.awaitWaiters(1);
        engine.setHealth("p-db-1", "unhealthy");
        ServiceFailure f = (ServiceFailure) failureOf(wait);
        assertEquals("db", f.service());
        assertEquals("is unhealthy", f.reason());
        assertFalse(f.timedOut());
    }

    @Test
    void dyingWhileExpectedHealthyFails() throws Exception {
        String id = started("db", CHECK);
        CompletableFuture<Void> wait = awaitInBackground("db", id, Goal.HEALTHY);
        clock.awaitWaiters(1);
        engine.exit("p-db-1", 2);
        assertEquals("exited with code 2", ((ServiceFailure) failureOf(wait)).reason());
    }

    @Test
    void healthyNeedsAHealthcheck() {
        String id = started("db", null);
        ServiceFailure f = assertThrows(ServiceFailure.class, () -> await("db", id, Goal.HEALTHY));
        assertTrue(f.reason().contains("has no healthcheck"), f.reason());
    }

    @Test
    void completedSuccessfullyNeedsExitCodeZero() {
        engine.script("init").exitsWith(0);
        String ok = started("init", null);
        await("init", ok, Goal.COMPLETED);
        engine.script("migrate").exitsWith(3);
        String bad = started("migrate", null);
        assertEquals("exited with code 3", assertThrows(ServiceFailure.class, () -> await("migrate", bad, Goal.COMPLETED)).reason());
    }

    @Test
    void runningExpectedButExitedFails() {
        engine.script("web").exitsWith(0);
        String id = started("web", null);
        assertEquals("exited with code 0", assertThrows(ServiceFailure.class, () -> await("web", id, Goal.RUNNING)).reason());
    }

    @Test
    void anExitIsNotFinalWhenTheRestartPolicyRestartsIt() throws Exception {
        String id = started("web", null);
        engine.exit("p-web-1", 1);
        CompletableFuture<Void> wait = CompletableFuture.runAsync(() -> readiness.await(
                List.of(new Target("web", id, "p-web-1", Goal.RUNNING, true)), deadline, t -> ready.add(t.containerName())));
        clock.awaitWaiters(1);
        assertFalse(wait.isDone());
        engine.startContainer(id); // the engine restarts it
        wait.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("p-web-1"), ready);
    }

    @Test
    void theDeadlineFailsWithATimeoutOnTheFakeClock() throws Exception {
        String id = started("db", CHECK);
        CompletableFuture<Void> wait = awaitInBackground("db", id, Goal.HEALTHY);
        clock.awaitWaiters(1);
        clock.advance(Duration.ofSeconds(119));
        clock.awaitWaiters(1);
        assertFalse(wait.isDone(), "not yet at 119 s");
        clock.advance(Duration.ofSeconds(1));
        ServiceFailure f = (ServiceFailure) failureOf(wait);
        assertTrue(f.timedOut());
        assertEquals("did not become healthy within 120 s (health: starting)", f.reason());
    }

    @Test
    void anOldExitDoesNotCountForARestartedJob() throws Exception {
        engine.script("init").exitsWith(0);
        String id = create("init", null);
        engine.startContainer(id); // a previous run: exited 0
        readiness.seed(List.of(engine.inspectContainer(id)), readiness.mark());
        engine.script("init").exitsWith(5); // this run it fails
        readiness.expectStart(id);
        engine.startContainer(id);
        assertEquals("exited with code 5", assertThrows(ServiceFailure.class, () -> await("init", id, Goal.COMPLETED)).reason());
    }

    @Test
    void aStoppedContainerStartedAgainIsWaitedForWithoutAnInspect() {
        String id = started("web", null);
        engine.stopContainer(id, 10); // stopped by an earlier `stop`
        readiness.seed(List.of(engine.inspectContainer(id)), readiness.mark()); // the snapshot tells it has no healthcheck
        engine.clearRecords();
        readiness.expectStart(id);
        engine.startContainer(id);
        await("web", id, Goal.RUNNING);
        assertEquals(List.of("p-web-1"), ready);
        // an inspect would only learn what the snapshot told; right after a start it can meet the engine busy with the container
        assertTrue(engine.calls().stream().noneMatch(c -> c.startsWith("inspect")), engine.calls().toString());
    }

    @Test
    void anExitEventTellsAllAWaitNeedsOfANewContainer() {
        engine.script("init").exitsWith(0);
        String id = started("init", null); // not seeded: whether it has a healthcheck is unknown, but it has exited
        engine.clearRecords();
        await("init", id, Goal.COMPLETED);
        assertTrue(engine.calls().stream().noneMatch(c -> c.startsWith("inspect")), engine.calls().toString());
    }

    @Test
    void aSeedOlderThanAnEventIsNotTaken() {
        String id = started("db", CHECK);
        var staleInspect = engine.inspectContainer(id); // starting
        long mark = readiness.mark();
        engine.setHealth("p-db-1", "healthy"); // an event after the mark
        readiness.seed(List.of(staleInspect), mark);
        await("db", id, Goal.HEALTHY); // would wait for ever on the stale "starting"
        assertEquals(List.of("p-db-1"), ready);
    }

    @Test
    void removingAWaitedForContainerFails() throws Exception {
        String id = started("db", CHECK);
        // restarts: its exit is not final, so only the removal decides
        CompletableFuture<Void> wait = CompletableFuture.runAsync(() -> readiness.await(
                List.of(new Target("db", id, "p-db-1", Goal.HEALTHY, true)), deadline, t -> ready.add(t.containerName())));
        clock.awaitWaiters(1);
        engine.removeContainer(id, true);
        assertEquals("was removed", ((ServiceFailure) failureOf(wait)).reason());
    }
}
