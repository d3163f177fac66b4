package io.github.dockerstack.engine.dockerjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.engine.ContainerInfo;
import io.github.dockerstack.engine.ContainerSpec;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.Labels;
import io.github.dockerstack.engine.LogLine;
import io.github.dockerstack.engine.LogOptions;
import io.github.dockerstack.engine.LogStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Container logs read back from the real engine (DOCKER_HOST or the default socket) through
 * {@code streamLogs}: busybox containers, labelled with a unique project, print known lines to
 * stdout and stderr. Fails, never skips, without an engine.
 */
class DockerJavaLogsTest {
    private static final String IMAGE = "busybox:latest";
    /** stdout and stderr are separate pipes: the pauses keep the order in which the engine receives them certain. */
    private static final String SCRIPT = "echo out-1; usleep 100000; echo err-1 >&2; usleep 100000; echo out-2; usleep 100000;"
            + " echo 'caf\u00e9 \u2713' >&2; usleep 100000; printf 'no newline'";

    private final String project = "dslogs" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private DockerJavaEngine engine;

    @BeforeEach
    void connect() {
        engine = RealEngine.connect(IMAGE);
    }

    @AfterEach
    void removeWhatIsLeft() {
        try {
            for (ContainerInfo c : engine.listContainers(Map.of(Labels.PROJECT, project))) {
                engine.removeContainer(c.id(), true);
            }
        } finally {
            engine.close();
        }
    }

    @Test
    void stdoutAndStderrComeBackAsLinesInTheOrderWritten() throws Exception {
        String id = run("printer", false, SCRIPT);
        try {
            assertEquals(0, engine.waitContainer(id));
            assertEquals(List.of(LogLine.stdout("out-1"), LogLine.stderr("err-1"), LogLine.stdout("out-2"),
                    LogLine.stderr("caf\u00e9 \u2713"), LogLine.stdout("no newline")), read(id, LogOptions.all()));

            assertEquals(List.of(LogLine.stderr("caf\u00e9 \u2713"), LogLine.stdout("no newline")),
                    read(id, new LogOptions(false, 2, null, false)), "tail 2");
            assertEquals(List.of(), read(id, new LogOptions(false, 0, null, false)), "tail 0");
            assertEquals(List.of(), read(id, new LogOptions(false, null, Instant.now().plus(Duration.ofHours(1)), false)), "since later");
            assertEquals(5, read(id, new LogOptions(false, null, Instant.now().minus(Duration.ofHours(1)), false)).size(), "since earlier");

            List<LogLine> stamped = read(id, new LogOptions(false, 1, null, true));
            assertEquals(1, stamped.size());
            assertTrue(stamped.get(0).text().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z no newline"),
                    stamped.toString());
        } finally {
            engine.removeContainer(id, true);
        }
    }

    @Test
    void aTtyContainerHasOnlyStdoutWithoutCarriageReturns() throws Exception {
        String id = run("tty", true, "echo one; echo two >&2");
        try {
            engine.waitContainer(id);
            assertEquals(List.of(LogLine.stdout("one"), LogLine.stdout("two")), read(id, LogOptions.all()));
        } finally {
            engine.removeContainer(id, true);
        }
    }

    @Test
    void followDeliversNewLinesAndEndsWhenTheContainerStops() throws Exception {
        String id = run("ticker", false, "echo tick-1; sleep 1; echo tick-2 >&2; sleep 1; echo tick-3");
        try {
            List<LogLine> lines = new CopyOnWriteArrayList<>();
            LogStream stream = engine.streamLogs(id, new LogOptions(true, null, null, false), lines::add);
            try {
                CompletableFuture.runAsync(() -> awaitQuietly(stream)).get(30, TimeUnit.SECONDS); // ends by itself
            } finally {
                stream.close();
            }
            assertEquals(List.of(LogLine.stdout("tick-1"), LogLine.stderr("tick-2"), LogLine.stdout("tick-3")), lines);
        } finally {
            engine.removeContainer(id, true);
        }
    }

    @Test
    void closingAFollowedStreamEndsItWhileTheContainerRuns() throws Exception {
        String id = run("sleeper", false, "echo awake; exec sleep 300");
        try {
            BlockingQueue<LogLine> lines = new LinkedBlockingQueue<>();
            LogStream stream = engine.streamLogs(id, new LogOptions(true, null, null, false), lines::add);
            try {
                assertEquals(LogLine.stdout("awake"), lines.poll(30, TimeUnit.SECONDS));
                CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> awaitQuietly(stream));
                Thread.sleep(200);
                assertTrue(!ended.isDone(), "a followed stream stays open while the container runs");
                stream.close();
                ended.get(5, TimeUnit.SECONDS);
            } finally {
                stream.close();
            }
            assertTrue(engine.inspectContainer(id).running(), "closing the stream leaves the container alone");
        } finally {
            engine.removeContainer(id, true);
        }
    }

    @Test
    void aMissingContainerFailsTheStreamWithNotFound() {
        LogStream stream = engine.streamLogs(project + "-missing", LogOptions.all(), line -> {
        });
        assertThrows(EngineException.NotFound.class, stream::await);
    }

    @Test
    void inspectJsonIsTheEnginesDocument() throws Exception {
        String id = run("inspected", false, "exit 4");
        try {
            assertEquals(4, engine.waitContainer(id));
            String json = engine.inspectJson(id);
            assertNotNull(json);
            assertTrue(json.contains("\"Id\" : \"" + id + "\""), json);
            assertTrue(json.contains("\"Name\" : \"/" + project + "-inspected-1\""), json);
            assertTrue(json.contains("\"ExitCode\" : 4"), json);
            assertTrue(json.contains("\"" + Labels.PROJECT + "\" : \"" + project + "\""), json);
        } finally {
            engine.removeContainer(id, true);
        }
    }

    private String run(String service, boolean tty, String script) {
        String id = engine.createContainer(ContainerSpec.builder(project + "-" + service + "-1", IMAGE)
                .command(List.of("sh", "-c", script))
                .labels(Map.of(Labels.PROJECT, project, Labels.SERVICE, service, Labels.CONTAINER_NUMBER, "1"))
                .tty(tty)
                .build());
        engine.startContainer(id);
        return id;
    }

    private List<LogLine> read(String id, LogOptions options) throws InterruptedException {
        List<LogLine> lines = new ArrayList<>();
        LogStream stream = engine.streamLogs(id, options, lines::add);
        try {
            stream.await();
        } finally {
            stream.close();
        }
        return lines;
    }

    private static void awaitQuietly(LogStream stream) {
        try {
            stream.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
