package io.github.dockerstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.LogLine;
import io.github.dockerstack.engine.LogOptions;
import io.github.dockerstack.engine.fake.FakeEngine;
import io.github.dockerstack.load.ComposeException;
import io.github.dockerstack.load.LoadRequest;
import io.github.dockerstack.readiness.FakeClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** logs, down saving logs and up saving diagnostics, against the fake engine. */
class StackLogsTest {
    static final String SHOP = """
            services:
              web:
                image: busybox:latest
                depends_on: [database]
              database:
                image: busybox:latest
              proxy:
                image: busybox:latest
                container_name: the-proxy
            """;

    @TempDir
    Path dir;

    final FakeEngine engine = new FakeEngine();
    final FakeClock clock = new FakeClock();
    final List<StackEvent> events = new CopyOnWriteArrayList<>();
    final Stack stack = new Stack(events::add, settings -> engine, clock);

    LoadRequest upShop() {
        LoadRequest request = TestProjects.write(dir.resolve("project"), "po", SHOP);
        stack.up(new UpRequest(request, null, false, null, false, 0, null));
        engine.clearRecords();
        events.clear();
        return request;
    }

    LogsResult logs(LoadRequest request, boolean follow, Integer tail, String since, Path logDirectory) {
        return stack.logs(new LogsRequest(request, null, follow, tail, since, false, logDirectory));
    }

    List<String> output() {
        return events.stream().filter(StackEvent::isOutput).map(StackEvent::text).toList();
    }

    // ---------------------------------------------------------------- logs

    @Test
    void linesArePrefixedWithTheContainerNamePaddedToOneColumnLikeCompose() {
        engine.script("web").logs("GET /", "GET /health");
        engine.script("database").log(LogLine.stdout("ready"), LogLine.stderr("warning: fsync off"));
        engine.script("proxy").logs("listening");
        LoadRequest request = upShop();

        LogsResult result = logs(request, false, null, null, null);

        // containers in name order, each one's lines together; "the-proxy" (container_name) is the widest
        assertEquals(List.of(
                "database-1  | ready",
                "database-1  | warning: fsync off",
                "web-1       | GET /",
                "web-1       | GET /health",
                "the-proxy   | listening"), output());
        assertEquals(new LogsResult("po", Map.of()), result);
        assertTrue(engine.isClosed());
    }

    @Test
    void outputEventsCarryTheServiceAndAreInfo() {
        engine.script("web").logs("GET /");
        logs(upShop().withServices(List.of("web")), false, null, null, null);
        StackEvent line = events.stream().filter(StackEvent::isOutput).findFirst().orElseThrow();
        assertEquals(new StackEvent(StackEvent.Level.INFO, "web", "GET /", "web-1  | "), line);
    }

    @Test
    void selectedServicesNarrowTheContainersWithoutTheirDependencies() {
        engine.script("web").logs("GET /");
        engine.script("database").logs("ready");
        LoadRequest request = upShop();
        logs(request.withServices(List.of("web")), false, null, null, null);
        assertEquals(List.of("web-1  | GET /"), output());
    }

    @Test
    void tailAndTimestampsGoToTheEngine() {
        engine.script("web").logs("one", "two", "three");
        LoadRequest request = upShop();
        stack.logs(new LogsRequest(request.withServices(List.of("web")), null, false, 2, null, true, null));
        assertEquals(List.of("web-1  | T two", "web-1  | T three"), output());
        assertEquals(new LogOptions(false, 2, null, true), engine.logOptions("po-web-1"));
    }

    @Test
    void sinceIsReadAsTimestampOrAsDurationBeforeNow() {
        LoadRequest request = upShop().withServices(List.of("web"));
        logs(request, false, null, "2024-05-01T10:00:00+02:00", null);
        assertEquals(Instant.parse("2024-05-01T08:00:00Z"), engine.logOptions("po-web-1").since());

        Instant before = Instant.now();
        logs(request, false, null, "10m", null);
        Instant since = engine.logOptions("po-web-1").since();
        assertTrue(!since.isBefore(before.minus(Duration.ofMinutes(10))) && !since.isAfter(Instant.now().minus(Duration.ofMinutes(10))),
                since + " is not 10 minutes before " + before);
    }

    @Test
    void anInvalidSinceFailsBeforeAnythingIsRead() {
        LoadRequest request = upShop();
        ComposeException e = assertThrows(ComposeException.class, () -> logs(request, false, null, "yesterday", null));
        assertTrue(e.getMessage().startsWith("docker-stack.since: 'yesterday' is neither a duration"), e.getMessage());
        assertFalse(engine.calls().stream().anyMatch(c -> c.startsWith("stream logs")));
    }

