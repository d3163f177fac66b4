package io.github.dockerstack.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One service of a resolved project. Collections are never null (empty when not set); other
 * absent values are null. Build instances with {@link #builder(String)} or {@link #toBuilder()}.
 *
 * @param name service name (key under services)
 * @param profiles profiles that enable it; empty = always on
 * @param image image reference, or null when only built
 * @param build build instructions, or null
 * @param command command, or null to keep the image's
 * @param entrypoint entrypoint, or null to keep the image's
 * @param environment environment, env_file folded in; a null value is an unresolved variable
 * @param envFiles env_file entries as declared (already folded into environment)
 * @param ports published ports
 * @param expose exposed ports ("80", "8000-8010/udp")
 * @param volumes mounts
 * @param tmpfs tmpfs mount targets (short syntax)
 * @param networks networks; a null value is an attachment without options
 * @param networkMode network_mode, or null
 * @param dependsOn dependencies by service name
 * @param healthcheck healthcheck, or null
 * @param restart restart policy ("no", "always", "on-failure[:n]", "unless-stopped"), or null
 * @param labels container labels
 * @param containerName fixed container name, or null
 * @param hostname hostname, or null
 * @param domainname domain name, or null
 * @param user user, or null
 * @param workingDir working directory, or null
 * @param init run an init process, or null
 * @param stopSignal stop signal, or null
 * @param stopGracePeriod stop timeout, or null for the engine default
 * @param tty allocate a tty
 * @param stdinOpen keep stdin open
 * @param privileged privileged mode
 * @param readOnly read-only root filesystem
 * @param capAdd added capabilities
 * @param capDrop dropped capabilities
 * @param securityOpt security options
 * @param ulimits ulimits by name
 * @param sysctls sysctls
 * @param extraHosts extra /etc/hosts entries as "host=ip"
 * @param dns DNS servers
 * @param dnsSearch DNS search domains
 * @param dnsOpt DNS options
 * @param shmSize /dev/shm size in bytes, or null
 * @param memLimit memory limit in bytes, or null
 * @param memReservation memory reservation in bytes, or null
 * @param memswapLimit memory+swap limit in bytes (-1 unlimited), or null
 * @param cpus CPU quota, or null
 * @param cpuShares CPU shares, or null
 * @param cpuset CPUs allowed, or null
 * @param pidsLimit pids limit, or null
 * @param deploy deploy section, or null
 * @param scale number of containers, or null
 * @param pid pid namespace mode, or null
 * @param ipc ipc namespace mode, or null
 * @param usernsMode user namespace mode, or null
 * @param devices devices
 * @param groupAdd additional groups
 * @param logging logging, or null
 * @param links legacy links ("service[:alias]")
 * @param externalLinks links to containers outside the project
 * @param volumesFrom volumes_from entries
 * @param secrets secrets
 * @param configs configs
 * @param pullPolicy pull_policy, or null
 * @param platform platform, or null
 * @param runtime runtime, or null
 * @param macAddress mac_address, or null
 * @param oomScoreAdj oom_score_adj, or null
 * @param oomKillDisable oom_kill_disable, or null
 * @param cgroupParent cgroup_parent, or null
 * @param cpuPeriod CFS period in microseconds (cpu_period), or null
 * @param cpuQuota CFS quota in microseconds (cpu_quota), or null
 * @param cpuRtPeriod real-time period in microseconds (cpu_rt_period), or null
 * @param cpuRtRuntime real-time runtime in microseconds (cpu_rt_runtime), or null
 * @param memSwappiness mem_swappiness (0 to 100), or null
 * @param blkioConfig blkio_config, or null
 * @param deviceCgroupRules device_cgroup_rules
 * @param cgroup cgroup namespace mode (host or private), or null
 * @param uts UTS namespace mode, or null
 * @param storageOpt storage driver options (storage_opt)
 * @param gpus GPU device requests (gpus)
 * @param useApiSocket mount the engine socket and the build's registry credentials into the container (use_api_socket), or null
 * @param labelFiles label_file paths as declared (already folded into labels)
 * @param postStart post_start hooks
 * @param preStop pre_stop hooks
 * @param annotations annotations
 * @param extensions x-* attributes
 */
public record Service(
        String name,
        List<String> profiles,
        String image,
        Build build,
        List<String> command,
        List<String> entrypoint,
        Map<String, String> environment,
        List<EnvFile> envFiles,
        List<Port> ports,
        List<String> expose,
        List<Mount> volumes,
        List<String> tmpfs,
        Map<String, ServiceNetwork> networks,
        String networkMode,
        Map<String, DependsOn> dependsOn,
        Healthcheck healthcheck,
        String restart,
        Map<String, String> labels,
        String containerName,
        String hostname,
        String domainname,
        String user,
        String workingDir,
        Boolean init,
        String stopSignal,
        Duration stopGracePeriod,
        boolean tty,
        boolean stdinOpen,
        boolean privileged,
        boolean readOnly,
        List<String> capAdd,
        List<String> capDrop,
        List<String> securityOpt,
        Map<String, Ulimit> ulimits,
        Map<String, String> sysctls,
        List<String> extraHosts,
        List<String> dns,
        List<String> dnsSearch,
        List<String> dnsOpt,
        Long shmSize,
        Long memLimit,
        Long memReservation,
        Long memswapLimit,
        Double cpus,
        Long cpuShares,
        String cpuset,
        Long pidsLimit,
        Deploy deploy,
        Integer scale,
        String pid,
        String ipc,
        String usernsMode,
        List<Device> devices,
        List<String> groupAdd,
        Logging logging,
        List<String> links,
        List<String> externalLinks,
        List<String> volumesFrom,
        List<FileReference> secrets,
        List<FileReference> configs,
        String pullPolicy,
        String platform,
        String runtime,
        String macAddress,
        Integer oomScoreAdj,
        Boolean oomKillDisable,
        String cgroupParent,
        Long cpuPeriod,
        Long cpuQuota,
        Long cpuRtPeriod,
        Long cpuRtRuntime,
        Long memSwappiness,
        BlkioConfig blkioConfig,
        List<String> deviceCgroupRules,
        String cgroup,
        String uts,
        Map<String, String> storageOpt,
        List<DeviceRequest> gpus,
        Boolean useApiSocket,
        List<String> labelFiles,
        List<Hook> postStart,
        List<Hook> preStop,
        Map<String, String> annotations,
        Map<String, Object> extensions) {

    public Service {
        profiles = Lists.copy(profiles);
        command = Lists.copyOrNull(command);
        entrypoint = Lists.copyOrNull(entrypoint);
        environment = Maps.copy(environment);
        envFiles = Lists.copy(envFiles);
        ports = Lists.copy(ports);
        expose = Lists.copy(expose);
        volumes = Lists.copy(volumes);
        tmpfs = Lists.copy(tmpfs);
        networks = Maps.copy(networks);
        dependsOn = Maps.copy(dependsOn);
        labels = Maps.copy(labels);
        capAdd = Lists.copy(capAdd);
        capDrop = Lists.copy(capDrop);
        securityOpt = Lists.copy(securityOpt);
        ulimits = Maps.copy(ulimits);
        sysctls = Maps.copy(sysctls);
        extraHosts = Lists.copy(extraHosts);
        dns = Lists.copy(dns);
        dnsSearch = Lists.copy(dnsSearch);
        dnsOpt = Lists.copy(dnsOpt);
        devices = Lists.copy(devices);
        groupAdd = Lists.copy(groupAdd);
        links = Lists.copy(links);
        externalLinks = Lists.copy(externalLinks);
        volumesFrom = Lists.copy(volumesFrom);
        secrets = Lists.copy(secrets);
        configs = Lists.copy(configs);
        postStart = Lists.copy(postStart);
        preStop = Lists.copy(preStop);
        annotations = Maps.copy(annotations);
        extensions = Maps.copy(extensions);
        deviceCgroupRules = Lists.copy(deviceCgroupRules);
        storageOpt = Maps.copy(storageOpt);
        labelFiles = Lists.copy(labelFiles);
        gpus = Lists.copy(gpus);
    }

    public static Builder builder(String name) {
        return new Builder().name(name);
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.profiles = profiles;
        b.image = image;
        b.build = build;
        b.command = command;
        b.entrypoint = entrypoint;
        b.environment = environment;
        b.envFiles = envFiles;
        b.ports = ports;
        b.expose = expose;
        b.volumes = volumes;
        b.tmpfs = tmpfs;
        b.networks = networks;
        b.networkMode = networkMode;
        b.dependsOn = dependsOn;
        b.healthcheck = healthcheck;
        b.restart = restart;
        b.labels = labels;
        b.containerName = containerName;
        b.hostname = hostname;
        b.domainname = domainname;
        b.user = user;
        b.workingDir = workingDir;
        b.init = init;
        b.stopSignal = stopSignal;
        b.stopGracePeriod = stopGracePeriod;
        b.tty = tty;
        b.stdinOpen = stdinOpen;
        b.privileged = privileged;
        b.readOnly = readOnly;
        b.capAdd = capAdd;
        b.capDrop = capDrop;
        b.securityOpt = securityOpt;
        b.ulimits = ulimits;
        b.sysctls = sysctls;
        b.extraHosts = extraHosts;
        b.dns = dns;
        b.dnsSearch = dnsSearch;
        b.dnsOpt = dnsOpt;
        b.shmSize = shmSize;
        b.memLimit = memLimit;
        b.memReservation = memReservation;
        b.memswapLimit = memswapLimit;
        b.cpus = cpus;
        b.cpuShares = cpuShares;
        b.cpuset = cpuset;
        b.pidsLimit = pidsLimit;
        b.deploy = deploy;
        b.scale = scale;
        b.pid = pid;
        b.ipc = ipc;
        b.usernsMode = usernsMode;
        b.devices = devices;
        b.groupAdd = groupAdd;
        b.logging = logging;
        b.links = links;
        b.externalLinks = externalLinks;
        b.volumesFrom = volumesFrom;
        b.secrets = secrets;
        b.configs = configs;
        b.pullPolicy = pullPolicy;
        b.platform = platform;
        b.runtime = runtime;
        b.macAddress = macAddress;
        b.oomScoreAdj = oomScoreAdj;
        b.oomKillDisable = oomKillDisable;
        b.cgroupParent = cgroupParent;
        b.cpuPeriod = cpuPeriod;
        b.cpuQuota = cpuQuota;
        b.cpuRtPeriod = cpuRtPeriod;
        b.cpuRtRuntime = cpuRtRuntime;
        b.memSwappiness = memSwappiness;
        b.blkioConfig = blkioConfig;
        b.deviceCgroupRules = deviceCgroupRules;
        b.cgroup = cgroup;
        b.uts = uts;
        b.storageOpt = storageOpt;
        b.gpus = gpus;
        b.useApiSocket = useApiSocket;
        b.labelFiles = labelFiles;
        b.postStart = postStart;
        b.preStop = preStop;
        b.annotations = annotations;
        b.extensions = extensions;
        return b;
    }

    /** A mutable builder; {@link #build()} makes the immutable copy. */
    public static final class Builder {
        private String name;
        private List<String> profiles;
        private String image;
        private Build build;
        private List<String> command;
        private List<String> entrypoint;
        private Map<String, String> environment;
        private List<EnvFile> envFiles;
        private List<Port> ports;
        private List<String> expose;
        private List<Mount> volumes;
        private List<String> tmpfs;
        private Map<String, ServiceNetwork> networks;
        private String networkMode;
        private Map<String, DependsOn> dependsOn;
        private Healthcheck healthcheck;
        private String restart;
        private Map<String, String> labels;
        private String containerName;
        private String hostname;
        private String domainname;
        private String user;
        private String workingDir;
        private Boolean init;
        private String stopSignal;
        private Duration stopGracePeriod;
        private boolean tty;
        private boolean stdinOpen;
        private boolean privileged;
        private boolean readOnly;
        private List<String> capAdd;
        private List<String> capDrop;
        private List<String> securityOpt;
        private Map<String, Ulimit> ulimits;
        private Map<String, String> sysctls;
        private List<String> extraHosts;
        private List<String> dns;
        private List<String> dnsSearch;
        private List<String> dnsOpt;
        private Long shmSize;
        private Long memLimit;
        private Long memReservation;
        private Long memswapLimit;
        private Double cpus;
        private Long cpuShares;
        private String cpuset;
        private Long pidsLimit;
        private Deploy deploy;
        private Integer scale;
        private String pid;
        private String ipc;
        private String usernsMode;
        private List<Device> devices;
        private List<String> groupAdd;
        private Logging logging;
        private List<String> links;
        private List<String> externalLinks;
        private List<String> volumesFrom;
        private List<FileReference> secrets;
        private List<FileReference> configs;
        private String pullPolicy;
        private String platform;
        private String runtime;
        private String macAddress;
        private Integer oomScoreAdj;
        private Boolean oomKillDisable;
        private String cgroupParent;
        private Long cpuPeriod;
        private Long cpuQuota;
        private Long cpuRtPeriod;
        private Long cpuRtRuntime;
        private Long memSwappiness;
        private BlkioConfig blkioConfig;
        private List<String> deviceCgroupRules;
        private String cgroup;
        private String uts;
        private Map<String, String> storageOpt;
        private List<DeviceRequest> gpus;
        private Boolean useApiSocket;
        private List<String> labelFiles;
        private List<Hook> postStart;
        private List<Hook> preStop;
        private Map<String, String> annotations;
        private Map<String, Object> extensions;

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder profiles(List<String> value) {
            this.profiles = value;
            return this;
        }

        public Builder image(String value) {
            this.image = value;
            return this;
        }

        public Builder build(Build value) {
            this.build = value;
            return this;
        }

        public Builder command(List<String> value) {
            this.command = value;
            return this;
        }

        public Builder entrypoint(List<String> value) {
            this.entrypoint = value;
            return this;
        }

        public Builder environment(Map<String, String> value) {
            this.environment = value;
            return this;
        }

        public Builder envFiles(List<EnvFile> value) {
            this.envFiles = value;
            return this;
        }

        public Builder ports(List<Port> value) {
            this.ports = value;
            return this;
        }

        public Builder expose(List<String> value) {
            this.expose = value;
            return this;
        }

        public Builder volumes(List<Mount> value) {
            this.volumes = value;
            return this;
        }

        public Builder tmpfs(List<String> value) {
            this.tmpfs = value;
            return this;
        }

        public Builder networks(Map<String, ServiceNetwork> value) {
            this.networks = value;
            return this;
        }

        public Builder networkMode(String value) {
            this.networkMode = value;
            return this;
        }

        public Builder dependsOn(Map<String, DependsOn> value) {
            this.dependsOn = value;
            return this;
        }

        public Builder healthcheck(Healthcheck value) {
            this.healthcheck = value;
            return this;
        }

        public Builder restart(String value) {
            this.restart = value;
            return this;
        }

        public Builder labels(Map<String, String> value) {
            this.labels = value;
            return this;
        }

        public Builder containerName(String value) {
            this.containerName = value;
            return this;
        }

        public Builder hostname(String value) {
            this.hostname = value;
            return this;
        }

        public Builder domainname(String value) {
            this.domainname = value;
            return this;
        }

        public Builder user(String value) {
            this.user = value;
            return this;
        }

        public Builder workingDir(String value) {
            this.workingDir = value;
            return this;
        }

        public Builder init(Boolean value) {
            this.init = value;
            return this;
        }

        public Builder stopSignal(String value) {
            this.stopSignal = value;
            return this;
        }

        public Builder stopGracePeriod(Duration value) {
            this.stopGracePeriod = value;
            return this;
        }

        public Builder tty(boolean value) {
            this.tty = value;
            return this;
        }

        public Builder stdinOpen(boolean value) {
            this.stdinOpen = value;
            return this;
        }

        public Builder privileged(boolean value) {
            this.privileged = value;
            return this;
        }

        public Builder readOnly(boolean value) {
            this.readOnly = value;
            return this;
        }

        public Builder capAdd(List<String> value) {
            this.capAdd = value;
            return this;
        }

        public Builder capDrop(List<String> value) {
            this.capDrop = value;
            return this;
        }

        public Builder securityOpt(List<String> value) {
            this.securityOpt = value;
            return this;
        }

        public Builder ulimits(Map<String, Ulimit> value) {
            this.ulimits = value;
            return this;
        }

        public Builder sysctls(Map<String, String> value) {
            this.sysctls = value;
            return this;
        }

        public Builder extraHosts(List<String> value) {
            this.extraHosts = value;
            return this;
        }

        public Builder dns(List<String> value) {
            this.dns = value;
            return this;
        }

        public Builder dnsSearch(List<String> value) {
            this.dnsSearch = value;
            return this;
        }

        public Builder dnsOpt(List<String> value) {
            this.dnsOpt = value;
            return this;
        }

        public Builder shmSize(Long value) {
            this.shmSize = value;
            return this;
        }

        public Builder memLimit(Long value) {
            this.memLimit = value;
            return this;
        }

        public Builder memReservation(Long value) {
            this.memReservation = value;
            return this;
        }

        public Builder memswapLimit(Long value) {
            this.memswapLimit = value;
            return this;
        }

        public Builder cpus(Double value) {
            this.cpus = value;
            return this;
        }

        public Builder cpuShares(Long value) {
            this.cpuShares = value;
            return this;
        }

        public Builder cpuset(String value) {
            this.cpuset = value;
            return this;
        }

        public Builder pidsLimit(Long value) {
            this.pidsLimit = value;
            return this;
        }

        public Builder deploy(Deploy value) {
            this.deploy = value;
            return this;
        }

        public Builder scale(Integer value) {
            this.scale = value;
            return this;
        }

        public Builder pid(String value) {
            this.pid = value;
            return this;
        }

        public Builder ipc(String value) {
            this.ipc = value;
            return this;
        }

        public Builder usernsMode(String value) {
            this.usernsMode = value;
            return this;
        }

        public Builder devices(List<Device> value) {
            this.devices = value;
            return this;
        }

        public Builder groupAdd(List<String> value) {
            this.groupAdd = value;
            return this;
        }

        public Builder logging(Logging value) {
            this.logging = value;
            return this;
        }

        public Builder links(List<String> value) {
            this.links = value;
            return this;
        }

        public Builder externalLinks(List<String> value) {
            this.externalLinks = value;
            return this;
        }

        public Builder volumesFrom(List<String> value) {
            this.volumesFrom = value;
            return this;
        }

        public Builder secrets(List<FileReference> value) {
            this.secrets = value;
            return this;
        }

        public Builder configs(List<FileReference> value) {
            this.configs = value;
            return this;
        }

        public Builder pullPolicy(String value) {
            this.pullPolicy = value;
            return this;
        }

        public Builder platform(String value) {
            this.platform = value;
            return this;
        }

        public Builder runtime(String value) {
            this.runtime = value;
            return this;
        }

        public Builder macAddress(String value) {
            this.macAddress = value;
            return this;
        }

        public Builder oomScoreAdj(Integer value) {
            this.oomScoreAdj = value;
            return this;
        }

        public Builder oomKillDisable(Boolean value) {
            this.oomKillDisable = value;
            return this;
        }

        public Builder cgroupParent(String value) {
            this.cgroupParent = value;
            return this;
        }

        public Builder cpuPeriod(Long value) {
            this.cpuPeriod = value;
            return this;
        }

        public Builder cpuQuota(Long value) {
            this.cpuQuota = value;
            return this;
        }

        public Builder cpuRtPeriod(Long value) {
            this.cpuRtPeriod = value;
            return this;
        }

        public Builder cpuRtRuntime(Long value) {
            this.cpuRtRuntime = value;
            return this;
        }

        public Builder memSwappiness(Long value) {
            this.memSwappiness = value;
            return this;
        }

        public Builder blkioConfig(BlkioConfig value) {
            this.blkioConfig = value;
            return this;
        }

        public Builder deviceCgroupRules(List<String> value) {
            this.deviceCgroupRules = value;
            return this;
        }

        public Builder cgroup(String value) {
            this.cgroup = value;
            return this;
        }

        public Builder uts(String value) {
            this.uts = value;
            return this;
        }

        public Builder storageOpt(Map<String, String> value) {
            this.storageOpt = value;
            return this;
        }

        public Builder gpus(List<DeviceRequest> value) {
            this.gpus = value;
            return this;
        }

        public Builder useApiSocket(Boolean value) {
            this.useApiSocket = value;
            return this;
        }

        public Builder labelFiles(List<String> value) {
            this.labelFiles = value;
            return this;
        }

        public Builder postStart(List<Hook> value) {
            this.postStart = value;
            return this;
        }

        public Builder preStop(List<Hook> value) {
            this.preStop = value;
            return this;
        }

        public Builder annotations(Map<String, String> value) {
            this.annotations = value;
            return this;
        }

        public Builder extensions(Map<String, Object> value) {
            this.extensions = value;
            return this;
        }

        public Service build() {
            return new Service(name, profiles, image, build, command, entrypoint, environment, envFiles, ports, expose, volumes, tmpfs, networks, networkMode, dependsOn, healthcheck, restart, labels, containerName, hostname, domainname, user, workingDir, init, stopSignal, stopGracePeriod, tty, stdinOpen, privileged, readOnly, capAdd, capDrop, securityOpt, ulimits, sysctls, extraHosts, dns, dnsSearch, dnsOpt, shmSize, memLimit, memReservation, memswapLimit, cpus, cpuShares, cpuset, pidsLimit, deploy, scale, pid, ipc, usernsMode, devices, groupAdd, logging, links, externalLinks, volumesFrom, secrets, configs, pullPolicy, platform, runtime, macAddress, oomScoreAdj, oomKillDisable, cgroupParent, cpuPeriod, cpuQuota, cpuRtPeriod, cpuRtRuntime, memSwappiness, blkioConfig, deviceCgroupRules, cgroup, uts, storageOpt, gpus, useApiSocket, labelFiles, postStart, preStop, annotations, extensions);
        }
    }
}
