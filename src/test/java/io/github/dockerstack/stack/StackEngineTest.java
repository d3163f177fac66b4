package io.github.dockerstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.engine.ContainerInfo;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.Labels;
import io.github.dockerstack.engine.dockerjava.DockerJavaEngine;
import io.github.dockerstack.engine.dockerjava.EngineConnection;
import io.github.dockerstack.engine.dockerjava.RealEngine;
import io.github.dockerstack.load.LoadRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the real engine (DOCKER_HOST or the default socket): up of a small project with a
 * healthcheck, a one-shot init job and an ephemeral published port; a second up that recreates
 * nothing; down that leaves nothing labelled with the project. Fails, never skips, without an engine.
 */
class StackEngineTest {
    private static final String IMAGE = "busybox:latest";

    private static final String COMPOSE = """
            services:
              init:
                image: busybox:latest
                command: ["sh", "-c", "exit 0"]
              web:
                image: busybox:latest
                command: ["sh", "-c", "mkdir -p /www && echo hello from web > /www/index.html && exec httpd -f -p 8080 -h /www"]
                stop_signal: SIGKILL
                healthcheck:
                  test: ["CMD-SHELL", "wget -q -O- http://localhost:8080/ || exit 1"]
                  interval: 1s
                  timeout: 2s
                  retries: 30
                ports: ["8080"]
                depends_on:
                  init: {condition: service_completed_successfully}
            """;

    @TempDir
    Path dir;

    private final String project = "dsstack" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final Map<String, String> label = Map.of(Labels.PROJECT, project);
    private final List<StackEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> leftAnonymousVolumes = new CopyOnWriteArrayList<>();
    private DockerJavaEngine probe;
    private Stack stack;

    @BeforeEach
    void connect() {
        probe = RealEngine.connect(IMAGE); // fails, never skips, without an engine or the image
        stack = new Stack(events::add, s -> EngineConnection.open(s.dockerHost(), s.dockerContext()));
    }

    /** Whatever the assertions said: nothing of this project stays on the engine. */
    @AfterEach
    void removeEverything() {
        try {
            for (ContainerInfo c : probe.listContainers(label)) {
                probe.removeContainer(c.id(), true);
            }
            probe.listNetworks(label).forEach(n -> probe.removeNetwork(n.id()));
            probe.listVolumes(label).forEach(v -> probe.removeVolume(v.name()));
        } catch (EngineException e) {
            System.err.println("StackEngineTest: cleanup of " + project + " failed: " + e.getMessage());
        } finally {
            probe.close();
        }
    }

    @Test
    void upIsReadyThenUnchangedThenDownLeavesNothing() throws Exception {
        LoadRequest request = TestProjects.write(dir, project, COMPOSE);

        UpResult first = stack.up(new UpRequest(request, new EngineSettings(null, null), true, Duration.ofSeconds(60), false, 0, null));
        Integer port = first.services().get("web").ports().get("8080");
        assertNotNull(port, "published port of web: " + first.services());
        assertEquals("hello from web", get("http://" + first.host() + ":" + port + "/").trim());
        Map<String, String> ids = containerIds(probe);
        assertEquals(List.of(project + "-init-1", project + "-web-1"), List.copyOf(ids.keySet()));
        ContainerInfo web = probe.inspectContainer(ids.get(project + "-web-1"));
        assertEquals("healthy", web.health());

        UpResult second = stack.up(new UpRequest(request, null, true, Duration.ofSeconds(60), false, 0, null));
        assertEquals(ids, containerIds(probe), "nothing recreated");
        assertTrue(second.plan().contains("keep container " + project + "-web-1 (config unchanged, running)"), second.plan());
        assertEquals(port, second.services().get("web").ports().get("8080"));

        UpResult third = stack.up(new UpRequest(request.withServices(List.of("web")), null, true, Duration.ofSeconds(60), false, 0,
                null));
        assertEquals(ids, containerIds(probe), "nothing recreated");

        // like docker compose -p NAME down: the labels are enough, the files may be gone
        Files.delete(dir.resolve("compose.yaml"));
        DownResult down = stack.down(new DownRequest(request, null, true, false, true, null, null));
        assertTrue(events.stream().anyMatch(e -> e.message().contains("taking project " + project + " down by its labels")),
                events.toString());
        assertEquals(2, down.containersRemoved());
        assertEquals(1, down.networksRemoved());
        assertEquals(List.of(), down.problems());
        assertEquals(List.of(), probe.listContainers(label), "containers left");
        assertEquals(List.of(), probe.listNetworks(label), "networks left");
        assertEquals(List.of(), probe.listVolumes(label), "volumes left");

        DownResult again = stack.down(new DownRequest(request, null, true, false, true, null, null));
        assertEquals(0, again.containersRemoved() + again.networksRemoved() + again.volumesRemoved());

        System.out.printf("StackEngineTest: up to ready %d ms, unchanged up %d ms, up of one service %d ms, down %d ms%n",
                first.took().toMillis(), second.took().toMillis(), third.took().toMillis(), down.took().toMillis());
    }