    @Test
    void withALogDirectoryEachContainerGetsItsOwnFileWithoutPrefixes() throws Exception {
        engine.script("web").log(LogLine.stdout("GET /"), LogLine.stderr("oops"), LogLine.stdout("GET /health"));
        engine.script("database").logs("ready");
        LoadRequest request = upShop();
        Path logDir = dir.resolve("target/logs");

        LogsResult result = logs(request, false, null, null, logDir);

        assertEquals(Map.of("po-database-1", logDir.resolve("po-database-1.log"), "po-web-1", logDir.resolve("po-web-1.log"),
                "the-proxy", logDir.resolve("the-proxy.log")), result.files());
        assertEquals(List.of("po-database-1", "po-web-1", "the-proxy"), List.copyOf(result.files().keySet()), "in name order");
        assertEquals("GET /\noops\nGET /health\n", Files.readString(logDir.resolve("po-web-1.log")));
        assertEquals("ready\n", Files.readString(logDir.resolve("po-database-1.log")));
        assertEquals("", Files.readString(logDir.resolve("the-proxy.log")));
        assertEquals(List.of(), output(), "nothing printed");
        assertTrue(events.stream().anyMatch(e -> e.message().equals("Container po-web-1  3 log lines written to "
                + logDir.resolve("po-web-1.log"))), events.toString());
    }

