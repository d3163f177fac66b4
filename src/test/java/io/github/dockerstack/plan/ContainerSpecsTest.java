package io.github.dockerstack.plan;

import static io.github.dockerstack.plan.Projects.network;
import static io.github.dockerstack.plan.Projects.service;
import static io.github.dockerstack.plan.Projects.shop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.engine.ContainerSpec;
import io.github.dockerstack.engine.ContainerSpec.MountPoint;
import io.github.dockerstack.engine.ContainerSpec.MountType;
import io.github.dockerstack.engine.Labels;
import io.github.dockerstack.engine.NetworkEndpoint;
import io.github.dockerstack.load.ComposeException;
import io.github.dockerstack.model.DependsOn;
import io.github.dockerstack.model.Deploy;
import io.github.dockerstack.model.BlkioConfig;
import io.github.dockerstack.model.Device;
import io.github.dockerstack.model.DeviceRequest;
import io.github.dockerstack.model.FileReference;
import io.github.dockerstack.model.Healthcheck;
import io.github.dockerstack.model.Mount;
import io.github.dockerstack.model.Port;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import io.github.dockerstack.model.ServiceNetwork;
import io.github.dockerstack.model.Ulimit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerSpecsTest {
    private static final ContainerSpecs.Options API_1_41 = ContainerSpecs.Options.defaults().withApiVersion("1.41");

    private static ContainerSpec spec(Service.Builder web) {
        return spec(shop(web), "web", 1);
    }

    private static ContainerSpec spec(Project project, String service, int number) {
        return ContainerSpecs.of(project, project.service(service), number);
    }

    private static ComposeException failure(Service.Builder web) {
        return failure(web, ContainerSpecs.Options.defaults());
    }

    private static ComposeException failure(Service.Builder web, ContainerSpecs.Options options) {
        Project project = shop(web);
        return assertThrows(ComposeException.class, () -> ContainerSpecs.of(project, project.service("web"), 1, options));
    }

    // ---------------------------------------------------------------- names and labels

    @Test
    void nameIsProjectServiceNumber() {
        Project project = shop(service("web"));
        assertEquals("shop-web-2", spec(project, "web", 2).name());
        assertEquals("busybox:latest", spec(project, "web", 2).image());
    }

    @Test
    void containerNameWins() {
        assertEquals("front", spec(service("web").containerName("front")).name());
    }

    @Test
    void containerNameAllowsOneContainer() {
        Project project = shop(service("web").containerName("front"));
        ComposeException e = assertThrows(ComposeException.class, () -> spec(project, "web", 2));
        assertEquals("services.web.container_name", e.path());
    }

    @Test
    void builtServiceRunsProjectDashServiceImage() {
        assertEquals("shop-web", spec(service("web").image(null)).image());
    }

    @Test
    void composeLabelsAreSet() {
        ContainerSpec spec = spec(shop(service("web").labels(Map.of("team", "blue"))), "web", 3);
        assertEquals("blue", spec.label("team"));
        assertEquals("shop", spec.label(Labels.PROJECT));
        assertEquals("web", spec.label(Labels.SERVICE));
        assertEquals("3", spec.label(Labels.CONTAINER_NUMBER));
        assertEquals("False", spec.label(Labels.ONEOFF));
        assertEquals(Labels.COMPOSE_VERSION, spec.label(Labels.VERSION));
        assertEquals("/work/shop", spec.label(Labels.WORKING_DIR));
        assertEquals("/work/shop/compose.yaml,/work/shop/compose.override.yaml", spec.label(Labels.CONFIG_FILES));
        assertEquals("", spec.label(Labels.DEPENDS_ON));
        assertTrue(spec.label(Labels.CONFIG_HASH).matches("[0-9a-f]{64}"), spec.label(Labels.CONFIG_HASH));
        assertNull(spec.label(Labels.IMAGE));
        assertNull(spec.label(Labels.ENVIRONMENT_FILE));
    }

    @Test
    void imageIdAndEnvFilesGetLabels() {
        Project project = shop(service("web"));
        ContainerSpec spec = ContainerSpecs.of(project, project.service("web"), 1, ContainerSpecs.Options.defaults()
                .withImage("sha256:abc", "linux/amd64").withEnvironmentFiles(List.of("/work/shop/.env-pro")));
        assertEquals("sha256:abc", spec.label(Labels.IMAGE));
        assertEquals("/work/shop/.env-pro", spec.label(Labels.ENVIRONMENT_FILE));
    }

    @Test
    void composeLabelsWinOverServiceLabels() {
        assertEquals("shop", spec(service("web").labels(Map.of(Labels.PROJECT, "other"))).label(Labels.PROJECT));
    }

    @Test
    void dependsOnLabelIsServiceConditionRestartSortedAndCommaJoined() {
        Map<String, DependsOn> deps = new LinkedHashMap<>();
        deps.put("db", new DependsOn(DependsOn.HEALTHY, true, true));
        deps.put("cache", new DependsOn(DependsOn.STARTED, false, false));
        deps.put("migrate", new DependsOn(DependsOn.COMPLETED, true, false));
        assertEquals("cache:service_started:false,db:service_healthy:true,migrate:service_completed_successfully:false",
                spec(service("web").dependsOn(deps)).label(Labels.DEPENDS_ON));
    }

    // ---------------------------------------------------------------- process

    @Test
    void environmentKeepsOrderAndOmitsUnresolvedVariables() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("B", "2");
        env.put("UNSET", null);
        env.put("A", "");
        ContainerSpec spec = spec(service("web").environment(env));
        assertEquals(List.of("B", "A"), List.copyOf(spec.env().keySet()));
        assertEquals("", spec.env().get("A"));
    }

    @Test
    void commandEntrypointAndProcessSettingsPassThrough() {
        ContainerSpec spec = spec(service("web").command(List.of("sh", "-c", "echo hi")).entrypoint(List.of()).user("1000:1000")
                .workingDir("/app").hostname("h").domainname("example.org").init(true).stopSignal("SIGINT")
                .stopGracePeriod(Duration.ofMillis(2500)).tty(true).stdinOpen(true));
        assertEquals(List.of("sh", "-c", "echo hi"), spec.command());
        assertEquals(List.of(), spec.entrypoint());
        assertEquals("1000:1000", spec.user());
        assertEquals("/app", spec.workingDir());
        assertEquals("h", spec.hostname());
        assertEquals("example.org", spec.domainname());
        assertEquals(Boolean.TRUE, spec.init());
        assertEquals("SIGINT", spec.stopSignal());
        assertEquals(2, spec.stopTimeout()); // whole seconds, truncated as Compose does
        assertTrue(spec.tty() && spec.stdinOpen());
    }

    @Test
    void hostnameIsLeftToTheEngineByDefault() {
        ContainerSpec spec = spec(service("web"));
        assertNull(spec.hostname());
        assertNull(spec.command());
        assertNull(spec.entrypoint());
    }

    // ---------------------------------------------------------------- networks

    @Test
    void defaultNetworkWithContainerAndServiceNameAsAliases() {
        ContainerSpec spec = spec(service("web"));
        assertEquals("shop_default", spec.networkMode());
        assertEquals(new NetworkEndpoint("shop_default", List.of("shop-web-1", "web"), null, null, null, List.of(), List.of(), Map.of()), spec.network());
        assertEquals(List.of(), spec.additionalNetworks());
    }

    @Test
    void noProjectNetworksMeansNoNetwork() {
        Project project = shop(Map.of(), service("web"));
        ContainerSpec spec = spec(project, "web", 1);
        assertEquals("none", spec.networkMode());
        assertNull(spec.network());
    }

    @Test
    void networksByPriorityThenNameWithEngineNamesAliasesAndAddresses() {
        Map<String, ServiceNetwork> nets = new LinkedHashMap<>();
        nets.put("front", null);
        nets.put("back", new ServiceNetwork(List.of("api", "web"), "10.5.0.7", null, null, null, List.of(), Map.of()));
        nets.put("admin", new ServiceNetwork(List.of(), null, "fd00::7", 10, null, List.of(), Map.of()));
        Project project = shop(Map.of("front", network("shop_front"), "back", network("shop_back"), "admin", network("corp-admin")),
                service("web").networks(nets));
        ContainerSpec spec = spec(project, "web", 1);
        assertEquals("corp-admin", spec.networkMode());
        assertEquals(new NetworkEndpoint("corp-admin", List.of("shop-web-1", "web"), null, "fd00::7", null, List.of(), List.of(), Map.of()), spec.network());
        assertEquals(List.of(new NetworkEndpoint("shop_back", List.of("shop-web-1", "web", "api"), "10.5.0.7", null, null, List.of(), List.of(), Map.of()),
                new NetworkEndpoint("shop_front", List.of("shop-web-1", "web"), null, null, null, List.of(), List.of(), Map.of())), spec.additionalNetworks());
    }

    @Test
    void networkModeServiceBecomesTheOtherServicesContainer() {
        Project project = shop(service("db"), service("web").networkMode("service:db").ipc("service:db").pid("host"));
        ContainerSpec spec = spec(project, "web", 1);
        assertEquals("container:shop-db-1", spec.networkMode());
        assertEquals("container:shop-db-1", spec.ipcMode());
        assertEquals("host", spec.pidMode());
        assertNull(spec.network());
    }

    @Test
    void serviceReferencesUseTheResolverWhenGiven() {
        Project project = shop(service("db"), service("web").networkMode("service:db").volumesFrom(List.of("db:ro", "container:legacy")));
        ContainerSpec spec = ContainerSpecs.of(project, project.service("web"), 1,
                ContainerSpecs.Options.defaults().withServiceContainer(s -> s.equals("db") ? "0123abcd" : null));
        assertEquals("container:0123abcd", spec.networkMode());
        assertEquals(List.of("0123abcd:ro", "legacy"), spec.volumesFrom());
    }

    @Test
    void referenceToAMissingServiceFails() {
        ComposeException e = failure(service("web").networkMode("service:ghost"));
        assertEquals("services.web.network_mode", e.path());
        assertTrue(e.problem().contains("ghost"), e.problem());
    }

    @Test
    void linksAsComposeV2WritesThem() {
        Project project = shop(service("db"), service("web").links(List.of("db:database")).externalLinks(List.of("legacy_redis")));
        ContainerSpec spec = spec(project, "web", 1);
        assertEquals(List.of("shop-db-1:database", "shop-db-1:db-1", "shop-db-1:shop-db-1", "legacy_redis:legacy_redis"), spec.links());
        assertEquals(spec.links(), spec.network().links());
    }

    @Test
    void serviceMacAddressGoesWithTheFirstNetwork() {
        ContainerSpec spec = spec(service("web").macAddress("02:42:ac:11:00:02"));
        assertEquals("02:42:ac:11:00:02", spec.macAddress());
        assertNull(spec.network().macAddress());
    }

    @Test
    void macAddressOnASecondNetworkNeedsApi144() {
        Map<String, ServiceNetwork> nets = new LinkedHashMap<>();
        nets.put("a", null);
        nets.put("b", new ServiceNetwork(List.of(), null, null, null, "02:42:ac:11:00:09", List.of(), Map.of()));
        Project project = shop(Map.of("a", network("shop_a"), "b", network("shop_b")), service("web").networks(nets));
        ComposeException e = assertThrows(ComposeException.class, () -> ContainerSpecs.of(project, project.service("web"), 1, API_1_41));
        assertEquals("services.web.networks.b.mac_address", e.path());
        ContainerSpec recent = ContainerSpecs.of(project, project.service("web"), 1,
                ContainerSpecs.Options.defaults().withApiVersion("1.44"));
        assertEquals("02:42:ac:11:00:09", recent.additionalNetworks().get(0).macAddress());
    }

    @Test
    void linkLocalIpsAndDriverOptionsGoOnTheirEndpoint() {
        ContainerSpec spec = spec(service("web").networks(Map.of("default",
                new ServiceNetwork(List.of(), null, null, null, null, List.of("169.254.8.8"), Map.of("com.example.mtu", "1400")))));
        assertEquals(List.of("169.254.8.8"), spec.network().linkLocalIps());
        assertEquals(Map.of("com.example.mtu", "1400"), spec.network().driverOpts());
    }

    @Test
    void extraHostsAndDnsInEngineForm() {
        ContainerSpec spec = spec(service("web").extraHosts(List.of("db=10.0.0.5", "v6=::1")).dns(List.of("8.8.8.8"))
                .dnsSearch(List.of("example.org")).dnsOpt(List.of("ndots:2")));
        assertEquals(List.of("db:10.0.0.5", "v6:::1"), spec.extraHosts());
        assertEquals(List.of("8.8.8.8"), spec.dns());
        assertEquals(List.of("example.org"), spec.dnsSearch());
        assertEquals(List.of("ndots:2"), spec.dnsOpt());
    }

    // ---------------------------------------------------------------- ports

    @Test
    void portsAreBoundAndExposedAndExposeRangesExpand() {
        ContainerSpec spec = spec(service("web")
                .ports(List.of(new Port(null, "ingress", null, 80, null, "tcp", null),
                        new Port(null, "ingress", "127.0.0.1", 53, "5353", "udp", null),
                        new Port(null, "ingress", null, 8080, "9000-9010", null, null)))
                .expose(List.of("3000-3002", "80", "7000/udp")));
        assertEquals(List.of("3000/tcp", "3001/tcp", "3002/tcp", "80/tcp", "7000/udp", "53/udp", "8080/tcp"), spec.exposedPorts());
        assertEquals(List.of(new ContainerSpec.PortBinding(null, null, 80, "tcp"),
                new ContainerSpec.PortBinding("127.0.0.1", "5353", 53, "udp"),
                new ContainerSpec.PortBinding(null, "9000-9010", 8080, "tcp")), spec.portBindings());
    }

    @Test
    void badExposeNamesItsEntry() {
        ComposeException e = failure(service("web").expose(List.of("80", "http")));
        assertEquals("services.web.expose[1]", e.path());
    }

    // ---------------------------------------------------------------- storage

    @Test
    void volumesMountByEngineNameAndBindsCreateTheirHostPathUnlessTold() {
        ContainerSpec spec = spec(service("web").volumes(List.of(
                new Mount("volume", "data", "/var/lib/data", false, null, null, new Mount.VolumeOptions(true, null), null),
                new Mount("volume", null, "/cache", false, null, null, null, null),
                new Mount("bind", "/work/shop/conf", "/etc/app", true, null, new Mount.BindOptions("rshared", null, "z"), null, null),
                new Mount("bind", "/work/shop/must-exist", "/must", false, null, new Mount.BindOptions(null, false, null), null, null),
                new Mount("tmpfs", null, "/run/app", false, null, null, null, new Mount.TmpfsOptions(1048576L, 0755))))
                .tmpfs(List.of("/tmp", "/scratch:size=64m,mode=1777")));
        assertEquals(List.of(
                new MountPoint(MountType.VOLUME, "shop_data", "/var/lib/data", false, false, null, null, true, null, null),
                new MountPoint(MountType.VOLUME, null, "/cache", false, false, null, null, false, null, null),
                new MountPoint(MountType.BIND, "/work/shop/conf", "/etc/app", true, true, "rshared", "z", false, null, null),
                new MountPoint(MountType.BIND, "/work/shop/must-exist", "/must", false, false, null, null, false, null, null),
                MountPoint.tmpfs("/run/app", 1048576L, 0755)), spec.mounts());
        assertEquals(Map.of("/tmp", "", "/scratch", "size=64m,mode=1777"), spec.tmpfs());
    }

    @Test
    void volumeSubpathIsRefused() {
        ComposeException e = failure(service("web").volumes(List.of(
                new Mount("volume", "data", "/d", false, null, null, new Mount.VolumeOptions(null, "sub"), null))));
        assertEquals("services.web.volumes[0].volume.subpath", e.path());
    }

    @Test
    void npipeMountsAreRefused() {
        ComposeException e = failure(service("web").volumes(List.of(
                new Mount("bind", "/a", "/a", false, null, null, null, null),
                new Mount("npipe", "\\\\.\\pipe\\docker_engine", "\\\\.\\pipe\\docker_engine", false, null, null, null, null))));
        assertEquals("services.web.volumes[1].type", e.path());
    }

    @Test
    void fileSecretsAndConfigsAreReadOnlyBindsAsComposeDoesWithoutSwarm() {
        ContainerSpec spec = spec(service("web")
                .secrets(List.of(new FileReference("token", null, null, null, null), new FileReference("token", "tk", null, null, null)))
                .configs(List.of(new FileReference("nginx_conf", "/etc/nginx/nginx.conf", null, null, null),
                        new FileReference("nginx_conf", null, null, null, null))));
        assertEquals(List.of(
                new MountPoint(MountType.BIND, "/work/shop/token.txt", "/run/secrets/token", true, false, null, null, false, null, null),
                new MountPoint(MountType.BIND, "/work/shop/token.txt", "/run/secrets/tk", true, false, null, null, false, null, null),
                new MountPoint(MountType.BIND, "/work/shop/nginx.conf", "/etc/nginx/nginx.conf", true, false, null, null, false, null, null),
                new MountPoint(MountType.BIND, "/work/shop/nginx.conf", "/nginx_conf", true, false, null, null, false, null, null)),
                spec.mounts());
    }

    @Test
    void aVolumeAtASecretsTargetWins() {
        ContainerSpec spec = spec(service("web")
                .volumes(List.of(new Mount("bind", "/work/shop/dev-token", "/run/secrets/token", true, null, null, null, null)))
                .secrets(List.of(new FileReference("token", null, null, null, null))));
        assertEquals(List.of("/work/shop/dev-token"), spec.mounts().stream().map(MountPoint::source).toList());
    }

    @Test
    void externalSecretsNeedSwarm() {
        ComposeException e = failure(service("web").secrets(List.of(new FileReference("vault", null, null, null, null))));
        assertEquals("services.web.secrets[0]", e.path());
        assertTrue(e.problem().contains("external secret 'vault'"), e.problem());
    }

    @Test
    void environmentSecretsAndContentConfigsAreWrittenIntoTheContainer() {
        Project base = shop(service("web").secrets(List.of(new FileReference("api_key", null, "1000", "1001", 0400)))
                .configs(List.of(new FileReference("inline", null, null, null, null), new FileReference("inline", "etc/app.conf", null, null,
                        null))));
        Project project = withEnvironment(base, Map.of("API_KEY", "k-123"));
        ContainerSpec spec = spec(project, "web", 1);
        assertEquals(List.of(new ContainerSpec.FileCopy("/run/secrets/api_key", "k-123", 0400, 1000, 1001),
                new ContainerSpec.FileCopy("/inline", "hello", 0444, null, null),
                new ContainerSpec.FileCopy("/etc/app.conf", "hello", 0444, null, null)), spec.files());
        assertEquals(List.of(), spec.mounts());
        assertEquals(List.of(), ContainerSpecs.ignored(project, project.service("web")), "owner and mode are honoured");
        assertFalse(ConfigHash.canonical(spec).contains("k-123"), "the hash takes the content's digest");
        Project changed = withEnvironment(base, Map.of("API_KEY", "k-456"));
        assertNotEquals(spec.label(Labels.CONFIG_HASH), spec(changed, "web", 1).label(Labels.CONFIG_HASH), "new content, new container");
    }

    @Test
    void anEnvironmentSecretNeedsItsVariable() {
        ComposeException e = failure(service("web").secrets(List.of(new FileReference("api_key", null, null, null, null))));
        assertEquals("services.web.secrets[0]", e.path());
        assertTrue(e.problem().startsWith("environment variable API_KEY required by secret 'api_key' is not set"), e.problem());
    }

    @Test
    void aReadOnlyServiceCannotTakeAWrittenConfig() {
        ComposeException e = failure(service("web").readOnly(true).configs(List.of(new FileReference("inline", null, null, null, null))));
        assertEquals("services.web.configs[0]", e.path());
        assertTrue(e.problem().startsWith("cannot write config 'inline' into a read_only service"), e.problem());
    }

    private static Project withEnvironment(Project base, Map<String, String> environment) {
        return new Project(base.name(), base.workingDir(), base.configFiles(), environment, base.profiles(), base.services(),
                base.disabledServices(), base.networks(), base.volumes(), base.secrets(), base.configs(), base.extensions());
    }

    // ---------------------------------------------------------------- resources and policies

    @Test
    void resourcesFromServiceFields() {
        ContainerSpec spec = spec(service("web").memLimit(512L << 20).memReservation(256L << 20).memswapLimit(-1L).cpus(1.5)
                .cpuShares(512L).cpuset("0-1").pidsLimit(100L).shmSize(64L << 20).oomScoreAdj(-500).oomKillDisable(true)
                .cgroupParent("/custom").runtime("runc").ulimits(Map.of("nofile", new Ulimit(null, 1024L, 4096L))));
        assertEquals(512L << 20, spec.memory());
        assertEquals(256L << 20, spec.memoryReservation());
        assertEquals(-1L, spec.memorySwap());
        assertEquals(1_500_000_000L, spec.nanoCpus());
        assertEquals(512L, spec.cpuShares());
        assertEquals("0-1", spec.cpuset());
        assertEquals(100L, spec.pidsLimit());
        assertEquals(64L << 20, spec.shmSize());
        assertEquals(-500, spec.oomScoreAdj());
        assertEquals(Boolean.TRUE, spec.oomKillDisable());
        assertEquals("/custom", spec.cgroupParent());
        assertEquals("runc", spec.runtime());
        assertEquals(List.of(new ContainerSpec.Ulimit("nofile", 1024, 4096)), spec.ulimits());
    }

    @Test
    void deployLimitsWinOverServiceFields() {
        Deploy deploy = new Deploy(null, null, Map.of(), new Deploy.Resources(new Deploy.Limits(0.25, 64L << 20, 50L),
                new Deploy.Limits(null, 32L << 20, null), List.of()), null);
        ContainerSpec spec = spec(service("web").memLimit(512L << 20).cpus(2.0).deploy(deploy));
        assertEquals(64L << 20, spec.memory());
        assertEquals(32L << 20, spec.memoryReservation());
        assertEquals(250_000_000L, spec.nanoCpus());
        assertEquals(50L, spec.pidsLimit());
    }

    @Test
    void restartPolicies() {
        assertEquals(new ContainerSpec.RestartPolicy("on-failure", 3), spec(service("web").restart("on-failure:3")).restartPolicy());
        assertEquals(new ContainerSpec.RestartPolicy("unless-stopped", 0), spec(service("web").restart("unless-stopped")).restartPolicy());
        assertNull(spec(service("web")).restartPolicy());
        Deploy deploy = new Deploy(null, null, Map.of(), null, new Deploy.RestartPolicy("any", null, 5, null));
        assertEquals(new ContainerSpec.RestartPolicy("always", 5), spec(service("web").restart("no").deploy(deploy)).restartPolicy());
    }

    @Test
    void unknownRestartPolicyNamesTheField() {
        assertEquals("services.web.restart", failure(service("web").restart("sometimes")).path());
    }

    @Test
    void devicesLoggingAndSecurity() {
        ContainerSpec spec = spec(service("web").devices(List.of(new Device("/dev/fuse", null, null), new Device("/dev/sda", "/dev/xvda", "r")))
                .logging(new io.github.dockerstack.model.Logging("json-file", Map.of("max-size", "10m")))
                .capAdd(List.of("NET_ADMIN")).capDrop(List.of("ALL")).securityOpt(List.of("no-new-privileges", "label:disable"))
                .groupAdd(List.of("audio")).privileged(true).readOnly(true).sysctls(Map.of("net.core.somaxconn", "1024"))
                .usernsMode("host").annotations(Map.of("a", "b")));
        assertEquals(List.of(new ContainerSpec.DeviceMapping("/dev/fuse", "/dev/fuse", "rwm"),
                new ContainerSpec.DeviceMapping("/dev/sda", "/dev/xvda", "r")), spec.devices());
        assertEquals("json-file", spec.logDriver());
        assertEquals(Map.of("max-size", "10m"), spec.logOptions());
        assertEquals(List.of("NET_ADMIN"), spec.capAdd());
        assertEquals(List.of("ALL"), spec.capDrop());
        assertEquals(List.of("no-new-privileges", "label:disable"), spec.securityOpt());
        assertEquals(List.of("audio"), spec.groupAdd());
        assertTrue(spec.privileged() && spec.readOnly());
        assertEquals(Map.of("net.core.somaxconn", "1024"), spec.sysctls());
        assertEquals("host", spec.usernsMode());
        assertEquals(Map.of("a", "b"), spec.annotations());
    }

    @Test
    void kernelControls() {
        ContainerSpec spec = spec(service("web").cpuPeriod(100000L).cpuQuota(50000L).cpuRtPeriod(1000000L).cpuRtRuntime(950000L)
                .memSwappiness(0L).deviceCgroupRules(List.of("c 1:3 mr")).cgroup("private").uts("host").storageOpt(Map.of("size", "1G"))
                .blkioConfig(new BlkioConfig(300, List.of(new BlkioConfig.WeightDevice("/dev/sda", 200)),
                        List.of(new BlkioConfig.Throttle("/dev/sda", 1L << 20)), List.of(new BlkioConfig.Throttle("/dev/sda", 100)),
                        List.of(), List.of(new BlkioConfig.Throttle("/dev/sdb", 50)))));
        assertEquals(100000L, spec.cpuPeriod());
        assertEquals(50000L, spec.cpuQuota());
        assertEquals(1000000L, spec.cpuRealtimePeriod());
        assertEquals(950000L, spec.cpuRealtimeRuntime());
        assertEquals(0L, spec.memorySwappiness(), "0 is passed on: the engine's way to say 'avoid swapping'");
        assertEquals(List.of("c 1:3 mr"), spec.deviceCgroupRules());
        assertEquals("private", spec.cgroupnsMode());
        assertEquals("host", spec.utsMode());
        assertEquals(Map.of("size", "1G"), spec.storageOpt());
        assertEquals(new ContainerSpec.Blkio(300, List.of(new ContainerSpec.DeviceLimit("/dev/sda", 200)),
                List.of(new ContainerSpec.DeviceLimit("/dev/sda", 1L << 20)), List.of(new ContainerSpec.DeviceLimit("/dev/sda", 100)),
                List.of(), List.of(new ContainerSpec.DeviceLimit("/dev/sdb", 50))), spec.blkio());
    }

    @Test
    void gpusAskForTheGpuCapabilityAndReservedDevicesForTheirOwn() {
        Deploy deploy = new Deploy(null, null, Map.of(), new Deploy.Resources(null, null,
                List.of(new DeviceRequest(List.of("compute"), "nvidia", 0, List.of("1"), Map.of()))), null);
        ContainerSpec spec = spec(service("web").deploy(deploy)
                .gpus(List.of(new DeviceRequest(List.of(), null, DeviceRequest.ALL, List.of(), Map.of("o", "v")))));
        assertEquals(List.of(new ContainerSpec.DeviceRequest(null, -1, List.of(), List.of(List.of("gpu")), Map.of("o", "v")),
                new ContainerSpec.DeviceRequest("nvidia", 0, List.of("1"), List.of(List.of("compute")), Map.of())), spec.deviceRequests());
    }

    @Test
    void noKernelControlsLeaveTheConfigHashAsItWas() {
        ContainerSpec spec = spec(service("web"));
        assertNull(spec.blkio());
        assertFalse(ConfigHash.canonical(spec).contains("blkio") || ConfigHash.canonical(spec).contains("cgroupnsMode"));
    }

    @Test
    void cgroupIsHostOrPrivate() {
        ComposeException e = failure(service("web").cgroup("shared"));
        assertEquals("services.web.cgroup", e.path());
        assertTrue(e.getMessage().contains("must be host or private, not 'shared'"), e.getMessage());
        assertEquals("services.web.cgroup", failure(service("web").cgroup("host"), ContainerSpecs.Options.defaults().withApiVersion("1.40"))
                .path());
    }

    @Test
    void seccompProfileFileIsInlined(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("seccomp.json"), "{\n  \"defaultAction\": \"SCMP_ACT_ALLOW\",\n  \"syscalls\": []\n}\n");
        Project base = shop(service("web").securityOpt(List.of("seccomp=seccomp.json")));
        Project project = new Project(base.name(), dir, base.configFiles(), base.environment(), base.profiles(), base.services(),
                base.disabledServices(), base.networks(), base.volumes(), base.secrets(), base.configs(), base.extensions());
        assertEquals(List.of("seccomp={\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[]}"),
                spec(project, "web", 1).securityOpt());
    }

    @Test
    void cdiDevicesAreRefused() {
        assertEquals("services.web.devices[0]", failure(service("web").devices(List.of(new Device("nvidia.com/gpu=all", null, null)))).path());
    }

    @Test
    void unconfinedSystemPathsBecomeAFlagNotAnOption() {
        ContainerSpec spec = spec(service("web").securityOpt(List.of("no-new-privileges", "systempaths=unconfined")));
        assertTrue(spec.unconfinedSystemPaths());
        assertEquals(List.of("no-new-privileges"), spec.securityOpt());
        assertFalse(spec(service("web")).unconfinedSystemPaths());
    }

    // ---------------------------------------------------------------- healthcheck

    @Test
    void healthcheckDurationsInNanoseconds() {
        ContainerSpec spec = spec(service("web").healthcheck(new Healthcheck(List.of("CMD", "true"), Duration.ofSeconds(1),
                Duration.ofMillis(500), 3, Duration.ofSeconds(10), Duration.ofMillis(200), false)));
        assertEquals(new ContainerSpec.Healthcheck(List.of("CMD", "true"), 1_000_000_000L, 500_000_000L, 10_000_000_000L, 200_000_000L, 3),
                spec.healthcheck());
    }

    @Test
    void disabledHealthcheckIsNone() {
        ContainerSpec spec = spec(service("web").healthcheck(new Healthcheck(null, null, null, null, null, null, true)));
        assertEquals(List.of("NONE"), spec.healthcheck().test());
    }

    @Test
    void startIntervalNeedsApi144AndAStartPeriod() {
        Healthcheck withPeriod = new Healthcheck(List.of("CMD", "true"), null, null, null, Duration.ofSeconds(5), Duration.ofSeconds(1), false);
        ComposeException old = failure(service("web").healthcheck(withPeriod), API_1_41);
        assertEquals("services.web.healthcheck.start_interval", old.path());
        assertTrue(old.problem().contains("1.44"), old.problem());
        Healthcheck withoutPeriod = new Healthcheck(List.of("CMD", "true"), null, null, null, null, Duration.ofSeconds(1), false);
        assertTrue(failure(service("web").healthcheck(withoutPeriod)).problem().contains("start_period"));
    }

    // ---------------------------------------------------------------- what a single engine cannot do

    @Test
    void globalModeNeedsSwarm() {
        ComposeException e = failure(service("web").deploy(new Deploy("global", null, Map.of(), null, null)));
        assertEquals("services.web.deploy.mode", e.path());
    }

    @Test
    void platformMismatchNamesTheField() {
        ComposeException e = failure(service("web").platform("linux/arm64"), ContainerSpecs.Options.defaults().withImage("sha256:1", "linux/amd64"));
        assertEquals("services.web.platform", e.path());
        Project project = shop(service("web").platform("linux/amd64"));
        assertEquals("linux/amd64", ContainerSpecs.of(project, project.service("web"), 1,
                ContainerSpecs.Options.defaults().withImage("sha256:1", "linux/amd64")).platform());
    }

    @Test
    void annotationsNeedApi143() {
        assertEquals("services.web.annotations", failure(service("web").annotations(Map.of("a", "b")), API_1_41).path());
    }

    @Test
    void swarmOnlySettingsAreListedAsIgnored() {
        Deploy deploy = new Deploy(null, 2, Map.of("x", "y"), new Deploy.Resources(null, new Deploy.Limits(0.5, null, null), List.of()),
                new Deploy.RestartPolicy("on-failure", Duration.ofSeconds(5), null, null));
        Project project = shop(service("web").deploy(deploy).ports(List.of(new Port(null, "host", null, 80, "80", "tcp", null)))
                .secrets(List.of(new FileReference("token", null, "1000", null, 0400))));
        List<String> ignored = ContainerSpecs.ignored(project, project.service("web"));
        assertEquals(5, ignored.size(), ignored.toString());
        assertTrue(ignored.get(0).startsWith("services.web.deploy.labels"), ignored.toString());
        assertTrue(ignored.stream().anyMatch(s -> s.startsWith("services.web.deploy.resources.reservations.cpus")), ignored.toString());
        assertTrue(ignored.stream().anyMatch(s -> s.startsWith("services.web.ports[0].mode")), ignored.toString());
        assertTrue(ignored.stream().anyMatch(s -> s.startsWith("services.web.secrets[0]")), ignored.toString());
        assertFalse(ContainerSpecs.ignored(project, project.service("web")).isEmpty());
        assertEquals(List.of(), ContainerSpecs.ignored(shop(service("web")), shop(service("web")).service("web")));
    }

    @Test
    void everyReplicaSharesTheHashOfTheFirst() {
        Project project = shop(service("db"), service("web").links(List.of("db")));
        List<String> hashes = Arrays.asList(spec(project, "web", 1).label(Labels.CONFIG_HASH), spec(project, "web", 2).label(Labels.CONFIG_HASH));
        assertEquals(hashes.get(0), hashes.get(1));
    }
}
