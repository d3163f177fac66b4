package io.github.dockerstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.engine.ContainerSpec;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.ExecResult;
import io.github.dockerstack.engine.Labels;
import io.github.dockerstack.engine.NetworkEndpoint;
import io.github.dockerstack.engine.fake.FakeEngine;
import io.github.dockerstack.load.LoadRequest;
import io.github.dockerstack.readiness.FakeClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** down, stop, start and ps against the fake engine. */
class StackDownTest {
    static final String CHAIN = """
            services:
              db:
                image: busybox:latest
                stop_grace_period: 30s
                healthcheck: {test: ["CMD", "true"]}
                volumes: ["data:/data"]
              api:
                image: busybox:latest
                depends_on:
                  db: {condition: service_healthy}
                ports: ["8080:80"]
              web:
                image: busybox:latest
                depends_on: [api]
              tool:
                image: busybox:latest
            volumes:
              data: {}
            """;

    @TempDir
    Path dir;

    final FakeEngine engine = new FakeEngine();
    final FakeClock clock = new FakeClock();
    final List<StackEvent> events = new CopyOnWriteArrayList<>();
    final Stack stack = new Stack(events::add, settings -> engine, clock);

    LoadRequest upChain() {
        engine.script("db").health("healthy");
        LoadRequest request = TestProjects.write(dir, "po", CHAIN);
        stack.up(new UpRequest(request, null, true, null, false, 0, null));
        engine.clearRecords();
        return request;
    }

    DownResult down(LoadRequest request, boolean volumes) {
        return stack.down(new DownRequest(request, null, volumes, false, false, null, null));
    }

    int indexOf(String write) {
        int i = engine.writes().indexOf(write);
        assertTrue(i >= 0, write + " not in " + engine.writes());
        return i;
    }

    @Test
    void downStopsDependentsFirstThenRemovesNetworks() {
        LoadRequest request = upChain();
        DownResult result = down(request, false);
        assertTrue(indexOf("stop container po-web-1 (10s)") < indexOf("stop container po-api-1 (10s)"));
        assertTrue(indexOf("stop container po-api-1 (10s)") < indexOf("stop container po-db-1 (30s)"), "db uses its stop_grace_period");
        assertTrue(indexOf("stop container po-db-1 (30s)") < indexOf("remove container po-web-1"), "removals follow all the stops");
        assertTrue(indexOf("remove container po-db-1") < indexOf("remove network po_default"));
        assertEquals(new DownResult("po", 4, 1, 0, List.of(), result.took()), result);
        assertEquals(List.of(), engine.containerNames());
        assertEquals(List.of("po_data"), engine.volumeNames(), "volumes stay without removeVolumes");
    }

    @Test
    void downRemovesVolumesWhenAsked() {
        DownResult result = down(upChain(), true);
        assertEquals(1, result.volumesRemoved());
        assertEquals(List.of(), engine.volumeNames());
    }

    @Test
    void aSecondDownDoesNothing() {
        LoadRequest request = upChain();
        down(request, true);
        engine.clearRecords();
        DownResult again = down(request, true);
        assertEquals(List.of(0, 0, 0), List.of(again.containersRemoved(), again.networksRemoved(), again.volumesRemoved()));
        assertEquals(List.of(), engine.writes());
        assertTrue(events.stream().anyMatch(e -> e.message().equals("No resource found to remove for project \"po\"")));
    }

    @Test
    void downOfNamedServicesLeavesTheirDependenciesAndTheNetworkTheyStillUse() {
        LoadRequest request = upChain();
        DownResult web = stack.down(new DownRequest(request.withServices(List.of("web")), null, true, false, false, null, null));
        assertEquals(new DownResult("po", 1, 0, 0, List.of(), web.took()), web, "api, which web depends on, stays; no problem said");
        assertEquals(List.of("po-api-1", "po-db-1", "po-tool-1"), engine.containerNames());
        DownResult rest = stack.down(new DownRequest(request.withServices(List.of("api", "db", "tool")), null, true, false, false, null,
                null));
        assertEquals(new DownResult("po", 3, 1, 1, List.of(), rest.took()), rest, "once unused, the network and volume go too");
    }

