package io.github.dockerstack.engine.dockerjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.dockerstack.engine.ContainerInfo;
import io.github.dockerstack.engine.ContainerSpec;
import io.github.dockerstack.engine.EngineEvent;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.EngineVersion;
import io.github.dockerstack.engine.ImageInfo;
import io.github.dockerstack.engine.Labels;
import io.github.dockerstack.engine.NetworkEndpoint;
import io.github.dockerstack.engine.NetworkSpec;
import io.github.dockerstack.engine.VolumeSpec;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against the real engine (DOCKER_HOST or the default socket): a labelled network, volume and two
 * busybox containers, named like Compose names them. Fails, never skips, without an engine.
 */
class DockerJavaEngineTest {
    private static final String IMAGE = "busybox:latest";
    private static final long SECOND = 1_000_000_000L;

    private final String project = "dstest" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final Map<String, String> projectFilter = Map.of(Labels.PROJECT, project);
    private DockerJavaEngine engine;

    @BeforeEach
    void connect() {
        engine = RealEngine.connect(IMAGE);
    }

    @AfterEach
    void removeEverythingOfTheProject() {
        if (engine == null) {
            return;
        }
        try {
            for (ContainerInfo c : engine.listContainers(projectFilter)) {
                engine.removeContainer(c.id(), true);
            }
            engine.listNetworks(projectFilter).forEach(n -> engine.removeNetwork(n.id()));
            engine.listVolumes(projectFilter).forEach(v -> engine.removeVolume(v.name()));
            assertEquals(List.of(), engine.listContainers(projectFilter), "containers left behind");
            assertEquals(List.of(), engine.listNetworks(projectFilter), "networks left behind");
            assertEquals(List.of(), engine.listVolumes(projectFilter), "volumes left behind");
        } finally {
            engine.close();
        }
    }

    @Test
    void inspectImageReportsWhenTheImageWasCreated() {
        java.time.Instant created = engine.inspectImage(IMAGE).orElseThrow().created();
        assertNotNull(created);
        assertTrue(created.isBefore(java.time.Instant.now()) && created.isAfter(java.time.Instant.parse("2000-01-01T00:00:00Z")),
                created.toString());
    }

    @Test
    void inspectImageReportsWhenItWasLastTaggedHere() {
        String tag = "dsit-last-tagged-" + Long.toHexString(System.nanoTime());
        java.time.Instant before = java.time.Instant.now().minusSeconds(5);
        engine.client().tagImageCmd(IMAGE, "docker-stack-test/" + tag, "latest").exec();
        try {
            ImageInfo tagged = engine.inspectImage("docker-stack-test/" + tag + ":latest").orElseThrow();
            assertNotNull(tagged.lastTagged(), "the engine's Metadata.LastTagTime");
            assertTrue(tagged.lastTagged().isAfter(before), tagged.lastTagged() + " should be the tagging time, not the build time");
            assertTrue(tagged.repoTags().contains("docker-stack-test/" + tag + ":latest"), tagged.repoTags().toString());
        } finally {
            engine.client().removeImageCmd("docker-stack-test/" + tag + ":latest").exec();
        }
    }

    @Test
    void versionIsReported() {
        EngineVersion version = engine.version();
        assertNotNull(version.version());
        assertTrue(version.apiAtLeast(1, 41), "API " + version.apiVersion());
    }