    @Test
    void followStreamsNewLinesUntilTheContainersStop() throws Exception {
        engine.script("web").logs("old");
        LoadRequest request = upShop().withServices(List.of("web", "database"));
        CompletableFuture<LogsResult> follow = CompletableFuture.supplyAsync(() -> logs(request, true, null, null, null));
        awaitFollowers("po-web-1", 1);
        awaitFollowers("po-database-1", 1);
        engine.writeLog("po-web-1", LogLine.stdout("new"));
        engine.writeLog("po-database-1", LogLine.stderr("checkpoint"));
        engine.exit("po-web-1", 0);
        assertFalse(follow.isDone(), "database still runs");
        engine.stopContainer(engine.idOf("po-database-1"), 10);
        follow.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("web-1       | old", "web-1       | new", "database-1  | checkpoint"), output());
    }

    @Test
    void followWritesFilesLineByLine() throws Exception {
        LoadRequest request = upShop().withServices(List.of("web"));
        Path logDir = dir.resolve("logs");
        CompletableFuture<LogsResult> follow = CompletableFuture.supplyAsync(() -> logs(request, true, null, null, logDir));
        awaitFollowers("po-web-1", 1);
        engine.writeLog("po-web-1", LogLine.stdout("first"));
        assertEquals("first\n", Files.readString(logDir.resolve("po-web-1.log")), "flushed while following");
        engine.exit("po-web-1", 0);
        assertEquals(Map.of("po-web-1", logDir.resolve("po-web-1.log")), follow.get(10, TimeUnit.SECONDS).files());
    }

    @Test
    void anInterruptEndsFollowingAndClosesTheStreams() throws Exception {
        LoadRequest request = upShop().withServices(List.of("web"));
        Thread[] worker = new Thread[1];
        CompletableFuture<LogsResult> follow = new CompletableFuture<>();
        worker[0] = new Thread(() -> {
            try {
                follow.complete(logs(request, true, null, null, null));
            } catch (RuntimeException e) {
                follow.completeExceptionally(e);
            }
        });
        worker[0].start();
        awaitFollowers("po-web-1", 1);
        worker[0].interrupt();
        assertEquals("po", follow.get(10, TimeUnit.SECONDS).project());
        assertEquals(0, engine.followers("po-web-1"), "the stream is closed");
        engine.writeLog("po-web-1", LogLine.stdout("after the end"));
        assertEquals(List.of(), output());
    }

    @Test
    void noContainerIsReportedNotFailed() {
        LoadRequest request = TestProjects.write(dir, "po", SHOP);
        LogsResult result = logs(request, false, null, null, null);
        assertEquals(Map.of(), result.files());
        assertTrue(events.stream().anyMatch(e -> e.message().equals("No container of project po")), events.toString());
    }

    // ---------------------------------------------------------------- down saves logs

    @Test
    void downSavesEveryContainersLogBetweenStopAndRemoval() throws Exception {
        engine.script("web").logs("GET /", "bye");
        engine.script("database").logs("ready");
        LoadRequest request = upShop();
        Path logDir = dir.resolve("target/docker-stack/logs");
        engine.onCall("stop container po-web-1 (10s)"::equals, () -> engine.writeLog("po-web-1", LogLine.stdout("shutting down")));

        DownResult result = stack.down(new DownRequest(request, null, false, false, false, null, logDir));

        assertEquals(3, result.containersRemoved());
        assertEquals("GET /\nbye\nshutting down\n", Files.readString(logDir.resolve("po-web-1.log")), "with what it printed on stop");
        assertEquals("ready\n", Files.readString(logDir.resolve("po-database-1.log")));
        assertEquals("", Files.readString(logDir.resolve("the-proxy.log")));
        List<String> calls = engine.calls();
        for (String name : List.of("po-web-1", "po-database-1", "the-proxy")) {
            int stop = calls.indexOf("stop container " + name + " (10s)");
            int save = calls.indexOf("stream logs " + name);
            int remove = calls.indexOf("remove container " + name);
            assertTrue(stop >= 0 && stop < save && save < remove, name + "'s log is saved once stopped, before removal: " + calls);
        }
        assertEquals(List.of(), engine.containerNames());
    }

    @Test
    void downWithoutALogDirectorySavesNothing() {
        LoadRequest request = upShop();
        stack.down(new DownRequest(request, null, false, false, false, null, null));
        assertFalse(engine.calls().stream().anyMatch(c -> c.startsWith("stream logs")), engine.calls().toString());
    }

    @Test
    void aLogThatCannotBeSavedIsAWarningAndDownGoesOn() {
        LoadRequest request = upShop();
        engine.failOn("stream logs po-web-1", new EngineException("the engine lost the log"));
        DownResult result = stack.down(new DownRequest(request, null, false, false, false, null, dir.resolve("logs")));
        assertEquals(3, result.containersRemoved());
        assertEquals(List.of(), result.problems());
        assertTrue(events.stream().anyMatch(e -> e.level() == StackEvent.Level.WARN && e.message().startsWith(
                "The log of po-web-1 could not be saved to ")), events.toString());
    }

    // ---------------------------------------------------------------- up diagnostics

    @Test
    void aFailedUpSavesLogsAndInspectOfEveryContainerBeforeTheRollback() throws Exception {
        engine.script("database").logs("ready");
        engine.script("web").exitsWith(2).logs("starting", "cannot reach database");
        LoadRequest request = TestProjects.write(dir.resolve("project"), "po", SHOP);
        Path diagnostics = dir.resolve("target/docker-stack/diagnostics");

        ServiceFailedException e = assertThrows(ServiceFailedException.class,
                () -> stack.up(new UpRequest(request, null, true, null, false, 0, diagnostics)));

        Path projectDir = diagnostics.resolve("po");
        assertEquals(projectDir, e.diagnostics());
        assertTrue(e.getMessage().endsWith("\nThe full logs and inspect documents of the project's containers were saved to " + projectDir),
                e.getMessage());
        assertEquals("T starting\nT cannot reach database\n", Files.readString(projectDir.resolve("po-web-1.log")), "with timestamps");
        assertEquals("T ready\n", Files.readString(projectDir.resolve("po-database-1.log")));
        String inspect = Files.readString(projectDir.resolve("po-web-1.inspect.json"));
        assertTrue(inspect.contains("\"Name\": \"/po-web-1\"") && inspect.contains("\"ExitCode\": 2"), inspect);
        assertTrue(Files.exists(projectDir.resolve("the-proxy.inspect.json")));

        List<String> calls = engine.calls();
        int lastDiagnostic = Math.max(calls.lastIndexOf("inspect json po-web-1"), calls.lastIndexOf("stream logs po-web-1"));
        assertTrue(lastDiagnostic >= 0 && lastDiagnostic < calls.indexOf("remove container po-web-1"),
                "saved before the rollback: " + calls);
        assertEquals(List.of(), engine.containerNames(), "rolled back");
    }

    @Test
    void diagnosticsReplaceThoseOfAnEarlierFailure() throws Exception {
        Path projectDir = dir.resolve("diag/po");
        Files.createDirectories(projectDir);
        Files.writeString(projectDir.resolve("po-old-1.log"), "stale");
        engine.script("web").exitsWith(1);
        LoadRequest request = TestProjects.write(dir.resolve("project"), "po", "services:\n  web: {image: busybox:latest}\n");
        assertThrows(ServiceFailedException.class, () -> stack.up(new UpRequest(request, null, true, null, false, 0, dir.resolve("diag"))));
        try (var files = Files.list(projectDir)) {
            assertEquals(List.of("po-web-1.inspect.json", "po-web-1.log"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void withoutADiagnosticsDirectoryNothingIsSaved() {
        engine.script("web").exitsWith(1);
        LoadRequest request = TestProjects.write(dir.resolve("project"), "po", "services:\n  web: {image: busybox:latest}\n");
        ServiceFailedException e = assertThrows(ServiceFailedException.class,
                () -> stack.up(new UpRequest(request, null, true, null, false, 0, null)));
        assertNull(e.diagnostics());
        assertFalse(engine.calls().stream().anyMatch(c -> c.startsWith("inspect json") || c.startsWith("stream logs")));
    }

    @Test
    void anEngineFailureAfterContainersWereCreatedAlsoSavesDiagnostics() {
        engine.script("database").logs("ready");
        engine.failOn("create container po-web-1", new EngineException("disk full"));
        LoadRequest request = TestProjects.write(dir.resolve("project"), "po", SHOP);
        Path diagnostics = dir.resolve("diag");
        EngineException e = assertThrows(EngineException.class,
                () -> stack.up(new UpRequest(request, null, false, null, false, 1, diagnostics)));
        assertEquals("disk full", e.getMessage());
        assertTrue(Files.exists(diagnostics.resolve("po/po-database-1.log")));
        assertTrue(events.stream().anyMatch(ev -> ev.level() == StackEvent.Level.WARN && ev.message().endsWith(
                "were saved to " + diagnostics.resolve("po"))), events.toString());
    }

    private void awaitFollowers(String container, int count) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (engine.followers(container) < count) {
            if (System.nanoTime() > end) {
                throw new AssertionError("nobody follows the log of " + container);
            }
            Thread.sleep(5);
        }
    }
}
