package io.github.dockerstack.load.bind;

import io.github.dockerstack.model.Service;
import io.github.dockerstack.model.Ulimit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Binds one service of the canonical tree; nested structures are left to {@link ServiceParts} and {@link Attachments}. */
final class ServiceBinder {
    private ServiceBinder() {
    }

    static Service bind(String name, Value s) {
        if (!s.isNull() && !s.isMap()) {
            throw s.error("a service must be a mapping of attributes (image:, build:, ...)");
        }
        return Service.builder(name)
                .profiles(s.get("profiles").strings())
                .image(s.get("image").string())
                .build(ServiceParts.build(s.get("build")))
                .command(s.get("command").stringsOrNull())
                .entrypoint(s.get("entrypoint").stringsOrNull())
                .environment(s.get("environment").textMapKeepingNull())
                .envFiles(ServiceParts.envFiles(s.get("env_file")))
                .ports(Attachments.ports(s.get("ports")))
                .expose(s.get("expose").texts())
                .volumes(Attachments.mounts(s.get("volumes")))
                .tmpfs(s.get("tmpfs").strings())
                .networks(Attachments.networks(s.get("networks")))
                .networkMode(s.get("network_mode").string())
                .dependsOn(Attachments.dependsOn(s.get("depends_on")))
                .healthcheck(ServiceParts.healthcheck(s.get("healthcheck")))
                .restart(s.get("restart").string())
                .labels(s.get("labels").textMap())
                .containerName(s.get("container_name").string())
                .hostname(s.get("hostname").string())
                .domainname(s.get("domainname").string())
                .user(s.get("user").string())
                .workingDir(s.get("working_dir").string())
                .init(s.get("init").bool())
                .stopSignal(s.get("stop_signal").string())
                .stopGracePeriod(s.get("stop_grace_period").duration())
                .tty(s.get("tty").bool(false))
                .stdinOpen(s.get("stdin_open").bool(false))
                .privileged(s.get("privileged").bool(false))
                .readOnly(s.get("read_only").bool(false))
                .capAdd(s.get("cap_add").strings())
                .capDrop(s.get("cap_drop").strings())
                .securityOpt(s.get("security_opt").strings())
                .ulimits(ulimits(s.get("ulimits")))
                .sysctls(s.get("sysctls").textMap())
                .extraHosts(s.get("extra_hosts").strings())
                .dns(s.get("dns").strings())
                .dnsSearch(s.get("dns_search").strings())
                .dnsOpt(s.get("dns_opt").strings())
                .shmSize(s.get("shm_size").bytes())
                .memLimit(s.get("mem_limit").bytes())
                .memReservation(s.get("mem_reservation").bytes())
                .memswapLimit(s.get("memswap_limit").bytes())
                .cpus(s.get("cpus").number())
                .cpuShares(s.get("cpu_shares").int64())
                .cpuset(s.get("cpuset").string())
                .pidsLimit(s.get("pids_limit").int64())
                .deploy(ServiceParts.deploy(s.get("deploy")))
                .scale(s.get("scale").integer())
                .pid(s.get("pid").string())
                .ipc(s.get("ipc").string())
                .usernsMode(s.get("userns_mode").string())
                .devices(Attachments.devices(s.get("devices")))
                .groupAdd(s.get("group_add").texts())
                .logging(ServiceParts.logging(s.get("logging")))
                .links(s.get("links").strings())
                .externalLinks(s.get("external_links").strings())
                .volumesFrom(s.get("volumes_from").strings())
                .secrets(Attachments.fileReferences(s.get("secrets")))
                .configs(Attachments.fileReferences(s.get("configs")))
                .pullPolicy(s.get("pull_policy").string())
                .platform(s.get("platform").string())
                .runtime(s.get("runtime").string())
                .macAddress(s.get("mac_address").string())
                .oomScoreAdj(s.get("oom_score_adj").integer())
                .oomKillDisable(s.get("oom_kill_disable").bool())
                .cgroupParent(s.get("cgroup_parent").string())
                .cpuPeriod(s.get("cpu_period").int64())
                .cpuQuota(s.get("cpu_quota").int64())
                .cpuRtPeriod(s.get("cpu_rt_period").int64())
                .cpuRtRuntime(s.get("cpu_rt_runtime").int64())
                .memSwappiness(s.get("mem_swappiness").int64())
                .blkioConfig(ServiceParts.blkio(s.get("blkio_config")))
                .deviceCgroupRules(s.get("device_cgroup_rules").strings())
                .cgroup(s.get("cgroup").string())
                .uts(s.get("uts").string())
                .storageOpt(s.get("storage_opt").textMap())
                .gpus(ServiceParts.deviceRequests(s.get("gpus")))
                .useApiSocket(s.get("use_api_socket").bool())
                .labelFiles(s.get("label_file").strings())
                .postStart(ServiceParts.hooks(s.get("post_start")))
                .preStop(ServiceParts.hooks(s.get("pre_stop")))
                .annotations(s.get("annotations").textMap())
                .extensions(s.extensions())
                .build();
    }

    /** {@code nofile: 1024} or {@code nofile: {soft: 1024, hard: 2048}}; compose needs both soft and hard. */
    static Map<String, Ulimit> ulimits(Value v) {
        Map<String, Ulimit> out = new LinkedHashMap<>();
        v.entries().forEach((name, u) -> {
            if (!u.isMap()) {
                Long single = u.int64();
                if (single == null) {
                    throw u.error("needs a limit: a number, or soft: and hard:");
                }
                out.put(name, new Ulimit(single, null, null));
                return;
            }
            Long single = u.get("single").int64();
            if (single != null) {
                out.put(name, new Ulimit(single, null, null));
                return;
            }
            Long soft = u.get("soft").int64();
            Long hard = u.get("hard").int64();
            if (soft == null || hard == null) {
                throw u.error("needs both soft: and hard: (or a single number for both)");
            }
            out.put(name, new Ulimit(null, soft, hard));
        });
        return out;
    }
}
