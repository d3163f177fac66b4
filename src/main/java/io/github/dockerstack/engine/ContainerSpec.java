package io.github.dockerstack.engine;

import java.util.List;
import java.util.Map;

/**
 * Everything a container create needs, in the engine's terms (names resolved, durations in
 * seconds or nanoseconds, sizes in bytes). Collections are never null; other absent values are
 * null and leave the engine's or image's default. Build with {@link #builder(String, String)}.
 *
 * @param name container name
 * @param image image reference
 * @param platform platform ("linux/amd64"), or null for the engine's
 * @param command command, or null to keep the image's
 * @param entrypoint entrypoint, or null to keep the image's
 * @param env environment, in order
 * @param labels labels
 * @param exposedPorts exposed ports as "port/protocol"
 * @param portBindings published ports
 * @param mounts bind, volume and tmpfs mounts
 * @param tmpfs tmpfs mounts: target to options ("" for none)
 * @param volumesFrom "container[:ro|rw]"
 * @param hostname hostname, or null (the engine uses the short container id)
 * @param domainname domain name, or null
 * @param user user, or null
 * @param workingDir working directory, or null
 * @param init run an init process, or null for the engine default
 * @param stopSignal stop signal, or null
 * @param stopTimeout seconds to wait after the stop signal before killing, or null
 * @param tty allocate a tty
 * @param stdinOpen keep stdin open
 * @param privileged privileged
 * @param readOnly read-only root filesystem
 * @param unconfinedSystemPaths no masked or read-only kernel paths (security_opt systempaths=unconfined)
 * @param capAdd added capabilities
 * @param capDrop dropped capabilities
 * @param securityOpt security options
 * @param ulimits ulimits
 * @param sysctls sysctls
 * @param extraHosts extra /etc/hosts entries as "host:ip"
 * @param dns DNS servers
 * @param dnsSearch DNS search domains
 * @param dnsOpt DNS options
 * @param shmSize /dev/shm size in bytes, or null
 * @param memory memory limit in bytes, or null
 * @param memorySwap memory + swap limit in bytes (-1 unlimited), or null
 * @param memoryReservation memory soft limit in bytes, or null
 * @param nanoCpus CPU quota in billionths of a CPU, or null
 * @param cpuShares relative CPU weight, or null
 * @param cpuset CPUs allowed ("0-2"), or null
 * @param pidsLimit maximum number of processes, or null
 * @param pidMode pid namespace ("host", "container:<id>"), or null
 * @param ipcMode ipc namespace, or null
 * @param usernsMode user namespace mode, or null
 * @param devices devices
 * @param groupAdd additional groups
 * @param logDriver logging driver, or null for the engine default
 * @param logOptions logging driver options
 * @param restartPolicy restart policy, or null (no restart)
 * @param healthcheck healthcheck, or null to keep the image's
 * @param networkMode network mode: a network name, "none", "host", "bridge" or "container:<id>"; null for the engine default
 * @param network the first network and its endpoint settings, given at create; null with a non-network mode
 * @param additionalNetworks further networks, connected after create and before start (as Compose does)
 * @param links legacy links "container:alias"
 * @param macAddress MAC address on the first network, or null
 * @param runtime runtime, or null
 * @param oomScoreAdj OOM score adjustment, or null
 * @param oomKillDisable disable the OOM killer, or null
 * @param cgroupParent parent cgroup, or null
 * @param cpuPeriod CFS period in microseconds, or null
 * @param cpuQuota CFS quota in microseconds, or null
 * @param cpuRealtimePeriod real-time period in microseconds, or null
 * @param cpuRealtimeRuntime real-time runtime in microseconds, or null
 * @param memorySwappiness swappiness (0 to 100), or null
 * @param blkio block IO weight and throttles, or null
 * @param deviceCgroupRules device cgroup rules ("c 1:3 mr")
 * @param cgroupnsMode cgroup namespace mode ("host", "private"), or null
 * @param utsMode UTS namespace mode, or null
 * @param storageOpt storage driver options
 * @param deviceRequests requests for devices a driver provides (GPUs)
 * @param files files written into the container after it is created (secrets and configs from environment or content)
 * @param annotations OCI annotations (engine API 1.43+)
 */
