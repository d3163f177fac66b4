package io.github.dockerstack.engine.dockerjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.HostConfig;
import io.github.dockerstack.engine.ContainerInfo;
import io.github.dockerstack.engine.Labels;
import io.github.dockerstack.error.StackException;
import io.github.dockerstack.load.LoadRequest;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.plan.ContainerSpecs;
import io.github.dockerstack.stack.EngineSettings;
import io.github.dockerstack.stack.Stack;
import io.github.dockerstack.stack.StackEvent;
import io.github.dockerstack.stack.TestProjects;
import io.github.dockerstack.stack.UpRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the real engine: the finer kernel controls of a service (CPU periods, swappiness, block
 * IO, device cgroup rules, cgroup and UTS namespaces), GPU requests, labels from a label_file and a
 * raw env_file arrive in the engine's view of the container, and the engine's warnings about what
 * it discards reach the user. Fails, never skips, without an engine.
 */
class KernelControlsEngineTest {
    @TempDir
    Path dir;

    private final String project = "dskernel" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final List<StackEvent> events = new CopyOnWriteArrayList<>();

    @Test
    void kernelControlsLabelFilesAndRawEnvFilesReachTheEngine() throws Exception {
        String device = blockDevice();
        Files.writeString(dir.resolve("labels.env"), "team=blue\nowner=${team}-ops\nshadowed=file\n");
        Files.writeString(dir.resolve("raw.env"), "# kept as written\nTEMPLATE=${NOT_EXPANDED} and \\n\nQUOTED=\"two words\"\n");
        LoadRequest request = TestProjects.write(dir, project, """
                services:
                  tuned:
                    image: busybox:latest
                    command: ["sleep", "300"]
                    stop_signal: SIGKILL
                    cpu_period: 100000
                    cpu_quota: 50000
                    mem_swappiness: 10
                    device_cgroup_rules: ["c 1:3 mr"]
                    cgroup: private
                    uts: host
                    blkio_config:
                      weight: 300
                      device_read_bps: [{path: %1$s, rate: 1mb}]
                      device_write_iops: [{path: %1$s, rate: 100}]
                    label_file: labels.env
                    labels: {shadowed: service}
                    env_file: [{path: raw.env, format: raw}]
                  realtime:
                    image: busybox:latest
                    command: ["true"]
                    cpu_rt_period: 1000000
                    profiles: [rt]
                """.formatted(device));
        DockerJavaEngine probe = RealEngine.connect("busybox:latest");
        try {
            Stack stack = new Stack(events::add, s -> EngineConnection.open(s.dockerHost(), s.dockerContext()));
            stack.up(new UpRequest(request, new EngineSettings(null, null), true, Duration.ofSeconds(60), false, 0, null));

            ContainerInfo tuned = probe.inspectContainer(project + "-tuned-1");
            assertEquals("running", tuned.state(), "the engine started it with every control applied");
            HostConfig host = probe.client().inspectContainerCmd(tuned.id()).exec().getHostConfig();
            assertEquals(100000L, host.getCpuPeriod());
            assertEquals(50000L, host.getCpuQuota());
            assertEquals(10L, host.getMemorySwappiness());
            assertEquals(List.of("c 1:3 mr"), host.getDeviceCgroupRules());
            assertEquals("private", host.getCgroupnsMode());
            assertEquals("host", host.getUtSMode());
            assertEquals(device, host.getBlkioDeviceReadBps().get(0).getPath());
            assertEquals(1L << 20, host.getBlkioDeviceReadBps().get(0).getRate());
            assertEquals(100L, host.getBlkioDeviceWriteIOps().get(0).getRate());
            if (host.getBlkioWeight() == null || host.getBlkioWeight() == 0) {
                // the kernel has no block IO weight: the engine discards it, and says so
                assertTrue(events.stream().anyMatch(e -> e.level() == StackEvent.Level.WARN && "tuned".equals(e.service())
                        && e.message().startsWith("Container " + project + "-tuned-1: the engine warns:")
                        && e.message().contains("Weight")), events.toString());
            } else {
                assertEquals(300, host.getBlkioWeight());
            }

            Map<String, String> labels = tuned.labels();
            assertEquals("blue", labels.get("team"));
            assertEquals("blue-ops", labels.get("owner"));
            assertEquals("service", labels.get("shadowed"));
            List<String> env = Arrays.asList(probe.client().inspectContainerCmd(tuned.id()).exec().getConfig().getEnv());
            assertTrue(env.contains("TEMPLATE=${NOT_EXPANDED} and \\n"), env.toString());
            assertTrue(env.contains("QUOTED=two words"), env.toString());

            // cpu_rt_period reaches the engine; starting it needs real-time group scheduling, which kernels often lack
            stack.up(new UpRequest(request.withProfiles(List.of("rt")).withServices(List.of("realtime")), null, false, null, false, 0,
                    null));
            HostConfig rt = probe.client().inspectContainerCmd(project + "-realtime-1").exec().getHostConfig();
            assertEquals(1_000_000L, rt.getCpuRealtimePeriod());
        } finally {
            removeEverything(probe);
        }
    }