    @Test
    void showLogsReportsWhatAContainerWritesWhileUpWaitsForIt() {
        LoadRequest request = TestProjects.write(dir, project, """
                services:
                  talk:
                    image: busybox:latest
                    command: ["sh", "-c", "echo starting up; sleep 2; touch /tmp/ok; exec sleep 60"]
                    stop_signal: SIGKILL
                    healthcheck:
                      test: ["CMD", "test", "-f", "/tmp/ok"]
                      interval: 1s
                      retries: 30
                """);
        UpResult up = stack.up(new UpRequest(request, null, true, Duration.ofSeconds(60), false, 0, null, null, true));
        List<String> output = events.stream().filter(StackEvent::isOutput).map(StackEvent::text).toList();
        assertEquals(List.of("talk-1  | starting up"), output);
        assertEquals(List.of(new PsRow("talk", project + "-talk-1", "running", "healthy", List.of())), up.containers());
    }

    @Test
    void aRecreatedContainerKeepsTheDataOfItsAnonymousVolume() throws Exception {
        String compose = """
                services:
                  keeper:
                    image: busybox:latest
                    init: true
                    environment: {GENERATION: "%s"}
                    command: ["sh", "-c", "[ -f /data/first ] || echo written by $$GENERATION > /data/first; exec httpd -f -p 8080 -h /data"]
                    volumes: ["/data"]
                    ports: ["8080"]
                """;
        LoadRequest one = TestProjects.write(dir, project, compose.formatted("one"));
        UpResult first = stack.up(new UpRequest(one, null, true, Duration.ofSeconds(60), false, 0, null));
        String before = containerIds(probe).get(project + "-keeper-1");
        String url = "http://" + first.host() + ":" + first.services().get("keeper").ports().get("8080") + "/first";
        assertEquals("written by one", get(url).trim());

        LoadRequest two = TestProjects.write(dir, project, compose.formatted("two"));
        UpResult second = stack.up(new UpRequest(two, null, true, Duration.ofSeconds(60), false, 0, null));
        assertTrue(second.plan().contains("recreate container " + project + "-keeper-1"), second.plan());
        assertTrue(!before.equals(containerIds(probe).get(project + "-keeper-1")), "recreated");
        assertEquals(List.of(project + "-keeper-1"), List.copyOf(containerIds(probe).keySet()), "the old one is gone");
        url = "http://" + second.host() + ":" + second.services().get("keeper").ports().get("8080") + "/first";
        assertEquals("written by one", get(url).trim(), "as with docker compose, the anonymous volume came along");
        List<String> handedOn = probe.listContainers(label).get(0).mounts().stream().map(m -> m.name()).toList();
        stack.down(new DownRequest(two, null, false, false, true, null, null));
        for (String v : handedOn) {
            try {
                probe.removeVolume(v);
                leftAnonymousVolumes.add(v);
            } catch (EngineException.NotFound gone) {
                // removed by down, as it should be
            }
        }
        assertEquals(List.of(), leftAnonymousVolumes, "the volume handed on is removed by down");
    }

    @Test
    void secretsFromTheEnvironmentAndInlineConfigsAreWrittenIntoTheContainer() throws Exception {
        LoadRequest request = TestProjects.write(dir, project, """
                services:
                  reader:
                    image: busybox:latest
                    command: ["sh", "-c", "stat -c '%n %a %u:%g' /run/secrets/api_key /etc/app/app.conf; cat /run/secrets/api_key /etc/app/app.conf; exec sleep 60"]
                    stop_signal: SIGKILL
                    secrets: [{source: api_key, uid: "1000", gid: "1001", mode: 0400}]
                    configs: [{source: app_conf, target: /etc/app/app.conf}]
                secrets:
                  api_key: {environment: API_KEY}
                configs:
                  app_conf:
                    content: |
                      greeting=hello from $${API_KEY:-content}
                """).withEnvironment(Map.of("API_KEY", "k-" + project));
        stack.up(new UpRequest(request, null, true, Duration.ofSeconds(60), false, 0, null));
        String id = probe.inspectContainer(project + "-reader-1").id();
        String logs = awaitLogs(id, "greeting");
        assertTrue(logs.contains("/run/secrets/api_key 400 1000:1001"), logs);
        assertTrue(logs.contains("/etc/app/app.conf 444 0:0"), logs);
        assertTrue(logs.contains("k-" + project + "greeting=hello from ${API_KEY:-content}"), logs);
        assertTrue(probe.inspectContainer(id).mounts().stream().noneMatch(m -> m.destination().startsWith("/run/secrets")),
                "written, not mounted");
    }