public record ContainerSpec(
        String name,
        String image,
        String platform,
        List<String> command,
        List<String> entrypoint,
        Map<String, String> env,
        Map<String, String> labels,
        List<String> exposedPorts,
        List<PortBinding> portBindings,
        List<MountPoint> mounts,
        Map<String, String> tmpfs,
        List<String> volumesFrom,
        String hostname,
        String domainname,
        String user,
        String workingDir,
        Boolean init,
        String stopSignal,
        Integer stopTimeout,
        boolean tty,
        boolean stdinOpen,
        boolean privileged,
        boolean readOnly,
        boolean unconfinedSystemPaths,
        List<String> capAdd,
        List<String> capDrop,
        List<String> securityOpt,
        List<Ulimit> ulimits,
        Map<String, String> sysctls,
        List<String> extraHosts,
        List<String> dns,
        List<String> dnsSearch,
        List<String> dnsOpt,
        Long shmSize,
        Long memory,
        Long memorySwap,
        Long memoryReservation,
        Long nanoCpus,
        Long cpuShares,
        String cpuset,
        Long pidsLimit,
        String pidMode,
        String ipcMode,
        String usernsMode,
        List<DeviceMapping> devices,
        List<String> groupAdd,
        String logDriver,
        Map<String, String> logOptions,
        RestartPolicy restartPolicy,
        Healthcheck healthcheck,
        String networkMode,
        NetworkEndpoint network,
        List<NetworkEndpoint> additionalNetworks,
        List<String> links,
        String macAddress,
        String runtime,
        Integer oomScoreAdj,
        Boolean oomKillDisable,
        String cgroupParent,
        Long cpuPeriod,
        Long cpuQuota,
        Long cpuRealtimePeriod,
        Long cpuRealtimeRuntime,
        Long memorySwappiness,
        Blkio blkio,
        List<String> deviceCgroupRules,
        String cgroupnsMode,
        String utsMode,
        Map<String, String> storageOpt,
        List<DeviceRequest> deviceRequests,
        List<FileCopy> files,
        Map<String, String> annotations) {

    public ContainerSpec {
        command = Copies.listOrNull(command);
        entrypoint = Copies.listOrNull(entrypoint);
        env = Copies.map(env);
        labels = Copies.map(labels);
        exposedPorts = Copies.list(exposedPorts);
        portBindings = Copies.list(portBindings);
        mounts = Copies.list(mounts);
        tmpfs = Copies.map(tmpfs);
        volumesFrom = Copies.list(volumesFrom);
        capAdd = Copies.list(capAdd);
        capDrop = Copies.list(capDrop);
        securityOpt = Copies.list(securityOpt);
        ulimits = Copies.list(ulimits);
        sysctls = Copies.map(sysctls);
        extraHosts = Copies.list(extraHosts);
        dns = Copies.list(dns);
        dnsSearch = Copies.list(dnsSearch);
        dnsOpt = Copies.list(dnsOpt);
        devices = Copies.list(devices);
        groupAdd = Copies.list(groupAdd);
        logOptions = Copies.map(logOptions);
        additionalNetworks = Copies.list(additionalNetworks);
        links = Copies.list(links);
        annotations = Copies.map(annotations);
        deviceCgroupRules = Copies.list(deviceCgroupRules);
        storageOpt = Copies.map(storageOpt);
        deviceRequests = Copies.list(deviceRequests);
        files = Copies.list(files);
    }

    public static Builder builder(String name, String image) {
        return new Builder().name(name).image(image);
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.image = image;
        b.platform = platform;
        b.command = command;
        b.entrypoint = entrypoint;
        b.env = env;
        b.labels = labels;
        b.exposedPorts = exposedPorts;
        b.portBindings = portBindings;
        b.mounts = mounts;
        b.tmpfs = tmpfs;
        b.volumesFrom = volumesFrom;
        b.hostname = hostname;
        b.domainname = domainname;
        b.user = user;
        b.workingDir = workingDir;
        b.init = init;
        b.stopSignal = stopSignal;
        b.stopTimeout = stopTimeout;
        b.tty = tty;
        b.stdinOpen = stdinOpen;
        b.privileged = privileged;
        b.readOnly = readOnly;
        b.unconfinedSystemPaths = unconfinedSystemPaths;
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
        b.memory = memory;
        b.memorySwap = memorySwap;
        b.memoryReservation = memoryReservation;
        b.nanoCpus = nanoCpus;
        b.cpuShares = cpuShares;
        b.cpuset = cpuset;
        b.pidsLimit = pidsLimit;
        b.pidMode = pidMode;
        b.ipcMode = ipcMode;
        b.usernsMode = usernsMode;
        b.devices = devices;
        b.groupAdd = groupAdd;
        b.logDriver = logDriver;
        b.logOptions = logOptions;
        b.restartPolicy = restartPolicy;
        b.healthcheck = healthcheck;
        b.networkMode = networkMode;
        b.network = network;
        b.additionalNetworks = additionalNetworks;
        b.links = links;
        b.macAddress = macAddress;
        b.runtime = runtime;
        b.oomScoreAdj = oomScoreAdj;
        b.oomKillDisable = oomKillDisable;
        b.cgroupParent = cgroupParent;
        b.cpuPeriod = cpuPeriod;
        b.cpuQuota = cpuQuota;
        b.cpuRealtimePeriod = cpuRealtimePeriod;
        b.cpuRealtimeRuntime = cpuRealtimeRuntime;
        b.memorySwappiness = memorySwappiness;
        b.blkio = blkio;
        b.deviceCgroupRules = deviceCgroupRules;
        b.cgroupnsMode = cgroupnsMode;
        b.utsMode = utsMode;
        b.storageOpt = storageOpt;
        b.deviceRequests = deviceRequests;
        b.files = files;
        b.annotations = annotations;
        return b;
    }

    /** The label value, or null. */
    public String label(String key) {
        return labels.get(key);
    }

    /**
     * A published port.
     *
     * @param hostIp host address to bind, or null for all
     * @param hostPort host port or range ("8000-8010"), or null for an ephemeral port
     * @param containerPort port inside the container
     * @param protocol "tcp", "udp" or "sctp"
     */
    public record PortBinding(String hostIp, String hostPort, int containerPort, String protocol) {
        public String containerKey() {
            return containerPort + "/" + protocol;
        }
    }

    /** What a mount is. */
    public enum MountType {
        BIND, VOLUME, TMPFS
    }

    /**
     * A mount.
     *
     * @param type bind, volume or tmpfs
     * @param source host path (bind), volume name (volume; null for an anonymous volume), or null (tmpfs)
     * @param target path inside the container
     * @param readOnly read-only
     * @param createHostPath (bind) create a missing host path; when false a missing path is an error
     * @param propagation (bind) propagation ("rprivate", ...), or null
     * @param selinux (bind) "z" or "Z", or null
     * @param noCopy (volume) do not copy the image's content into a new volume
     * @param tmpfsSize (tmpfs) size in bytes, or null
     * @param tmpfsMode (tmpfs) file mode, or null
     */
    public record MountPoint(MountType type, String source, String target, boolean readOnly, boolean createHostPath, String propagation,
                             String selinux, boolean noCopy, Long tmpfsSize, Integer tmpfsMode) {
        public static MountPoint bind(String source, String target, boolean readOnly) {
            return new MountPoint(MountType.BIND, source, target, readOnly, true, null, null, false, null, null);
        }

        public static MountPoint volume(String name, String target, boolean readOnly) {
            return new MountPoint(MountType.VOLUME, name, target, readOnly, false, null, null, false, null, null);
        }

        public static MountPoint tmpfs(String target, Long size, Integer mode) {
            return new MountPoint(MountType.TMPFS, null, target, false, false, null, null, false, size, mode);
        }
    }

    /** A ulimit (soft and hard). */
    public record Ulimit(String name, long soft, long hard) {
    }

    /** A device: host path, container path, cgroup permissions ("rwm"). */
    public record DeviceMapping(String hostPath, String containerPath, String permissions) {
    }

    /**
     * Block IO: a weight, and weights and limits of single devices.
     *
     * @param weight 10 to 1000, or null
     * @param readBps bytes per second
     * @param readIops operations per second
     */
    public record Blkio(Integer weight, List<DeviceLimit> weightDevice, List<DeviceLimit> readBps, List<DeviceLimit> readIops,
            List<DeviceLimit> writeBps, List<DeviceLimit> writeIops) {
        public Blkio {
            weightDevice = Copies.list(weightDevice);
            readBps = Copies.list(readBps);
            readIops = Copies.list(readIops);
            writeBps = Copies.list(writeBps);
            writeIops = Copies.list(writeIops);
        }
    }

    /**
     * A request for devices a driver provides.
     *
     * @param count -1 for all
     * @param capabilities alternatives, each a set of capabilities the devices must all have
     */
    public record DeviceRequest(String driver, long count, List<String> deviceIds, List<List<String>> capabilities,
            Map<String, String> options) {
        public DeviceRequest {
            deviceIds = Copies.list(deviceIds);
            capabilities = Copies.list(capabilities);
            options = Copies.map(options);
        }
    }

    /**
     * A file written into the container before it starts, as compose writes a secret or config
     * that has no host file.
     *
     * @param target absolute path in the container
     * @param mode file mode (compose's default 0444)
     * @param uid owner, or null for root
     * @param gid group, or null for root
     */
    public record FileCopy(String target, String content, int mode, Integer uid, Integer gid) {
    }

    /** A weight or a rate for one device, by its path on the host. */
    public record DeviceLimit(String path, long value) {
    }

    /**
     * A restart policy.
     *
     * @param name "no", "always", "on-failure" or "unless-stopped"
     * @param maxRetries for on-failure: retries, 0 for unlimited
     */
    public record RestartPolicy(String name, int maxRetries) {
    }

    /**
     * A healthcheck; durations in nanoseconds, null (or 0) for the engine default.
     *
     * @param test ["CMD", ...], ["CMD-SHELL", "..."] or ["NONE"] (disabled); empty inherits the image's test
     * @param intervalNanos time between checks
     * @param timeoutNanos time a check may take
     * @param startPeriodNanos grace period after start
     * @param startIntervalNanos time between checks during the start period (engine API 1.44+)
     * @param retries consecutive failures before unhealthy
     */
    public record Healthcheck(List<String> test, Long intervalNanos, Long timeoutNanos, Long startPeriodNanos, Long startIntervalNanos,
                              Integer retries) {
        public Healthcheck {
            test = Copies.list(test);
        }
    }

    /** A mutable builder; {@link #build()} makes the immutable spec. */
    public static final class Builder {
        private String name;
        private String image;
        private String platform;
        private List<String> command;
        private List<String> entrypoint;
        private Map<String, String> env;
        private Map<String, String> labels;
        private List<String> exposedPorts;
        private List<PortBinding> portBindings;
        private List<MountPoint> mounts;
        private Map<String, String> tmpfs;
        private List<String> volumesFrom;
        private String hostname;
        private String domainname;
        private String user;
        private String workingDir;
        private Boolean init;
        private String stopSignal;
        private Integer stopTimeout;
        private boolean tty;
        private boolean stdinOpen;
        private boolean privileged;
        private boolean readOnly;
        private boolean unconfinedSystemPaths;
        private List<String> capAdd;
        private List<String> capDrop;
        private List<String> securityOpt;
        private List<Ulimit> ulimits;
        private Map<String, String> sysctls;
        private List<String> extraHosts;
        private List<String> dns;
        private List<String> dnsSearch;
        private List<String> dnsOpt;
        private Long shmSize;
        private Long memory;
        private Long memorySwap;
        private Long memoryReservation;
        private Long nanoCpus;
        private Long cpuShares;
        private String cpuset;
        private Long pidsLimit;
        private String pidMode;
        private String ipcMode;
        private String usernsMode;
        private List<DeviceMapping> devices;
        private List<String> groupAdd;
        private String logDriver;
        private Map<String, String> logOptions;
        private RestartPolicy restartPolicy;
        private Healthcheck healthcheck;
        private String networkMode;
        private NetworkEndpoint network;
        private List<NetworkEndpoint> additionalNetworks;
        private List<String> links;
        private String macAddress;
        private String runtime;
        private Integer oomScoreAdj;
        private Boolean oomKillDisable;
        private String cgroupParent;
        private Long cpuPeriod;
        private Long cpuQuota;
        private Long cpuRealtimePeriod;
        private Long cpuRealtimeRuntime;
        private Long memorySwappiness;
        private Blkio blkio;
        private List<String> deviceCgroupRules;
        private String cgroupnsMode;
        private String utsMode;
        private Map<String, String> storageOpt;
        private List<DeviceRequest> deviceRequests;
        private List<FileCopy> files;
        private Map<String, String> annotations;

        private Builder() {
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder image(String value) {
            this.image = value;
            return this;
        }

        public Builder platform(String value) {
            this.platform = value;
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

        public Builder env(Map<String, String> value) {
            this.env = value;
            return this;
        }

        public Builder labels(Map<String, String> value) {
            this.labels = value;
            return this;
        }

        public Builder exposedPorts(List<String> value) {
            this.exposedPorts = value;
            return this;
        }

        public Builder portBindings(List<PortBinding> value) {
            this.portBindings = value;
            return this;
        }

        public Builder mounts(List<MountPoint> value) {
            this.mounts = value;
            return this;
        }

        public Builder tmpfs(Map<String, String> value) {
            this.tmpfs = value;
            return this;
        }

        public Builder volumesFrom(List<String> value) {
            this.volumesFrom = value;
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

        public Builder stopTimeout(Integer value) {
            this.stopTimeout = value;
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

        public Builder unconfinedSystemPaths(boolean value) {
            this.unconfinedSystemPaths = value;
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

        public Builder ulimits(List<Ulimit> value) {
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

        public Builder memory(Long value) {
            this.memory = value;
            return this;
        }

        public Builder memorySwap(Long value) {
            this.memorySwap = value;
            return this;
        }

        public Builder memoryReservation(Long value) {
            this.memoryReservation = value;
            return this;
        }

        public Builder nanoCpus(Long value) {
            this.nanoCpus = value;
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

        public Builder pidMode(String value) {
            this.pidMode = value;
            return this;
        }

        public Builder ipcMode(String value) {
            this.ipcMode = value;
            return this;
        }

        public Builder usernsMode(String value) {
            this.usernsMode = value;
            return this;
        }

        public Builder devices(List<DeviceMapping> value) {
            this.devices = value;
            return this;
        }

        public Builder groupAdd(List<String> value) {
            this.groupAdd = value;
            return this;
        }

        public Builder logDriver(String value) {
            this.logDriver = value;
            return this;
        }

        public Builder logOptions(Map<String, String> value) {
            this.logOptions = value;
            return this;
        }

        public Builder restartPolicy(RestartPolicy value) {
            this.restartPolicy = value;
            return this;
        }

        public Builder healthcheck(Healthcheck value) {
            this.healthcheck = value;
            return this;
        }

        public Builder networkMode(String value) {
            this.networkMode = value;
            return this;
        }

        public Builder network(NetworkEndpoint value) {
            this.network = value;
            return this;
        }

        public Builder additionalNetworks(List<NetworkEndpoint> value) {
            this.additionalNetworks = value;
            return this;
        }

        public Builder links(List<String> value) {
            this.links = value;
            return this;
        }

        public Builder macAddress(String value) {
            this.macAddress = value;
            return this;
        }

        public Builder runtime(String value) {
            this.runtime = value;
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

        public Builder cpuRealtimePeriod(Long value) {
            this.cpuRealtimePeriod = value;
            return this;
        }

        public Builder cpuRealtimeRuntime(Long value) {
            this.cpuRealtimeRuntime = value;
            return this;
        }

        public Builder memorySwappiness(Long value) {
            this.memorySwappiness = value;
            return this;
        }

        public Builder blkio(Blkio value) {
            this.blkio = value;
            return this;
        }

        public Builder deviceCgroupRules(List<String> value) {
            this.deviceCgroupRules = value;
            return this;
        }

        public Builder cgroupnsMode(String value) {
            this.cgroupnsMode = value;
            return this;
        }

        public Builder utsMode(String value) {
            this.utsMode = value;
            return this;
        }

        public Builder storageOpt(Map<String, String> value) {
            this.storageOpt = value;
            return this;
        }

        public Builder deviceRequests(List<DeviceRequest> value) {
            this.deviceRequests = value;
            return this;
        }

        public Builder files(List<FileCopy> value) {
            this.files = value;
            return this;
        }

        public Builder annotations(Map<String, String> value) {
            this.annotations = value;
            return this;
        }

        public ContainerSpec build() {
            return new ContainerSpec(name, image, platform, command, entrypoint, env, labels, exposedPorts, portBindings, mounts, tmpfs, volumesFrom, hostname, domainname, user, workingDir, init, stopSignal, stopTimeout, tty, stdinOpen, privileged, readOnly, unconfinedSystemPaths, capAdd, capDrop, securityOpt, ulimits, sysctls, extraHosts, dns, dnsSearch, dnsOpt, shmSize, memory, memorySwap, memoryReservation, nanoCpus, cpuShares, cpuset, pidsLimit, pidMode, ipcMode, usernsMode, devices, groupAdd, logDriver, logOptions, restartPolicy, healthcheck, networkMode, network, additionalNetworks, links, macAddress, runtime, oomScoreAdj, oomKillDisable, cgroupParent, cpuPeriod, cpuQuota, cpuRealtimePeriod, cpuRealtimeRuntime, memorySwappiness, blkio, deviceCgroupRules, cgroupnsMode, utsMode, storageOpt, deviceRequests, files, annotations);
        }
    }
}