    @Test
    void downWorksFromLabelsAlone() {
        upChain();
        // a different compose file for the same project name: down still finds everything by label
        LoadRequest other = TestProjects.write(dir.resolve("elsewhere"), "po", "services:\n  x: {image: busybox:latest}\n");
        DownResult result = stack.down(new DownRequest(other, null, false, true, false, null, null));
        assertEquals(4, result.containersRemoved());
        assertTrue(indexOf("stop container po-web-1 (10s)") < indexOf("stop container po-api-1 (10s)"), "order from depends_on labels");
        assertTrue(indexOf("stop container po-api-1 (10s)") < indexOf("stop container po-db-1 (10s)"));
    }

    @Test
    void aNetworkStillUsedByAnotherProjectIsAProblemNotAFailure() {
        LoadRequest request = TestProjects.write(dir, "po", """
                services:
                  backend:
                    image: busybox:latest
                    networks: [db]
                networks:
                  db: {name: minion_db}
                """);
        stack.up(new UpRequest(request, null, false, null, false, 0, null));
        String other = engine.createContainer(ContainerSpec.builder("po_pro-backend-1", "busybox:latest")
                .labels(Map.of(Labels.PROJECT, "po_pro", Labels.SERVICE, "backend")).networkMode("minion_db")
                .network(NetworkEndpoint.of("minion_db", List.of())).build());
        engine.startContainer(other);

        DownResult result = down(request, false);
        assertEquals(1, result.containersRemoved());
        assertEquals(0, result.networksRemoved());
        assertEquals(List.of("Network minion_db is still in use by po_pro-backend-1 (project po_pro); left in place"), result.problems());

        stack.up(new UpRequest(request, null, false, null, false, 0, null));
        EngineException e = assertThrows(EngineException.class,
                () -> stack.down(new DownRequest(request, null, false, false, true, null, null)));
        assertTrue(e.getMessage().contains("minion_db is still in use"), e.getMessage());
    }

    @Test
    void stopStopsInReverseOrderAndKeepsTheContainers() {
        LoadRequest request = upChain();
        LifecycleResult result = stack.stop(new LifecycleRequest(request, null, false, null));
        assertEquals(4, result.containers().size());
        assertTrue(indexOf("stop container po-web-1 (10s)") < indexOf("stop container po-api-1 (10s)"));
        assertTrue(indexOf("stop container po-api-1 (10s)") < indexOf("stop container po-db-1 (30s)"));
        assertEquals(4, engine.containerNames().size());
        assertTrue(engine.writes().stream().noneMatch(w -> w.startsWith("remove")));
    }

    @Test
    void startStartsInDependencyOrderWaitingForHealth() throws Exception {
        LoadRequest request = upChain();
        stack.stop(new LifecycleRequest(request, null, false, null));
        engine.script("db").health(null); // this time the test says when db is healthy
        engine.clearRecords();

        CompletableFuture<LifecycleResult> start = CompletableFuture.supplyAsync(
                () -> stack.start(new LifecycleRequest(request, null, true, null)));
        clock.awaitWaiters(1);
        assertTrue(engine.writes().stream().noneMatch(w -> w.contains("po-api-1")), "api waits for db: " + engine.writes());
        engine.setHealth("po-db-1", "healthy");
        LifecycleResult result = start.get(10, TimeUnit.SECONDS);

        assertEquals(java.util.Set.of("po-db-1", "po-tool-1", "po-api-1", "po-web-1"), java.util.Set.copyOf(result.containers()));
        assertEquals(4, result.containers().size());
        assertTrue(indexOf("start container po-api-1") < indexOf("start container po-web-1"));
        assertTrue(engine.writes().stream().noneMatch(w -> w.startsWith("create")));
    }

    static final String HOOKED = """
            services:
              app:
                image: busybox:latest
                post_start:
                  - command: ["sh", "-c", "echo started > /tmp/marker"]
                    user: root
                pre_stop:
                  - command: ["drain"]
                  - command: ["flush", "--all"]
                    environment: {MODE: fast}
            """;

    @Test
    void preStopHooksRunInOrderBeforeTheStopOfDownAndStop() {
        LoadRequest request = TestProjects.write(dir, "po", HOOKED);
        stack.up(new UpRequest(request, null, false, null, false, 0, null));
        assertTrue(indexOf("start container po-app-1") < indexOf("exec in container po-app-1: sh -c echo started > /tmp/marker"));
        engine.clearRecords();

        stack.stop(new LifecycleRequest(request, null, false, null));
        assertEquals(List.of("exec in container po-app-1: drain", "exec in container po-app-1: flush --all", "stop container po-app-1 (10s)"),
                engine.writes());
        engine.clearRecords();

        stack.start(new LifecycleRequest(request, null, false, null));
        assertEquals(List.of("start container po-app-1", "exec in container po-app-1: sh -c echo started > /tmp/marker"), engine.writes());
        engine.clearRecords();

        down(request, false);
        assertTrue(indexOf("exec in container po-app-1: flush --all") < indexOf("stop container po-app-1 (10s)"), engine.writes().toString());
    }

