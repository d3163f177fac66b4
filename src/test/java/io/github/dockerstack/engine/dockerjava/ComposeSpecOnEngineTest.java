package io.github.dockerstack.engine.dockerjava;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import io.github.dockerstack.engine.ContainerInfo;
import io.github.dockerstack.engine.ContainerSpec;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.Labels;
import io.github.dockerstack.engine.NetworkEndpoint;
import io.github.dockerstack.engine.NetworkSpec;
import io.github.dockerstack.engine.VolumeSpec;
import io.github.dockerstack.model.FileObject;
import io.github.dockerstack.model.FileReference;
import io.github.dockerstack.model.Healthcheck;
import io.github.dockerstack.model.Logging;
import io.github.dockerstack.model.Mount;
import io.github.dockerstack.model.Network;
import io.github.dockerstack.model.Port;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import io.github.dockerstack.model.ServiceNetwork;
import io.github.dockerstack.model.Ulimit;
import io.github.dockerstack.model.Volume;
import io.github.dockerstack.plan.ContainerSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service using most compose attributes, mapped by {@link ContainerSpecs} and created on the real
 * engine: every value must arrive in the engine's own view of the container (engine API 1.41+).
 */
class ComposeSpecOnEngineTest {
    private final String project = "dsspec" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private DockerJavaEngine engine;

    @TempDir
    Path dir;

    @BeforeEach
    void connect() {
        engine = EngineConnection.open(null, null);
        try {
            engine.ping();
        } catch (EngineException.Unreachable e) {
            fail("This test needs a Docker engine. " + e.getMessage());
        }
    }

    @AfterEach
    void cleanUp() {
        Map<String, String> filter = Map.of(Labels.PROJECT, project);
        try {
            engine.listContainers(filter).forEach(c -> engine.removeContainer(c.id(), true));
            engine.listNetworks(filter).forEach(n -> engine.removeNetwork(n.id()));
            engine.listVolumes(filter).forEach(v -> engine.removeVolume(v.name()));
            assertEquals(List.of(), engine.listContainers(filter));
            assertEquals(List.of(), engine.listNetworks(filter));
            assertEquals(List.of(), engine.listVolumes(filter));
        } finally {
            engine.close();
        }
    }