    @Test
    void stackLifecycle() throws Exception {
        String networkName = project + "_default";
        String volumeName = project + "_data";
        engine.createNetwork(NetworkSpec.of(networkName, Map.of(Labels.PROJECT, project, Labels.NETWORK, "default")));
        engine.createVolume(new VolumeSpec(volumeName, null, Map.of(), Map.of(Labels.PROJECT, project, Labels.VOLUME, "data")));
        assertEquals(networkName, engine.inspectNetwork(networkName).orElseThrow().name());
        assertEquals(project, engine.inspectVolume(volumeName).orElseThrow().labels().get(Labels.PROJECT));
        assertTrue(engine.inspectNetwork(project + "_missing").isEmpty());
        assertTrue(engine.inspectVolume(project + "_missing").isEmpty());

        BlockingQueue<EngineEvent> events = new LinkedBlockingQueue<>();
        List<EngineException> streamErrors = new CopyOnWriteArrayList<>();
        Closeable subscription = engine.events(projectFilter, events::add, streamErrors::add);
        try {
            String web = engine.createContainer(webSpec(networkName, volumeName));
            engine.startContainer(web);
            engine.startContainer(web); // already running: a no-op

            awaitEvent(events, e -> e.id().equals(web) && "start".equals(e.action()), "start of web");
            EngineEvent healthy = awaitEvent(events, e -> e.id().equals(web) && "healthy".equals(e.healthStatus()), "web healthy");
            assertEquals("health_status", healthy.baseAction());
            assertEquals(project + "-web-1", healthy.name());

            ContainerInfo info = engine.inspectContainer(web);
            assertEquals("running", info.state());
            assertEquals("healthy", info.health());
            assertEquals(Boolean.TRUE, info.healthcheck());
            assertEquals("web", info.label(Labels.SERVICE));
            assertTrue(info.networks().containsKey(networkName), "connected after create: " + info.networks().keySet());
            assertTrue(info.networks().get(networkName).aliases().contains("web"), info.networks().get(networkName).aliases().toString());
            assertTrue(info.mounts().stream().anyMatch(m -> volumeName.equals(m.name()) && "/data".equals(m.destination())));
            ContainerInfo.PublishedPort port = info.published(8080, "tcp").orElseThrow();
            assertEquals("hello " + project + "\n", httpGet("http://" + engine.hostForClients() + ":" + port.hostPort() + "/"));

            String client = engine.createContainer(clientSpec(networkName));
            engine.startContainer(client);
            assertEquals(3, engine.waitContainer(client));
            EngineEvent die = awaitEvent(events, e -> e.id().equals(client) && "die".equals(e.action()), "client exit");
            assertEquals(3, die.exitCode());

            String logs = engine.logs(client, 10);
            assertTrue(logs.contains("hello " + project), logs);
            assertTrue(logs.contains("to stderr"), logs);
            assertTrue(engine.logs(web, 5).contains("web started"));
            assertEquals(Integer.valueOf(3), engine.inspectContainer(client).exitCode());
            assertEquals(Boolean.FALSE, engine.inspectContainer(client).healthcheck());
            engine.renameContainer(client, project + "-client-old");
            assertEquals(project + "-client-old", engine.inspectContainer(client).name());
            engine.renameContainer(client, project + "-client-1");

            List<ContainerInfo> all = engine.listContainers(projectFilter);
            assertEquals(List.of(project + "-client-1", project + "-web-1"), all.stream().map(ContainerInfo::name).toList());
            assertEquals(List.of(project + "-web-1"),
                    engine.listContainers(Map.of(Labels.PROJECT, project, Labels.SERVICE, "web")).stream().map(ContainerInfo::name).toList());

            assertThrows(EngineException.Conflict.class, () -> engine.createContainer(clientSpec(networkName)));
            engine.stopContainer(web, 5);
            engine.stopContainer(web, 5); // already stopped: a no-op
            assertFalse(engine.inspectContainer(web).running());
            assertThrows(EngineException.Conflict.class, () -> engine.killContainer(web, null), "not running");
            engine.startContainer(web);
            engine.killContainer(web, "SIGKILL");
            assertEquals(137, engine.waitContainer(web));
        } finally {
            subscription.close();
        }
        assertEquals(List.of(), streamErrors, "closing the subscription is not an error");
    }