    @Test
    void aFailingPreStopHookIsAWarningAndTheContainerStillGoes() {
        LoadRequest request = TestProjects.write(dir, "po", HOOKED);
        stack.up(new UpRequest(request, null, false, null, false, 0, null));
        engine.execResults(command -> command.equals("drain") ? new ExecResult(2, "queue busy\nretry later") : new ExecResult(0, ""));
        DownResult result = down(request, false);
        assertEquals(List.of(), result.problems());
        assertEquals(List.of(), engine.containerNames());
        assertTrue(events.stream().anyMatch(e -> e.level() == StackEvent.Level.WARN && e.message().equals(
                "Container po-app-1: pre_stop hook 1 (drain) exited with status 2: queue busy; retry later; stopping it anyway")),
                events.toString());
        assertFalse(engine.writes().contains("exec in container po-app-1: flush --all"), "the hooks after a failing one do not run");
    }

    @Test
    void aPreStopHookThatDoesNotFinishInTheGracePeriodIsAWarning() {
        LoadRequest request = TestProjects.write(dir, "po", HOOKED);
        stack.up(new UpRequest(request, null, false, null, false, 0, null));
        engine.execResults(command -> command.equals("drain") ? ExecResult.timedOut("") : new ExecResult(0, ""));
        down(request, false);
        assertEquals(List.of(), engine.containerNames());
        assertTrue(events.stream().anyMatch(e -> e.level() == StackEvent.Level.WARN && e.message().equals(
                "Container po-app-1: pre_stop hook 1 (drain) did not finish within the stop grace period of 10 s; stopping it anyway")),
                events.toString());
    }

    @Test
    void aDownByLabelsAloneRunsNoHooks() throws Exception {
        LoadRequest request = TestProjects.write(dir, "po", HOOKED);
        stack.up(new UpRequest(request, null, false, null, false, 0, null));
        engine.clearRecords();
        Files.delete(dir.resolve("compose.yaml"));
        stack.down(new DownRequest(request, null, false, false, false, null, null));
        assertTrue(engine.writes().stream().noneMatch(w -> w.startsWith("exec")), engine.writes().toString());
        assertEquals(List.of(), engine.containerNames());
    }

    @Test
    void startWithoutContainersSaysToRunUp() {
        LoadRequest request = TestProjects.write(dir, "po", CHAIN);
        assertTrue(assertThrows(RuntimeException.class, () -> stack.start(new LifecycleRequest(request, null, false, null)))
                .getMessage().contains("docker-stack:up"));
    }

    @Test
    void psListsContainersWithStateHealthAndPorts() {
        LoadRequest request = upChain();
        engine.stopContainer(engine.idOf("po-tool-1"), 10);
        PsResult ps = stack.ps(new LifecycleRequest(request, null, false, null));
        assertEquals("po", ps.project());
        assertEquals(List.of(
                new PsRow("api", "po-api-1", "running", "", List.of("0.0.0.0:8080->80/tcp", "[::]:8080->80/tcp")),
                new PsRow("db", "po-db-1", "running", "healthy", List.of()),
                new PsRow("tool", "po-tool-1", "exited", "", List.of()),
                new PsRow("web", "po-web-1", "running", "", List.of())), ps.rows());
    }

    @Test
    void psOfSelectedServices() {
        LoadRequest request = upChain();
        PsResult ps = stack.ps(new LifecycleRequest(request.withServices(List.of("api")), null, false, null));
        assertEquals(List.of("po-api-1", "po-db-1"), ps.rows().stream().map(PsRow::container).toList(), "api with its dependency");
    }

    @Test
    void startFailsWithTheLogOfAServiceThatDies() {
        LoadRequest request = upChain();
        stack.stop(new LifecycleRequest(request, null, false, null));
        engine.script("po-tool-1").exitsWith(2).logs("cannot bind");
        ServiceFailedException e = assertThrows(ServiceFailedException.class,
                () -> stack.start(new LifecycleRequest(request, null, true, null)));
        assertEquals("tool", e.service());
        assertTrue(e.getMessage().contains("exited with code 2") && e.getMessage().contains("cannot bind"), e.getMessage());
        assertEquals(4, engine.containerNames().size(), "start removes nothing");
    }
}