    @Test
    void everyMappedValueReachesTheEngine() throws Exception {
        Files.writeString(dir.resolve("token.txt"), "s3cret-" + project + "\n");
        Files.writeString(dir.resolve("app.conf"), "conf-" + project + "\n");
        Files.createDirectories(dir.resolve("site"));
        Map<String, ServiceNetwork> networks = new LinkedHashMap<>();
        networks.put("default", new ServiceNetwork(List.of("www"), null, null, null, null, List.of(), Map.of()));
        networks.put("back", null);
        Service web = Service.builder("web").image("busybox:latest")
                .command(List.of("sh", "-c", "cat /run/secrets/token /app.conf; exec sleep 300"))
                .environment(Map.of("GREETING", "hi"))
                .labels(Map.of("team", "blue"))
                .ports(List.of(new Port(null, "ingress", "127.0.0.1", 8080, null, "tcp", null)))
                .expose(List.of("9000-9001"))
                .volumes(List.of(new Mount("volume", "data", "/data", false, null, null, null, null),
                        new Mount("bind", dir.resolve("site").toString(), "/site", true, null, null, null, null),
                        new Mount("tmpfs", null, "/scratch", false, null, null, null, new Mount.TmpfsOptions(8L << 20, null))))
                .tmpfs(List.of("/run/app:size=1m"))
                .secrets(List.of(new FileReference("token", null, null, null, null)))
                .configs(List.of(new FileReference("app", "/app.conf", null, null, null)))
                .networks(networks)
                .restart("on-failure:2")
                .healthcheck(new Healthcheck(List.of("CMD", "true"), Duration.ofSeconds(2), Duration.ofSeconds(1), 4, Duration.ofSeconds(3),
                        null, false))
                .ulimits(Map.of("nofile", new Ulimit(null, 1024L, 2048L)))
                .extraHosts(List.of("legacy=10.9.8.7"))
                .capAdd(List.of("NET_ADMIN")).capDrop(List.of("MKNOD"))
                .securityOpt(List.of("no-new-privileges"))
                .memLimit(64L << 20).cpus(0.5).pidsLimit(100L).shmSize(32L << 20)
                .stopSignal("SIGTERM").stopGracePeriod(Duration.ofSeconds(3)).init(true).workingDir("/tmp")
                .logging(new Logging("json-file", Map.of("max-size", "1m")))
                .oomScoreAdj(100)
                .build();
        Service side = Service.builder("side").image("busybox:latest").command(List.of("sleep", "300")).networkMode("service:web").build();
        Project p = new Project(project, dir, List.of(dir.resolve("compose.yaml")), Map.of(), List.of(),
                Map.of("web", web, "side", side), Map.of(),
                Map.of("default", network(project + "_default"), "back", network(project + "_back")),
                Map.of("data", new Volume(project + "_data", null, Map.of(), false, Map.of(), Map.of())),
                Map.of("token", new FileObject(project + "_token", dir.resolve("token.txt").toString(), null, null, false, Map.of(), Map.of())),
                Map.of("app", new FileObject(project + "_app", dir.resolve("app.conf").toString(), null, null, false, Map.of(), Map.of())),
                Map.of());
        for (Map.Entry<String, Network> n : p.networks().entrySet()) {
            engine.createNetwork(NetworkSpec.of(n.getValue().name(), Map.of(Labels.PROJECT, project, Labels.NETWORK, n.getKey())));
        }
        engine.createVolume(new VolumeSpec(project + "_data", null, Map.of(), Map.of(Labels.PROJECT, project, Labels.VOLUME, "data")));

        ContainerSpecs.Options options = ContainerSpecs.Options.defaults().withApiVersion(engine.version().apiVersion());
        ContainerSpec webSpec = ContainerSpecs.of(p, p.service("web"), 1, options);
        String id = engine.createContainer(webSpec);
        engine.startContainer(id);
        String sideId = engine.createContainer(ContainerSpecs.of(p, p.service("side"), 1, options));
        engine.startContainer(sideId);

        InspectContainerResponse c = engine.client().inspectContainerCmd(id).exec();
        HostConfig host = c.getHostConfig();
        assertEquals("/" + project + "-web-1", c.getName());
        assertTrue(Arrays.asList(c.getConfig().getEnv()).contains("GREETING=hi"));
        assertEquals("blue", c.getConfig().getLabels().get("team"));
        assertEquals(webSpec.label(Labels.CONFIG_HASH), c.getConfig().getLabels().get(Labels.CONFIG_HASH));
        assertEquals("", c.getConfig().getLabels().get(Labels.DEPENDS_ON));
        assertEquals(3, c.getConfig().getExposedPorts().length, Arrays.toString(c.getConfig().getExposedPorts()));
        assertEquals("on-failure", host.getRestartPolicy().getName());
        assertEquals(2, host.getRestartPolicy().getMaximumRetryCount());
        assertEquals(List.of("CMD", "true"), c.getConfig().getHealthcheck().getTest());
        assertEquals(2_000_000_000L, c.getConfig().getHealthcheck().getInterval());
        assertEquals(3_000_000_000L, c.getConfig().getHealthcheck().getStartPeriod());
        assertEquals(4, c.getConfig().getHealthcheck().getRetries());
        assertEquals(1024L, host.getUlimits()[0].getSoftLong());
        assertEquals(2048L, host.getUlimits()[0].getHardLong());
        assertArrayEquals(new String[] {"legacy:10.9.8.7"}, host.getExtraHosts());
        assertArrayEquals(new Capability[] {Capability.NET_ADMIN}, host.getCapAdd());
        assertArrayEquals(new Capability[] {Capability.MKNOD}, host.getCapDrop());
        assertEquals(List.of("no-new-privileges"), host.getSecurityOpts());
        assertEquals(64L << 20, host.getMemory());
        assertEquals(500_000_000L, host.getNanoCPUs());
        assertEquals(100L, host.getPidsLimit());
        assertEquals(32L << 20, host.getShmSize());
        assertEquals(Boolean.TRUE, host.getInit());
        assertEquals("/tmp", c.getConfig().getWorkingDir());
        assertEquals("json-file", host.getLogConfig().getType().getType());
        assertEquals(Map.of("max-size", "1m"), host.getLogConfig().getConfig());
        assertEquals(100, host.getOomScoreAdj());
        assertEquals(Map.of("/run/app", "size=1m"), host.getTmpFs());

        ContainerInfo info = engine.inspectContainer(id);
        assertEquals("running", info.state());
        assertTrue(info.networks().get(project + "_default").aliases().containsAll(List.of(project + "-web-1", "web", "www")),
                info.networks().toString());
        assertTrue(info.networks().containsKey(project + "_back"), info.networks().toString());
        assertEquals("127.0.0.1", info.published(8080, "tcp").orElseThrow().hostIp());
        assertTrue(info.mounts().stream().anyMatch(m -> (project + "_data").equals(m.name())), info.mounts().toString());
        assertTrue(info.mounts().stream().anyMatch(m -> "/run/secrets/token".equals(m.destination()) && !m.readWrite()), info.mounts().toString());
        String logs = awaitLogs(id, "conf-" + project);
        assertTrue(logs.contains("s3cret-" + project), logs);

        assertEquals("running", engine.inspectContainer(sideId).state());
        String sideMode = engine.client().inspectContainerCmd(sideId).exec().getHostConfig().getNetworkMode();
        assertEquals("container:" + id, sideMode); // the engine resolves the name the spec gave
    }