    @Test
    void theEnginesWarningsOnCreateArePassedOn() {
        // without a memory limit the engine accepts oom_kill_disable with a warning (or discards it, on cgroup v2)
        ContainerSpec spec = ContainerSpec.builder(project + "-risky-1", IMAGE)
                .labels(Map.of(Labels.PROJECT, project, Labels.SERVICE, "risky", Labels.CONTAINER_NUMBER, "1"))
                .oomKillDisable(true)
                .build();
        List<String> warnings = new ArrayList<>();
        engine.createContainer(spec, warnings::add);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).toLowerCase(Locale.ROOT).contains("oom"), warnings.toString());

        List<String> none = new ArrayList<>();
        engine.createContainer(ContainerSpec.builder(project + "-plain-1", IMAGE).labels(Map.of(Labels.PROJECT, project)).build(),
                none::add);
        assertEquals(List.of(), none);
    }

    @Test
    void missingObjectsAreTyped() {
        assertThrows(EngineException.NotFound.class, () -> engine.inspectContainer(project + "-nothing-1"));
        assertThrows(EngineException.NotFound.class, () -> engine.removeContainer(project + "-nothing-1", true));
        assertThrows(EngineException.NotFound.class, () -> engine.removeNetwork(project + "_nothing"));
        assertTrue(engine.inspectImage("docker-stack-test/no-such-image:latest").isEmpty());
        assertTrue(engine.inspectImage(IMAGE).orElseThrow().id().startsWith("sha256:"));
    }

    @Test
    void unreachableEngineSaysHowToStartOne() {
        try (DockerJavaEngine nowhere = EngineConnection.open("unix:///nonexistent/docker-stack-test.sock", null)) {
            EngineException.Unreachable e = assertThrows(EngineException.Unreachable.class, nowhere::ping);
            assertEquals("unix:///nonexistent/docker-stack-test.sock", e.address());
            assertTrue(e.getMessage().contains("unix:///nonexistent/docker-stack-test.sock"), e.getMessage());
            assertTrue(e.getMessage().contains("bash scripts/engine.sh"), e.getMessage());
            assertTrue(e.getMessage().contains("DOCKER_HOST"), e.getMessage());
        }
    }

    private ContainerSpec webSpec(String networkName, String volumeName) {
        String name = project + "-web-1";
        return ContainerSpec.builder(name, IMAGE)
                .command(List.of("sh", "-c", "mkdir -p /www && echo \"hello $GREETING\" > /www/index.html && echo web started"
                        + " && exec httpd -f -p 8080 -h /www"))
                .env(Map.of("GREETING", project))
                .labels(Map.of(Labels.PROJECT, project, Labels.SERVICE, "web", Labels.CONTAINER_NUMBER, "1", Labels.ONEOFF, Labels.FALSE))
                .portBindings(List.of(new ContainerSpec.PortBinding(null, null, 8080, "tcp")))
                .mounts(List.of(ContainerSpec.MountPoint.volume(volumeName, "/data", false)))
                .healthcheck(new ContainerSpec.Healthcheck(List.of("CMD-SHELL", "wget -q -O- http://localhost:8080/ || exit 1"), SECOND,
                        SECOND, null, null, 30))
                .stopTimeout(2)
                .networkMode("bridge")
                .additionalNetworks(List.of(NetworkEndpoint.of(networkName, List.of(name, "web"))))
                .build();
    }

    private ContainerSpec clientSpec(String networkName) {
        String name = project + "-client-1";
        return ContainerSpec.builder(name, IMAGE)
                .command(List.of("sh", "-c", "wget -q -O- http://web:8080/ && echo to stderr >&2 && exit 3"))
                .labels(Map.of(Labels.PROJECT, project, Labels.SERVICE, "client", Labels.CONTAINER_NUMBER, "1"))
                .networkMode(networkName)
                .network(NetworkEndpoint.of(networkName, List.of(name, "client")))
                .build();
    }

    private static EngineEvent awaitEvent(BlockingQueue<EngineEvent> events, Predicate<EngineEvent> wanted, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            EngineEvent e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (e == null) {
                break;
            }
            if (wanted.test(e)) {
                return e;
            }
            seen.add(e.action());
        }
        return fail("no event for " + what + " within 60 s; saw " + seen);
    }

    private static String httpGet(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(5000);
        try (InputStream in = connection.getInputStream()) {
            assertEquals(200, connection.getResponseCode());
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }
}
