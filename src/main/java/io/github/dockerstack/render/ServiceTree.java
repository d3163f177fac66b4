package io.github.dockerstack.render;

import io.github.dockerstack.model.BlkioConfig;
import io.github.dockerstack.model.Build;
import io.github.dockerstack.model.DependsOn;
import io.github.dockerstack.model.Deploy;
import io.github.dockerstack.model.Device;
import io.github.dockerstack.model.DeviceRequest;
import io.github.dockerstack.model.FileReference;
import io.github.dockerstack.model.Healthcheck;
import io.github.dockerstack.model.Hook;
import io.github.dockerstack.model.Logging;
import io.github.dockerstack.model.Mount;
import io.github.dockerstack.model.Port;
import io.github.dockerstack.model.Service;
import io.github.dockerstack.model.ServiceNetwork;
import io.github.dockerstack.model.Ulimit;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One service in compose-go's {@code ServiceConfig} field order (mostly alphabetical, with
 * {@code profiles} first and a few exceptions such as {@code healthcheck} after
 * {@code hostname}), long syntax throughout. {@code env_file} and {@code label_file} are not
 * printed: compose folds them into {@code environment} and {@code labels} and discards them before
 * printing.
 */
final class ServiceTree {
    private final Flavor flavor;

    ServiceTree(Flavor flavor) {
        this.flavor = flavor;
    }

    private Fields fields() {
        return new Fields(flavor);
    }

    Map<String, Object> service(Service s) {
        Fields f = fields()
                .list("profiles", s.profiles(), v -> v)
                .map("annotations", s.annotations())
                .ptr("build", s.build() == null ? null : build(s.build()))
                .ptr("blkio_config", s.blkioConfig() == null ? null : blkio(s.blkioConfig()))
                .list("cap_add", s.capAdd(), v -> v)
                .list("cap_drop", s.capDrop(), v -> v)
                .opt("cgroup_parent", s.cgroupParent())
                .opt("cgroup", s.cgroup())
                .opt("cpu_period", s.cpuPeriod())
                .opt("cpu_quota", s.cpuQuota())
                .opt("cpu_rt_period", s.cpuRtPeriod())
                .opt("cpu_rt_runtime", s.cpuRtRuntime())
                .opt("cpus", float32(s.cpus()))
                .opt("cpuset", s.cpuset())
                .opt("cpu_shares", s.cpuShares());
        command(f, "command", s.command());
        f.list("configs", s.configs(), this::fileReference)
                .opt("container_name", s.containerName())
                .map("depends_on", s.dependsOn(), ServiceTree.this::dependsOn)
                .ptr("deploy", s.deploy() == null ? null : deploy(s.deploy()))
                .list("device_cgroup_rules", s.deviceCgroupRules(), v -> v)
                .list("devices", s.devices(), this::device)
                .list("dns", s.dns(), v -> v)
                .list("dns_opt", s.dnsOpt(), v -> v)
                .list("dns_search", s.dnsSearch(), v -> v)
                .opt("domainname", s.domainname());
        command(f, "entrypoint", s.entrypoint());
        f.map("environment", s.environment())
                .list("expose", s.expose(), v -> v)
                .list("external_links", s.externalLinks(), v -> v)
                .list("extra_hosts", sortedHosts(s.extraHosts()), v -> v)
                .list("group_add", s.groupAdd(), v -> v)
                .list("gpus", s.gpus(), this::deviceRequest)
                .opt("hostname", s.hostname())
                .ptr("healthcheck", s.healthcheck() == null ? null : healthcheck(s.healthcheck()))
                .opt("image", s.image())
                .ptr("init", s.init())
                .opt("ipc", s.ipc())
                .map("labels", s.labels())
                .list("links", s.links(), v -> v)
                .ptr("logging", s.logging() == null ? null : logging(s.logging()))
                .opt("mem_limit", bytes(s.memLimit()))
                .opt("mem_reservation", bytes(s.memReservation()))
                .opt("memswap_limit", bytes(s.memswapLimit()))
                .opt("mem_swappiness", bytes(s.memSwappiness())) // compose-go reads it as UnitBytes
                .opt("mac_address", s.macAddress())
                .opt("network_mode", s.networkMode())
                .map("networks", s.networks(), ServiceTree.this::network)
                .opt("oom_kill_disable", s.oomKillDisable())
                .opt("oom_score_adj", s.oomScoreAdj())
                .opt("pid", s.pid())
                .opt("pids_limit", s.pidsLimit())
                .opt("platform", s.platform())
                .list("ports", s.ports(), this::port)
                .opt("privileged", s.privileged())
                .opt("pull_policy", s.pullPolicy())
                .opt("read_only", s.readOnly())
                .opt("restart", s.restart())
                .opt("runtime", s.runtime())
                .ptr("scale", s.scale())
                .list("secrets", s.secrets(), this::fileReference)
                .list("security_opt", s.securityOpt(), v -> v)
                .opt("shm_size", bytes(s.shmSize()))
                .opt("stdin_open", s.stdinOpen())
                .ptr("stop_grace_period", duration(s.stopGracePeriod()))
                .opt("stop_signal", s.stopSignal())
                .map("storage_opt", s.storageOpt())
                .map("sysctls", s.sysctls())
                .list("tmpfs", s.tmpfs(), v -> v)
                .opt("tty", s.tty())
                .map("ulimits", s.ulimits(), this::ulimit)
                .opt("use_api_socket", s.useApiSocket())
                .opt("user", s.user())
                .opt("userns_mode", s.usernsMode())
                .opt("uts", s.uts())
                .list("volumes", s.volumes(), this::mount)
                .list("volumes_from", s.volumesFrom(), v -> v)
                .opt("working_dir", s.workingDir())
                .list("post_start", s.postStart(), this::hook)
                .list("pre_stop", s.preStop(), this::hook)
                .extensions(s.extensions());
        return f.done();
    }