    @Test
    void valuesDockerJavasModelCouldNotCarryReachTheEngine() {
        String networkName = project + "_back";
        engine.createNetwork(new NetworkSpec(networkName, null, Map.of(), null,
                List.of(new NetworkSpec.IpamPool("10.231.0.0/24", null, "10.231.0.1", Map.of("router", "10.231.0.2"))), Map.of(), false,
                false, null, Map.of(Labels.PROJECT, project)));
        var ipam = engine.readRaw("/networks/" + networkName).path("IPAM").path("Config").get(0);
        assertEquals("10.231.0.0/24", ipam.path("Subnet").asText());
        assertEquals("10.231.0.2", ipam.path("AuxiliaryAddresses").path("router").asText(), ipam.toString());

        NetworkEndpoint endpoint = new NetworkEndpoint(networkName, List.of("app"), "10.231.0.7", null, null, List.of(),
                List.of("169.254.10.10"), Map.of("com.example.tier", "back"));
        ContainerSpec spec = ContainerSpec.builder(project + "-app-1", "busybox:latest").command(List.of("sleep", "300"))
                .labels(Map.of(Labels.PROJECT, project)).networkMode(networkName).network(endpoint).unconfinedSystemPaths(true)
                .logOptions(Map.of("max-size", "2m")).build();
        String id = engine.createContainer(spec);
        InspectContainerResponse c = engine.client().inspectContainerCmd(id).exec();
        assertEquals("json-file", c.getHostConfig().getLogConfig().getType().getType(), "options without a driver: the engine's default");
        assertEquals(Map.of("max-size", "2m"), c.getHostConfig().getLogConfig().getConfig());
        var document = engine.readRaw("/containers/" + id + "/json");
        assertTrue(document.path("HostConfig").path("MaskedPaths").isArray() && document.path("HostConfig").path("MaskedPaths").isEmpty(),
                document.path("HostConfig").toString());
        assertTrue(document.path("HostConfig").path("ReadonlyPaths").isEmpty());
        assertEquals(List.of("169.254.10.10"), JsonTrees.textList(document.path("NetworkSettings").path("Networks").path(networkName)
                .path("IPAMConfig").path("LinkLocalIPs")));
        assertEquals("back", document.path("NetworkSettings").path("Networks").path(networkName).path("DriverOpts").path("com.example.tier")
                .asText());
        engine.startContainer(id);
        assertEquals("10.231.0.7", engine.inspectContainer(id).networks().get(networkName).ipv4Address());

        EngineException unknown = org.junit.jupiter.api.Assertions.assertThrows(EngineException.class, () -> engine.createContainer(
                ContainerSpec.builder(project + "-caps-1", "busybox:latest").labels(Map.of(Labels.PROJECT, project))
                        .capAdd(List.of("NO_SUCH_CAP")).build()));
        assertTrue(unknown.getMessage().contains("NO_SUCH_CAP"), unknown.getMessage());
    }

    private String awaitLogs(String id, String expected) throws InterruptedException {
        String logs = "";
        for (int i = 0; i < 50 && !logs.contains(expected); i++) {
            Thread.sleep(100);
            logs = engine.logs(id, 20);
        }
        return logs;
    }

    private static Network network(String name) {
        return new Network(name, null, Map.of(), null, false, false, false, null, Map.of(), Map.of());
    }

}