    @Test
    void postStartHooksRunBeforeReadinessAndPreStopHooksBeforeDown() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        LoadRequest request = TestProjects.write(dir, project, """
                services:
                  hooked:
                    image: busybox:latest
                    command: ["sleep", "60"]
                    stop_signal: SIGKILL
                    volumes: ["./out:/out"]
                    healthcheck:
                      test: ["CMD", "test", "-f", "/tmp/ready"]
                      interval: 1s
                      retries: 5
                    post_start:
                      - command: ["sh", "-c", "echo $$GREETING > /tmp/ready"]
                        environment: {GREETING: "hello from post_start"}
                    pre_stop:
                      - command: ["sh", "-c", "cp /tmp/ready /out/drained"]
                        user: root
                """);
        UpResult up = stack.up(new UpRequest(request, null, true, Duration.ofSeconds(60), false, 0, null));
        assertEquals("healthy", up.containers().get(0).health(), "the hook wrote what the healthcheck looks for");
        stack.down(new DownRequest(request, null, false, false, true, null, null));
        assertEquals("hello from post_start", Files.readString(out.resolve("drained")).trim(), "pre_stop ran before the stop");
        assertEquals(List.of(), probe.listContainers(label));
    }

    @Test
    void aHangingHookIsBoundByTheWaitTimeoutOrTheStopGracePeriod() {
        LoadRequest hanging = TestProjects.write(dir, project, """
                services:
                  stuck:
                    image: busybox:latest
                    command: ["sleep", "60"]
                    stop_signal: SIGKILL
                    post_start: [{command: ["sleep", "60"]}]
                """);
        long start = System.nanoTime();
        ServiceFailedException e = assertThrows(ServiceFailedException.class,
                () -> stack.up(new UpRequest(hanging, null, true, Duration.ofSeconds(2), false, 0, null)));
        assertTrue(e.getMessage().startsWith("Service 'stuck' post_start hook (sleep 60) did not finish within the wait timeout of 2 s"),
                e.getMessage());
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "up gave up in time");
        assertEquals(List.of(), probe.listContainers(label), "up removed what it created");

        LoadRequest slowStop = TestProjects.write(dir, project, """
                services:
                  slow:
                    image: busybox:latest
                    command: ["sleep", "60"]
                    stop_signal: SIGKILL
                    stop_grace_period: 1s
                    pre_stop: [{command: ["sleep", "60"]}]
                """);
        stack.up(new UpRequest(slowStop, null, true, Duration.ofSeconds(60), false, 0, null));
        start = System.nanoTime();
        stack.down(new DownRequest(slowStop, null, false, false, true, null, null));
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "down went on after the grace period");
        assertTrue(events.stream().anyMatch(ev -> ev.level() == StackEvent.Level.WARN && ev.message().contains(
                "pre_stop hook (sleep 60) did not finish within the stop grace period of 1 s; stopping it anyway")), events.toString());
        assertEquals(List.of(), probe.listContainers(label));
    }

    @Test
    void useApiSocketLendsTheEngineAndTheBuildsCredentials() throws Exception {
        LoadRequest request = TestProjects.write(dir, project, """
                services:
                  runner:
                    image: busybox:latest
                    command: ["sh", "-c", "test -S /var/run/docker.sock && echo socket there; cat $$DOCKER_CONFIG/config.json; exec sleep 60"]
                    stop_signal: SIGKILL
                    use_api_socket: true
                """);
        UpImageOptions images = new UpImageOptions(null, null, 0, Map.of("registry.example:5000",
                new io.github.dockerstack.auth.ServerCredentials("ann", "pw-" + project)));
        stack.up(new UpRequest(request, null, true, Duration.ofSeconds(60), false, 0, null, images));
        String id = probe.inspectContainer(project + "-runner-1").id();
        String auth = java.util.Base64.getEncoder().encodeToString(("ann:pw-" + project).getBytes(StandardCharsets.UTF_8));
        String logs = awaitLogs(id, auth);
        assertTrue(logs.contains("socket there"), logs);
        assertTrue(logs.contains("\"registry.example:5000\"") && logs.contains(auth), logs);
    }

    /** The container's log once it holds {@code expected}, or after 5 s. */
    private String awaitLogs(String id, String expected) throws InterruptedException {
        String logs = "";
        for (int i = 0; i < 50 && !logs.contains(expected); i++) {
            Thread.sleep(100);
            logs = probe.logs(id, 20);
        }
        return logs;
    }

    private Map<String, String> containerIds(DockerJavaEngine engine) {
        Map<String, String> ids = new TreeMap<>();
        engine.listContainers(label).forEach(c -> ids.put(c.name(), c.id()));
        return ids;
    }

    private static String get(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(5000);
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            c.disconnect();
        }
    }
}