    @Test
    void gpuRequestsReachTheEngineAndAHostWithoutGpusFailsUpCleanly() {
        String compose = """
                services:
                  trainer:
                    image: busybox:latest
                    command: ["sleep", "300"]
                    stop_signal: SIGKILL
                    gpus: all
                    deploy:
                      resources:
                        reservations:
                          devices: [{driver: nvidia, device_ids: ["0"], capabilities: [compute]}]
                """;
        DockerJavaEngine probe = RealEngine.connect("busybox:latest");
        try {
            Project p = TestProjects.load(dir, project, compose);
            String id = probe.createContainer(ContainerSpecs.of(p, p.service("trainer"), 1,
                    ContainerSpecs.Options.defaults().withApiVersion(probe.version().apiVersion())));
            List<DeviceRequest> requests = probe.client().inspectContainerCmd(id).exec().getHostConfig().getDeviceRequests();
            assertEquals(2, requests.size(), requests.toString());
            assertEquals(-1, requests.get(0).getCount());
            assertEquals(List.of(List.of("gpu")), requests.get(0).getCapabilities());
            assertEquals("nvidia", requests.get(1).getDriver());
            assertEquals(List.of("0"), requests.get(1).getDeviceIds());
            assertEquals(List.of(List.of("compute")), requests.get(1).getCapabilities());
            probe.removeContainer(id, true);

            Stack stack = new Stack(events::add, s -> EngineConnection.open(s.dockerHost(), s.dockerContext()));
            UpRequest up = new UpRequest(TestProjects.write(dir, project, compose), new EngineSettings(null, null), true,
                    Duration.ofSeconds(60), false, 0, null);
            if (Files.exists(Path.of("/dev/nvidiactl"))) {
                stack.up(up); // a GPU host runs it
                return;
            }
            StackException e = assertThrows(StackException.class, () -> stack.up(up));
            assertTrue(e.getMessage().startsWith("Service 'trainer' could not start: ") && e.getMessage().contains("device driver"), e.getMessage());
            assertEquals(List.of(), probe.listContainers(Map.of(Labels.PROJECT, project)), "up removes what it created");
            assertEquals(List.of(), probe.listNetworks(Map.of(Labels.PROJECT, project)), "up removes what it created");
        } finally {
            removeEverything(probe);
        }
    }

    private void removeEverything(DockerJavaEngine probe) {
        try {
            Map<String, String> label = Map.of(Labels.PROJECT, project);
            for (ContainerInfo c : probe.listContainers(label)) {
                probe.removeContainer(c.id(), true);
            }
            probe.listNetworks(label).forEach(n -> probe.removeNetwork(n.id()));
            assertEquals(List.of(), probe.listContainers(label), "containers left");
            assertEquals(List.of(), probe.listNetworks(label), "networks left");
        } finally {
            probe.close();
        }
    }

    /** A block device of this host, for the throttles: the engine checks that the path is one. */
    private static String blockDevice() throws IOException {
        try (Stream<Path> devices = Files.list(Path.of("/sys/block"))) {
            return devices.map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith("loop") && !name.startsWith("ram") && !name.startsWith("zram"))
                    .map(name -> "/dev/" + name)
                    .filter(path -> Files.exists(Path.of(path)))
                    .sorted().findFirst()
                    .orElseThrow(() -> new AssertionError("This test needs a block device under /dev (one of /sys/block)"));
        }
    }
}