    /** command and entrypoint: JSON prints null when unset ({@code json:"command"}); YAML leaves it out. */
    private void command(Fields f, String key, List<String> command) {
        if (command != null) {
            f.put(key, command);
        } else if (flavor == Flavor.JSON) {
            f.put(key, null);
        }
    }

    private Map<String, Object> build(Build b) {
        return fields()
                .opt("context", b.context())
                .opt("dockerfile", b.dockerfile())
                .opt("dockerfile_inline", b.dockerfileInline())
                .map("args", b.args())
                .map("labels", b.labels())
                .list("cache_from", b.cacheFrom(), v -> v)
                .opt("no_cache", b.noCache())
                .opt("pull", b.pull())
                .list("extra_hosts", sortedHosts(b.extraHosts()), v -> v)
                .opt("network", b.network())
                .opt("target", b.target())
                .opt("shm_size", bytes(b.shmSize()))
                .list("tags", b.tags(), v -> v)
                .list("platforms", b.platforms(), v -> v)
                .done();
    }

    private Object dependsOn(DependsOn d) {
        return fields().opt("condition", d.condition()).opt("restart", d.restart()).put("required", d.required()).done();
    }

    private Map<String, Object> deploy(Deploy d) {
        Deploy.Resources r = d.resources();
        Fields resources = fields();
        if (r != null) {
            resources.ptr("limits", limits(r.limits(), List.of())).ptr("reservations", limits(r.reservations(), r.reservedDevices()));
        }
        Deploy.RestartPolicy p = d.restartPolicy();
        return fields()
                .opt("mode", d.mode())
                .ptr("replicas", d.replicas())
                .map("labels", d.labels())
                .struct("resources", resources.done())
                .ptr("restart_policy", p == null ? null : fields()
                        .opt("condition", p.condition())
                        .ptr("delay", duration(p.delay()))
                        .ptr("max_attempts", p.maxAttempts())
                        .ptr("window", duration(p.window()))
                        .done())
                .struct("placement", fields().done())
                .done();
    }

    private Map<String, Object> limits(Deploy.Limits l, List<DeviceRequest> devices) {
        if (l == null && devices.isEmpty()) {
            return null;
        }
        Fields f = fields();
        if (l != null) {
            f.opt("cpus", float32(l.cpus())).opt("memory", bytes(l.memory())).opt("pids", l.pids());
        }
        return f.list("devices", devices, this::deviceRequest).done();
    }

    private Object deviceRequest(DeviceRequest r) {
        return fields()
                .list("capabilities", r.capabilities(), v -> v)
                .opt("driver", r.driver())
                .opt("count", r.count())
                .list("device_ids", r.deviceIds(), v -> v)
                .map("options", r.options())
                .done();
    }

    private Object device(Device d) {
        return fields().opt("source", d.source()).opt("target", d.target()).opt("permissions", d.permissions()).done();
    }

    private Map<String, Object> healthcheck(Healthcheck h) {
        return fields()
                .list("test", h.test(), v -> v)
                .ptr("timeout", duration(h.timeout()))
                .ptr("interval", duration(h.interval()))
                .ptr("retries", h.retries())
                .ptr("start_period", duration(h.startPeriod()))
                .ptr("start_interval", duration(h.startInterval()))
                .opt("disable", h.disable())
                .done();
    }

