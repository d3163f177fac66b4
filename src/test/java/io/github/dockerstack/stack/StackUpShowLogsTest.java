package io.github.dockerstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.engine.LogLine;
import io.github.dockerstack.readiness.FakeClock;
import io.github.dockerstack.engine.fake.FakeEngine;
import io.github.dockerstack.load.LoadRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docker-stack.showLogs}: the containers' output while up runs, in the logs goal's columns. */
class StackUpShowLogsTest {
    @TempDir
    Path dir;

    final FakeEngine engine = new FakeEngine();
    final FakeClock clock = new FakeClock();
    final List<StackEvent> events = new CopyOnWriteArrayList<>();
    final Stack stack = new Stack(events::add, settings -> engine, clock);

    LoadRequest shop() {
        return TestProjects.write(dir, "po", StackLogsTest.SHOP);
    }

    UpResult up(LoadRequest request, boolean wait, boolean showLogs) {
        return stack.up(new UpRequest(request, null, wait, null, false, 0, null, null, showLogs));
    }

    List<String> output() {
        return events.stream().filter(StackEvent::isOutput).map(StackEvent::text).toList();
    }

    @Test
    void everyStartedContainersOutputIsShownInTheLogsGoalsColumns() {
        engine.script("web").logs("GET /");
        engine.script("database").log(LogLine.stdout("ready"), LogLine.stderr("warning: fsync off"));
        engine.script("proxy").logs("listening");
        up(shop(), true, true);
        // "database-1" is the widest name of the project: every column is that wide plus one
        List<String> out = output();
        assertTrue(out.containsAll(List.of("web-1       | GET /", "database-1  | ready", "database-1  | warning: fsync off",
                "the-proxy   | listening")), out.toString());
        assertEquals(4, out.size(), out.toString());
        assertEquals(1, out.stream().filter(l -> l.equals("database-1  | ready")).count(), "each container is followed once");
    }

    @Test
    void theStreamsEndWhenUpReturns() {
        up(shop(), true, true);
        for (String container : List.of("po-web-1", "po-database-1", "the-proxy")) {
            assertEquals(0, engine.followers(container), container);
        }
        engine.writeLog("po-web-1", LogLine.stdout("after up"));
        assertTrue(output().stream().noneMatch(l -> l.contains("after up")), output().toString());
    }

    @Test
    void theStreamsEndWhenUpFails() {
        engine.script("database").exitsWith(3).logs("FATAL: no config");
        assertThrows(ServiceFailedException.class, () -> up(shop(), true, true));
        assertTrue(output().contains("database-1  | FATAL: no config"), output().toString());
        assertTrue(engine.containerNames().stream().allMatch(c -> engine.followers(c) == 0), "a stream is left open");
    }

    @Test
    void containersThatWereAlreadyRunningOnlyShowWhatTheyWriteFromNowOn() {
        LoadRequest request = shop();
        up(request, false, false);
        assertNull(engine.logOptions("po-web-1"), "no log read without showLogs");
        up(request, false, true);
        assertNotNull(engine.logOptions("po-web-1").since(), "an untouched container is followed from the start of up");
        assertTrue(engine.logOptions("po-web-1").follow());
    }

    @Test
    void offByDefault() {
        engine.script("web").logs("GET /");
        stack.up(new UpRequest(shop(), null, true, null, false, 0, null));
        assertEquals(List.of(), output());
    }
}
