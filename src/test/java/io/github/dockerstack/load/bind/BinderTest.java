package io.github.dockerstack.load.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.load.ComposeException;
import io.github.dockerstack.load.yaml.YamlDocument;
import io.github.dockerstack.load.yaml.YamlReader;
import io.github.dockerstack.model.BlkioConfig;
import io.github.dockerstack.model.DependsOn;
import io.github.dockerstack.model.DeviceRequest;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import io.github.dockerstack.model.Ulimit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BinderTest {
    private static final Path FILE = Path.of("/p/compose.yaml");
    private static final BindContext CTX = new BindContext("demo", Path.of("/p"), List.of(FILE), Map.of("A", "1"), List.of("dev"));

    static Project bind(String yaml) {
        YamlDocument doc = YamlReader.read(FILE, yaml).get(0);
        return Binder.bind(doc.root(), doc.sources(), CTX);
    }

    private static Service web(String serviceBody) {
        String indented = serviceBody.lines().map(l -> "    " + l).reduce("", (a, b) -> a + b + "\n");
        return bind("services:\n  web:\n" + indented).service("web");
    }

    /** Binds a service body that must fail; returns the error. */
    private static ComposeException fails(String serviceBody) {
        return assertThrows(ComposeException.class, () -> web(serviceBody));
    }

    private static void assertError(ComposeException e, String path, int line, String expectedForm) {
        assertEquals(path, e.path());
        assertEquals(line, e.location().line(), "line of " + e.getMessage());
        assertEquals(FILE, e.location().file());
        assertTrue(e.problem().contains(expectedForm), e.problem());
    }

    // ---- project level

    @Test
    void projectCarriesTheContextAndAllServices() {
        Project p = bind("""
                services:
                  b: {image: b}
                  a:
                    image: a
                    profiles: [debug]
                x-top: {k: [1, two]}
                """);
        assertEquals("demo", p.name());
        assertEquals(Path.of("/p"), p.workingDir());
        assertEquals(List.of(FILE), p.configFiles());
        assertEquals(Map.of("A", "1"), p.environment());
        assertEquals(List.of("dev"), p.profiles());
        assertEquals(List.of("a", "b"), List.copyOf(p.serviceNames()));
        assertEquals(List.of("debug"), p.service("a").profiles());
        assertTrue(p.disabledServices().isEmpty());
        assertEquals(Map.of("x-top", Map.of("k", List.of(1L, "two"))), p.extensions());
    }

    @Test
    void resourceNamesDefaultToProjectAndKey() {
        Project p = bind("""
                services: {}
                networks:
                  default:
                  back: {name: fixed}
                  outside: {external: true}
                  named-outside: {external: "true", name: theirs}
                volumes:
                  data: {}
                  shared: {external: true}
                secrets:
                  token: {file: /p/token}
                configs:
                  conf: {content: hello}
                """);
        assertEquals("demo_default", p.networks().get("default").name());
        assertEquals("fixed", p.networks().get("back").name());
        assertEquals("outside", p.networks().get("outside").name());
        assertTrue(p.networks().get("outside").external());
        assertEquals("theirs", p.networks().get("named-outside").name());
        assertEquals("demo_data", p.volumes().get("data").name());
        assertEquals("shared", p.volumes().get("shared").name());
        assertEquals("demo_token", p.secrets().get("token").name());
        assertEquals("/p/token", p.secrets().get("token").file());
        assertEquals("hello", p.configs().get("conf").content());
    }

    @Test
    void networkAttributesAreCast() {
        Project p = bind("""
                services: {}
                networks:
                  back:
                    driver: bridge
                    driver_opts: {mtu: 1500}
                    internal: "yes"
                    enable_ipv6: false
                    labels: {tier: null}
                    ipam:
                      config:
                        - subnet: 172.28.0.0/16
                          aux_addresses: {host1: 172.28.1.5}
                    x-note: kept
                """);
        var n = p.networks().get("back");
        assertEquals(Map.of("mtu", "1500"), n.driverOpts());
        assertTrue(n.internal());
        assertEquals(Boolean.FALSE, n.enableIpv6());
        assertEquals(Map.of("tier", ""), n.labels());
        assertEquals("172.28.0.0/16", n.ipam().config().get(0).subnet());
        assertEquals(Map.of("host1", "172.28.1.5"), n.ipam().config().get(0).auxAddresses());
        assertEquals(Map.of("x-note", "kept"), n.extensions());
    }

    @Test
    void badNetworkBooleanNamesItsPath() {
        ComposeException e = assertThrows(ComposeException.class, () -> bind("""
                services: {}
                networks:
                  back:
                    internal: maybe
                """));
        assertError(e, "networks.back.internal", 4, "true or false");
    }

    // ---- integers

    @Test
    void integersFromNumbersAndStrings() {
        Service s = web("""
                ports:
                  - {target: 80}
                  - {target: "443"}
                healthcheck: {retries: "3"}
                scale: 2.0
                oom_score_adj: -500
                cpu_shares: "512"
                pids_limit: 100
                """);
        assertEquals(80, s.ports().get(0).target());
        assertEquals(443, s.ports().get(1).target());
        assertEquals(3, s.healthcheck().retries());
        assertEquals(2, s.scale());
        assertEquals(-500, s.oomScoreAdj());
        assertEquals(512L, s.cpuShares());
        assertEquals(100L, s.pidsLimit());
    }

    @Test
    void nonIntegerIsRejectedWithPathAndLine() {
        ComposeException e = fails("""
                image: x
                healthcheck:
                  retries: often
                """);
        assertError(e, "services.web.healthcheck.retries", 5, "an integer like 3");
    }

    @Test
    void fractionalIntegerIsRejected() {
        assertError(fails("scale: 1.5"), "services.web.scale", 3, "an integer");
    }

    @Test
    void portOutOfRangeIsRejected() {
        ComposeException e = fails("""
                ports:
                  - target: 70000
                """);
        assertError(e, "services.web.ports[0].target", 4, "from 0 to 65535");
    }

    @Test
    void portWithoutTargetIsRejected() {
        assertError(fails("ports: [{published: \"80\"}]"), "services.web.ports[0]", 3, "needs a target");
    }

    @Test
    void publishedIsKeptAsText() {
        Service s = web("""
                ports:
                  - {target: 80, published: 8080, protocol: tcp, mode: ingress, host_ip: 127.0.0.1}
                  - {target: 81, published: "9000-9010"}
                  - {target: 82}
                  - {target: 83, published: ""}
                """);
        assertEquals("8080", s.ports().get(0).published());
        assertEquals("127.0.0.1", s.ports().get(0).hostIp());
        assertEquals("tcp", s.ports().get(0).protocol());
        assertEquals("9000-9010", s.ports().get(1).published());
        assertNull(s.ports().get(2).published());
        assertNull(s.ports().get(3).published());
    }

    @Test
    void publishedMustBeAPort() {
        assertError(fails("ports: [{target: 80, published: 1.5}]"), "services.web.ports[0].published", 3, "host port or range");
    }

    // ---- booleans

    @Test
    void booleansFromYamlAndFromStrings() {
        Service s = web("""
                privileged: true
                tty: "true"
                stdin_open: "yes"
                read_only: "FALSE"
                init: "off"
                oom_kill_disable: "on"
                """);
        assertTrue(s.privileged());
        assertTrue(s.tty());
        assertTrue(s.stdinOpen());
        assertFalse(s.readOnly());
        assertEquals(Boolean.FALSE, s.init());
        assertEquals(Boolean.TRUE, s.oomKillDisable());
    }

    @Test
    void unsetBooleansKeepTheirDefaults() {
        Service s = web("image: x");
        assertFalse(s.privileged());
        assertNull(s.init());
    }

    @Test
    void badBooleanIsRejected() {
        assertError(fails("privileged: maybe"), "services.web.privileged", 3, "true or false");
    }

    @Test
    void numberIsNotABoolean() {
        assertError(fails("tty: 1"), "services.web.tty", 3, "true or false");
    }

    // ---- durations

    @Test
    void durationsInGoSyntax() {
        Service s = web("""
                stop_grace_period: 1m30s
                healthcheck:
                  interval: 10s
                  timeout: 500ms
                  start_period: 1h
                  start_interval: 1.5s
                deploy:
                  restart_policy: {delay: 2d, window: "0"}
                """);
        assertEquals(Duration.ofSeconds(90), s.stopGracePeriod());
        assertEquals(Duration.ofSeconds(10), s.healthcheck().interval());
        assertEquals(Duration.ofMillis(500), s.healthcheck().timeout());
        assertEquals(Duration.ofHours(1), s.healthcheck().startPeriod());
        assertEquals(Duration.ofMillis(1500), s.healthcheck().startInterval());
        assertEquals(Duration.ofDays(2), s.deploy().restartPolicy().delay());
        assertEquals(Duration.ZERO, s.deploy().restartPolicy().window());
    }

    @Test
    void durationParserCoversUnitsAndSigns() {
        assertEquals(Duration.ofNanos(1_500), GoDurations.parse("1.5us"));
        assertEquals(Duration.ofNanos(2_000), GoDurations.parse("2\u00b5s"));
        assertEquals(Duration.ofNanos(7), GoDurations.parse("7ns"));
        assertEquals(Duration.ofDays(14).plusHours(3), GoDurations.parse("2w3h"));
        assertEquals(Duration.ofSeconds(-90), GoDurations.parse("-1m30s"));
        assertEquals(Duration.ofMillis(500), GoDurations.parse(".5s"));
        assertEquals(Duration.ZERO, GoDurations.parse("0"));
        assertNull(GoDurations.parse("10"));
        assertNull(GoDurations.parse(""));
        assertNull(GoDurations.parse("1y"));
        assertNull(GoDurations.parse("1.2.3s"));
        assertNull(GoDurations.parse("s"));
        assertNull(GoDurations.parse("9999999999h"));
    }

    @Test
    void durationWithoutUnitIsRejectedWithAHint() {
        ComposeException e = fails("""
                healthcheck:
                  interval: 10
                """);
        assertError(e, "services.web.healthcheck.interval", 4, "a duration like 10s or 1m30s");
        assertTrue(e.problem().contains("add a unit, e.g. 10s"), e.problem());
    }

    @Test
    void unknownDurationUnitIsRejected() {
        assertError(fails("stop_grace_period: 10x"), "services.web.stop_grace_period", 3, "a duration like 10s");
    }

    // ---- byte sizes

    @Test
    void byteSizesInDockerUnits() {
        Service s = web("""
                mem_limit: 512m
                mem_reservation: 1gb
                shm_size: 2G
                memswap_limit: "-1"
                build:
                  context: /p
                  shm_size: 1024
                deploy:
                  resources:
                    limits: {memory: 100k}
                    reservations: {memory: "1.5g"}
                volumes:
                  - type: tmpfs
                    target: /tmp
                    tmpfs: {size: "64 MiB"}
                """);
        assertEquals(512L << 20, s.memLimit());
        assertEquals(1L << 30, s.memReservation());
        assertEquals(2L << 30, s.shmSize());
        assertEquals(-1L, s.memswapLimit());
        assertEquals(1024L, s.build().shmSize());
        assertEquals(100L << 10, s.deploy().resources().limits().memory());
        assertEquals(3L << 29, s.deploy().resources().reservations().memory());
        assertEquals(64L << 20, s.volumes().get(0).tmpfs().size());
    }

    @Test
    void byteSizeParserEdges() {
        assertEquals(1024L, ByteSizes.parse("1024"));
        assertEquals(10L, ByteSizes.parse("10b"));
        assertEquals(1L << 40, ByteSizes.parse("1T"));
        assertEquals(1L << 20, ByteSizes.parse("1MiB"));
        assertNull(ByteSizes.parse("1mbb"));
        assertNull(ByteSizes.parse("-1m"));
        assertNull(ByteSizes.parse("m"));
        assertNull(ByteSizes.parse("99999999999p"));
    }

    @Test
    void badByteSizeIsRejected() {
        assertError(fails("mem_limit: 12x"), "services.web.mem_limit", 3, "a byte size like 1024, 512m or 2g");
    }

    // ---- cpus

    @Test
    void cpusFromNumbersAndStrings() {
        assertEquals(0.5, web("cpus: \"0.5\"").cpus());
        assertEquals(2.0, web("cpus: 2").cpus());
        assertEquals(1.5, web("deploy: {resources: {limits: {cpus: 1.5}}}").deploy().resources().limits().cpus());
    }

    @Test
    void badCpusIsRejected() {
        assertError(fails("cpus: half"), "services.web.cpus", 3, "a number like 0.5");
    }

    // ---- text values

    @Test
    void environmentValuesAreTextAsComposePrintsThem() {
        Service s = web("""
                environment:
                  INT: 1
                  BOOL: true
                  FLOAT: 1.5
                  WHOLE: 1.0
                  BIG: 1000000.0
                  STR: plain
                  UNSET:
                """);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("INT", "1");
        expected.put("BOOL", "true");
        expected.put("FLOAT", "1.5");
        expected.put("WHOLE", "1");
        expected.put("BIG", "1e+06");
        expected.put("STR", "plain");
        expected.put("UNSET", null);
        assertEquals(expected, s.environment());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(s.environment().keySet()));
    }

    @Test
    void goTextOfFloats() {
        assertEquals("0.0001", GoText.float64(0.0001));
        assertEquals("1e-05", GoText.float64(0.00001));
        assertEquals("123456", GoText.float64(123456.0));
        assertEquals("1.234567e+06", GoText.float64(1234567.0));
        assertEquals("-2.5", GoText.float64(-2.5));
        assertEquals("+Inf", GoText.float64(Double.POSITIVE_INFINITY));
    }

    @Test
    void labelsAndOptionsTurnNullIntoEmptyText() {
        Service s = web("""
                labels: {a: null, b: 2}
                sysctls: {net.core.somaxconn: 1024}
                logging: {driver: json-file, options: {max-size: 10m, max-file: 3}}
                annotations: {x: true}
                """);
        assertEquals(Map.of("a", "", "b", "2"), s.labels());
        assertEquals(Map.of("net.core.somaxconn", "1024"), s.sysctls());
        assertEquals(Map.of("max-size", "10m", "max-file", "3"), s.logging().options());
        assertEquals(Map.of("x", "true"), s.annotations());
    }

    @Test
    void structuredEnvironmentValueIsRejected() {
        assertError(fails("""
                environment:
                  A: {nested: 1}
                """), "services.web.environment.A", 4, "a single value");
    }

    @Test
    void numberWhereAStringIsNeededIsRejectedWithAQuoteHint() {
        ComposeException e = fails("user: 1000");
        assertError(e, "services.web.user", 3, "must be a string");
        assertTrue(e.problem().contains("\"1000\""), e.problem());
    }

    @Test
    void listsOfStrings() {
        Service s = web("""
                command: [sh, -c, "echo hi"]
                dns: 8.8.8.8
                cap_add: [NET_ADMIN]
                expose: [80, "443/tcp"]
                group_add: [1000, audio]
                """);
        assertEquals(List.of("sh", "-c", "echo hi"), s.command());
        assertNull(s.entrypoint());
        assertEquals(List.of("8.8.8.8"), s.dns());
        assertEquals(List.of("NET_ADMIN"), s.capAdd());
        assertEquals(List.of("80", "443/tcp"), s.expose());
        assertEquals(List.of("1000", "audio"), s.groupAdd());
    }

    @Test
    void emptyCommandStaysApartFromUnset() {
        assertEquals(List.of(), web("entrypoint: []").entrypoint());
        assertNull(web("entrypoint: null").entrypoint());
    }

    @Test
    void numberInACommandIsRejected() {
        assertError(fails("command: [sleep, 10]"), "services.web.command[1]", 3, "must be a string");
    }

    // ---- nested structures

    @Test
    void fileModesAreOctalStringsOrIntegers() {
        Service s = web("""
                secrets:
                  - source: a
                    mode: "0440"
                  - {source: b, mode: 288, uid: "103", gid: "103", target: /run/b}
                  - c
                configs:
                  - {source: d, mode: "0o755"}
                """);
        assertEquals(0440, s.secrets().get(0).mode());
        assertEquals(288, s.secrets().get(1).mode());
        assertEquals("103", s.secrets().get(1).uid());
        assertEquals("c", s.secrets().get(2).source());
        assertNull(s.secrets().get(2).mode());
        assertEquals(0755, s.configs().get(0).mode());
    }

    @Test
    void badFileModeIsRejected() {
        assertError(fails("secrets: [{source: a, mode: rw}]"), "services.web.secrets[0].mode", 3, "a file mode like 0440");
    }

    @Test
    void dependsOnDefaults() {
        Service s = web("""
                depends_on:
                  db: {condition: service_healthy, restart: "true"}
                  cache: {required: false}
                  log: null
                """);
        assertEquals(new DependsOn(DependsOn.HEALTHY, true, true), s.dependsOn().get("db"));
        assertEquals(new DependsOn(DependsOn.STARTED, false, false), s.dependsOn().get("cache"));
        assertEquals(new DependsOn(DependsOn.STARTED, true, false), s.dependsOn().get("log"));
    }

    @Test
    void ulimitsSingleOrSoftAndHard() {
        Service s = web("""
                ulimits:
                  nproc: 65535
                  core: {single: "0"}
                  nofile: {soft: "1024", hard: 2048}
                """);
        assertEquals(new Ulimit(65535L, null, null), s.ulimits().get("nproc"));
        assertEquals(new Ulimit(0L, null, null), s.ulimits().get("core"));
        assertEquals(new Ulimit(null, 1024L, 2048L), s.ulimits().get("nofile"));
    }

    @Test
    void ulimitNeedsBothSoftAndHard() {
        assertError(fails("""
                ulimits:
                  nofile: {soft: 1024}
                """), "services.web.ulimits.nofile", 4, "both soft: and hard:");
    }

    @Test
    void kernelControlsAndLabelFiles() {
        Service s = web("""
                cpu_period: "100000"
                cpu_quota: 50000
                cpu_rt_period: 1000000
                cpu_rt_runtime: 950000
                mem_swappiness: 0
                device_cgroup_rules: ["c 1:3 mr", "a 7:* rmw"]
                cgroup: private
                uts: host
                storage_opt: {size: 1G}
                label_file: [/p/a.labels, /p/b.labels]
                blkio_config:
                  weight: 300
                  weight_device: [{path: /dev/sda, weight: 200}]
                  device_read_bps: [{path: /dev/sda, rate: 12mb}]
                  device_write_iops: [{path: /dev/sdb, rate: "30"}]
                """);
        assertEquals(100000L, s.cpuPeriod());
        assertEquals(50000L, s.cpuQuota());
        assertEquals(1000000L, s.cpuRtPeriod());
        assertEquals(950000L, s.cpuRtRuntime());
        assertEquals(0L, s.memSwappiness());
        assertEquals(List.of("c 1:3 mr", "a 7:* rmw"), s.deviceCgroupRules());
        assertEquals("private", s.cgroup());
        assertEquals("host", s.uts());
        assertEquals(Map.of("size", "1G"), s.storageOpt());
        assertEquals(List.of("/p/a.labels", "/p/b.labels"), s.labelFiles());
        assertEquals(new BlkioConfig(300, List.of(new BlkioConfig.WeightDevice("/dev/sda", 200)),
                List.of(new BlkioConfig.Throttle("/dev/sda", 12L << 20)), List.of(), List.of(),
                List.of(new BlkioConfig.Throttle("/dev/sdb", 30))), s.blkioConfig());
    }

    @Test
    void gpusAndReservedDevicesAreDeviceRequests() {
        assertEquals(List.of(new DeviceRequest(List.of(), null, DeviceRequest.ALL, List.of(), Map.of())), web("gpus: all").gpus());
        Service s = web("""
                gpus:
                  - {driver: nvidia, count: 2}
                  - {capabilities: [compute], device_ids: ["0", "3"], options: {x: 1}}
                  - {count: all}
                  - {}
                deploy:
                  resources:
                    reservations:
                      memory: 64m
                      devices: [{capabilities: [gpu, utility]}]
                """);
        assertEquals(List.of(new DeviceRequest(List.of(), "nvidia", 2, List.of(), Map.of()),
                new DeviceRequest(List.of("compute"), null, 0, List.of("0", "3"), Map.of("x", "1")),
                new DeviceRequest(List.of(), null, DeviceRequest.ALL, List.of(), Map.of()),
                new DeviceRequest(List.of(), null, DeviceRequest.ALL, List.of(), Map.of())), s.gpus());
        assertEquals(List.of(new DeviceRequest(List.of("gpu", "utility"), null, DeviceRequest.ALL, List.of(), Map.of())),
                s.deploy().resources().reservedDevices());
        assertEquals(64L << 20, s.deploy().resources().reservations().memory());
    }

    @Test
    void aDeviceCountIsAllOrANumber() {
        assertError(fails("""
                gpus:
                  - count: many
                """), "services.web.gpus[0].count", 4, "must be 'all' or a number, not many");
    }

    @Test
    void aBlkioLimitNeedsItsRate() {
        assertError(fails("""
                blkio_config:
                  device_read_bps:
                    - path: /dev/sda
                """), "services.web.blkio_config.device_read_bps[0]", 5, "needs a rate:");
    }

    @Test
    void anEnvFileFormatMustBeOneComposeReads() {
        assertError(fails("""
                env_file:
                  - {path: /p/.env, format: yaml}
                """), "services.web.env_file[0].format", 4, "unsupported env_file format 'yaml'");
    }

    @Test
    void mountsNetworksAndHooks() {
        Service s = web("""
                volumes:
                  - type: bind
                    source: /p/data
                    target: /data
                    read_only: "true"
                    bind: {create_host_path: false, propagation: rshared, selinux: z}
                  - type: volume
                    source: db
                    target: /var/lib/db
                    volume: {nocopy: true, subpath: sub}
                  - type: tmpfs
                    target: /tmp
                    tmpfs: {mode: "1777"}
                networks:
                  front: null
                  back: {aliases: [api], ipv4_address: 10.0.0.2, priority: "10", driver_opts: {com.example.mtu: 1400}}
                post_start:
                  - command: [echo, up]
                    privileged: "true"
                    environment: {N: 1}
                devices:
                  - {source: /dev/fuse, target: /dev/fuse, permissions: rwm}
                env_file:
                  - {path: /p/.env, required: "false"}
                  - /p/b.env
                """);
        var bind = s.volumes().get(0);
        assertTrue(bind.readOnly());
        assertEquals(Boolean.FALSE, bind.bind().createHostPath());
        assertEquals("rshared", bind.bind().propagation());
        assertEquals(Boolean.TRUE, s.volumes().get(1).volume().nocopy());
        assertEquals("sub", s.volumes().get(1).volume().subpath());
        assertEquals(01777, s.volumes().get(2).tmpfs().mode());
        assertTrue(s.networks().containsKey("front"));
        assertNull(s.networks().get("front"));
        assertEquals(List.of("api"), s.networks().get("back").aliases());
        assertEquals(Map.of("com.example.mtu", "1400"), s.networks().get("back").driverOpts());
        assertEquals(10, s.networks().get("back").priority());
        assertEquals(List.of("echo", "up"), s.postStart().get(0).command());
        assertEquals(Boolean.TRUE, s.postStart().get(0).privileged());
        assertEquals(Map.of("N", "1"), s.postStart().get(0).environment());
        assertEquals("rwm", s.devices().get(0).permissions());
        assertFalse(s.envFiles().get(0).required());
        assertTrue(s.envFiles().get(1).required());
    }

    @Test
    void healthcheckStringTestBecomesCmdShell() {
        assertEquals(Arrays.asList("CMD-SHELL", "curl -f localhost"), web("healthcheck: {test: curl -f localhost}").healthcheck().test());
    }

    @Test
    void serviceExtensionsAreKept() {
        assertEquals(Map.of("x-tier", "web"), web("x-tier: web").extensions());
    }

    @Test
    void mappingWhereAListIsNeededIsRejected() {
        assertError(fails("ports: {a: 1}"), "services.web.ports", 3, "must be a list");
    }
}