    private Map<String, Object> logging(Logging l) {
        return fields().opt("driver", l.driver()).map("options", l.options()).done();
    }

    /** A null attachment (no options) prints as null. */
    private Object network(ServiceNetwork n) {
        if (n == null) {
            return null;
        }
        return fields()
                .list("aliases", n.aliases(), v -> v)
                .map("driver_opts", n.driverOpts())
                .opt("ipv4_address", n.ipv4Address())
                .opt("ipv6_address", n.ipv6Address())
                .list("link_local_ips", n.linkLocalIps(), v -> v)
                .opt("mac_address", n.macAddress())
                .opt("priority", n.priority())
                .done();
    }

    private Object port(Port p) {
        return fields()
                .opt("name", p.name())
                .opt("mode", p.mode())
                .opt("host_ip", p.hostIp())
                .opt("target", p.target())
                .opt("published", p.published())
                .opt("protocol", p.protocol())
                .opt("app_protocol", p.appProtocol())
                .done();
    }

    private Object fileReference(FileReference r) {
        return fields()
                .opt("source", r.source())
                .opt("target", r.target())
                .opt("uid", r.uid())
                .opt("gid", r.gid())
                .ptr("mode", r.mode() == null ? null : "0" + Integer.toOctalString(r.mode()))
                .done();
    }

    /** A single limit prints as a number; soft/hard as a mapping (JSON leaves zeros out, YAML prints both). */
    private Map<String, Object> blkio(BlkioConfig b) {
        return fields()
                .opt("weight", b.weight())
                .list("weight_device", b.weightDevice(), d -> fields().opt("path", d.path()).put("weight", d.weight()).done())
                .list("device_read_bps", b.deviceReadBps(), this::throttle)
                .list("device_read_iops", b.deviceReadIops(), this::throttle)
                .list("device_write_bps", b.deviceWriteBps(), this::throttle)
                .list("device_write_iops", b.deviceWriteIops(), this::throttle)
                .done();
    }

    private Object throttle(BlkioConfig.Throttle t) {
        return fields().opt("path", t.path()).put("rate", bytes(t.rate())).done();
    }

    private Object ulimit(Ulimit u) {
        if (u.single() != null && u.single() != 0) {
            return u.single();
        }
        if (flavor == Flavor.YAML) {
            return fields().put("soft", u.soft() == null ? 0L : u.soft()).put("hard", u.hard() == null ? 0L : u.hard()).done();
        }
        return fields().opt("soft", u.soft()).opt("hard", u.hard()).done();
    }

    private Object mount(Mount m) {
        Mount.BindOptions b = m.bind();
        Mount.VolumeOptions v = m.volume();
        Mount.TmpfsOptions t = m.tmpfs();
        return fields()
                .opt("type", m.type())
                .opt("source", m.source())
                .opt("target", m.target())
                .opt("read_only", m.readOnly())
                .opt("consistency", m.consistency())
                // create_host_path defaults to true and is printed only when false
                .ptr("bind", b == null ? null : fields()
                        .opt("selinux", b.selinux())
                        .opt("propagation", b.propagation())
                        .ptr("create_host_path", Boolean.FALSE.equals(b.createHostPath()) ? Boolean.FALSE : null)
                        .done())
                .ptr("volume", v == null ? null : fields().opt("nocopy", v.nocopy()).opt("subpath", v.subpath()).done())
                .ptr("tmpfs", t == null ? null : fields().opt("size", bytes(t.size())).opt("mode", t.mode()).done())
                .done();
    }

    private Object hook(Hook h) {
        return fields()
                .put("command", h.command())
                .opt("user", h.user())
                .opt("privileged", h.privileged())
                .opt("working_dir", h.workingDir())
                .map("environment", h.environment())
                .done();
    }

    /** compose keeps extra hosts in a map and prints them as sorted "host=ip" entries. */
    private static List<String> sortedHosts(List<String> hosts) {
        return hosts.stream().sorted(GoKeys.BYTES).toList();
    }

    /** Byte sizes (UnitBytes) print as a decimal string: "536870912". */
    static String bytes(Long value) {
        return value == null || value == 0 ? null : String.valueOf(value);
    }

    static String duration(Duration d) {
        return d == null ? null : GoNumbers.duration(d);
    }

    /** cpus are float32 in compose-go; a Float in the tree prints with float32 digits. */
    private static Float float32(Double value) {
        return value == null ? null : value.floatValue();
    }
}
