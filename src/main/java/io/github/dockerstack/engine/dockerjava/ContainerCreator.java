package io.github.dockerstack.engine.dockerjava;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.BindOptions;
import com.github.dockerjava.api.model.BindPropagation;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Link;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.PropagationMode;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.SELContext;
import com.github.dockerjava.api.model.TmpfsOptions;
import com.github.dockerjava.api.model.Ulimit;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.api.model.VolumeOptions;
import com.github.dockerjava.api.model.VolumesFrom;
import io.github.dockerstack.engine.ContainerSpec;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.NetworkEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link ContainerSpec} as docker-java's create command. Where docker-java's model cannot carry
 * a value, this fails naming the container and the value instead of dropping it.
 */
final class ContainerCreator {
    private ContainerCreator() {
    }

    static CreateContainerCmd command(DockerClient client, ContainerSpec spec) {
        CreateContainerCmd cmd = client.createContainerCmd(spec.image()).withName(spec.name());
        HostConfig host = HostConfig.newHostConfig();
        if (spec.platform() != null) {
            cmd.withPlatform(spec.platform());
        }
        if (spec.command() != null) {
            cmd.withCmd(spec.command());
        }
        if (spec.entrypoint() != null) {
            cmd.withEntrypoint(spec.entrypoint());
        }
        cmd.withEnv(spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        cmd.withLabels(spec.labels());
        process(spec, cmd, host);
        ports(spec, cmd, host);
        mounts(spec, host);
        resources(spec, host);
        KernelControls.apply(spec, host);
        security(spec, host);
        networking(spec, cmd, host);
        if (spec.logDriver() != null) {
            LogConfig.LoggingType type = LogConfig.LoggingType.fromValue(spec.logDriver());
            if (type == null) {
                throw unsupported(spec, "logging driver '" + spec.logDriver() + "'", "docker-java knows only the built-in drivers"
                        + " (json-file, local, syslog, journald, gelf, fluentd, awslogs, splunk, gcplogs, loki, none)");
            }
            host.withLogConfig(new LogConfig(type, spec.logOptions().isEmpty() ? null : spec.logOptions()));
        } else if (!spec.logOptions().isEmpty()) {
            throw unsupported(spec, "logging options without a driver", "name the driver in logging.driver");
        }
        if (spec.restartPolicy() != null) {
            host.withRestartPolicy(restartPolicy(spec));
        }
        if (spec.healthcheck() != null) {
            ContainerSpec.Healthcheck h = spec.healthcheck();
            HealthCheck check = new HealthCheck().withTest(h.test().isEmpty() ? null : h.test()).withInterval(h.intervalNanos())
                    .withTimeout(h.timeoutNanos()).withStartPeriod(h.startPeriodNanos()).withRetries(h.retries());
            if (h.startIntervalNanos() != null) {
                check.withStartInterval(h.startIntervalNanos());
            }
            cmd.withHealthcheck(check);
        }
        return cmd.withHostConfig(host);
    }

    private static void process(ContainerSpec spec, CreateContainerCmd cmd, HostConfig host) {
        if (spec.hostname() != null) {
            cmd.withHostName(spec.hostname());
        }
        if (spec.domainname() != null) {
            cmd.withDomainName(spec.domainname());
        }
        if (spec.user() != null) {
            cmd.withUser(spec.user());
        }
        if (spec.workingDir() != null) {
            cmd.withWorkingDir(spec.workingDir());
        }
        if (spec.stopSignal() != null) {
            cmd.withStopSignal(spec.stopSignal());
        }
        if (spec.stopTimeout() != null) {
            cmd.withStopTimeout(spec.stopTimeout());
        }
        cmd.withTty(spec.tty()).withStdinOpen(spec.stdinOpen());
        if (spec.init() != null) {
            host.withInit(spec.init());
        }
    }

    private static void ports(ContainerSpec spec, CreateContainerCmd cmd, HostConfig host) {
        List<ExposedPort> exposed = new ArrayList<>();
        for (String port : spec.exposedPorts()) {
            exposed.add(exposedPort(spec, port));
        }
        Ports bindings = new Ports();
        for (ContainerSpec.PortBinding binding : spec.portBindings()) {
            ExposedPort port = exposedPort(spec, binding.containerKey());
            if (!exposed.contains(port)) {
                exposed.add(port);
            }
            bindings.bind(port, new Ports.Binding(binding.hostIp(), binding.hostPort()));
        }
        if (!exposed.isEmpty()) {
            cmd.withExposedPorts(exposed);
        }
        if (!spec.portBindings().isEmpty()) {
            host.withPortBindings(bindings);
        }
    }

    private static ExposedPort exposedPort(ContainerSpec spec, String portSlashProtocol) {
        String[] parts = portSlashProtocol.split("/", 2);
        try {
            InternetProtocol protocol = parts.length > 1 ? InternetProtocol.parse(parts[1]) : InternetProtocol.TCP;
            return new ExposedPort(Integer.parseInt(parts[0].trim()), protocol);
        } catch (IllegalArgumentException e) {
            throw unsupported(spec, "port '" + portSlashProtocol + "'", "use PORT or PORT/PROTOCOL with tcp, udp or sctp");
        }
    }

    /**
     * Binds (the legacy string form) where a missing host path must be created, like
     * {@code docker run -v}; the Mount API everywhere else: it refuses a missing host path, which
     * is what a secret file or {@code create_host_path: false} asks for.
     */
    private static void mounts(ContainerSpec spec, HostConfig host) {
        List<Bind> binds = new ArrayList<>();
        List<Mount> mounts = new ArrayList<>();
        for (ContainerSpec.MountPoint m : spec.mounts()) {
            switch (m.type()) {
                case BIND -> {
                    if (m.createHostPath() || m.selinux() != null) {
                        binds.add(new Bind(m.source(), new Volume(m.target()), m.readOnly() ? AccessMode.ro : AccessMode.rw,
                                m.selinux() == null ? SELContext.none : SELContext.fromString(m.selinux()), null, propagation(spec, m)));
                    } else {
                        Mount mount = new Mount().withType(MountType.BIND).withSource(m.source()).withTarget(m.target())
                                .withReadOnly(m.readOnly());
                        if (m.propagation() != null) {
                            mount.withBindOptions(new BindOptions().withPropagation(bindPropagation(spec, m)));
                        }
                        mounts.add(mount);
                    }
                }
                case VOLUME -> {
                    Mount mount = new Mount().withType(MountType.VOLUME).withSource(m.source()).withTarget(m.target())
                            .withReadOnly(m.readOnly());
                    if (m.noCopy()) {
                        mount.withVolumeOptions(new VolumeOptions().withNoCopy(true));
                    }
                    mounts.add(mount);
                }
                case TMPFS -> {
                    Mount mount = new Mount().withType(MountType.TMPFS).withTarget(m.target()).withReadOnly(m.readOnly());
                    if (m.tmpfsSize() != null || m.tmpfsMode() != null) {
                        TmpfsOptions options = new TmpfsOptions();
                        if (m.tmpfsSize() != null) {
                            options.withSizeBytes(m.tmpfsSize());
                        }
                        if (m.tmpfsMode() != null) {
                            options.withMode(m.tmpfsMode());
                        }
                        mount.withTmpfsOptions(options);
                    }
                    mounts.add(mount);
                }
            }
        }
        if (!binds.isEmpty()) {
            host.withBinds(binds);
        }
        if (!mounts.isEmpty()) {
            host.withMounts(mounts);
        }
        if (!spec.tmpfs().isEmpty()) {
            host.withTmpFs(spec.tmpfs());
        }
        if (!spec.volumesFrom().isEmpty()) {
            host.withVolumesFrom(spec.volumesFrom().stream().map(ContainerCreator::volumesFrom).toList());
        }
    }

    private static PropagationMode propagation(ContainerSpec spec, ContainerSpec.MountPoint m) {
        if (m.propagation() == null) {
            return PropagationMode.DEFAULT_MODE;
        }
        for (PropagationMode mode : PropagationMode.values()) {
            if (mode.toString().equals(m.propagation())) {
                return mode;
            }
        }
        throw unsupported(spec, "bind propagation '" + m.propagation() + "' on " + m.target(),
                "use shared, rshared, slave, rslave, private or rprivate");
    }

    /** The Mount API spells propagation with another enum. */
    private static BindPropagation bindPropagation(ContainerSpec spec, ContainerSpec.MountPoint m) {
        return switch (propagation(spec, m)) {
            case PRIVATE -> BindPropagation.PRIVATE;
            case RSHARED -> BindPropagation.R_SHARED;
            case SHARED -> BindPropagation.SHARED;
            case RSLAVE -> BindPropagation.R_SLAVE;
            case SLAVE -> BindPropagation.SLAVE;
            default -> BindPropagation.R_PRIVATE;
        };
    }

    private static VolumesFrom volumesFrom(String entry) {
        int colon = entry.lastIndexOf(':');
        if (colon > 0 && (entry.endsWith(":ro") || entry.endsWith(":rw"))) {
            return new VolumesFrom(entry.substring(0, colon), AccessMode.valueOf(entry.substring(colon + 1)));
        }
        return new VolumesFrom(entry);
    }

    private static void resources(ContainerSpec spec, HostConfig host) {
        if (spec.shmSize() != null) {
            host.withShmSize(spec.shmSize());
        }
        if (spec.memory() != null) {
            host.withMemory(spec.memory());
        }
        if (spec.memorySwap() != null) {
            host.withMemorySwap(spec.memorySwap());
        }
        if (spec.memoryReservation() != null) {
            host.withMemoryReservation(spec.memoryReservation());
        }
        if (spec.nanoCpus() != null) {
            host.withNanoCPUs(spec.nanoCpus());
        }
        if (spec.cpuShares() != null) {
            host.withCpuShares(Math.toIntExact(spec.cpuShares()));
        }
        if (spec.cpuset() != null) {
            host.withCpusetCpus(spec.cpuset());
        }
        if (spec.pidsLimit() != null) {
            host.withPidsLimit(spec.pidsLimit());
        }
        if (!spec.ulimits().isEmpty()) {
            host.withUlimits(spec.ulimits().stream().map(u -> new Ulimit(u.name(), u.soft(), u.hard())).toList());
        }
        if (!spec.sysctls().isEmpty()) {
            host.withSysctls(spec.sysctls());
        }
        if (!spec.devices().isEmpty()) {
            host.withDevices(spec.devices().stream()
                    .map(d -> new Device(d.permissions() == null ? "rwm" : d.permissions(), d.containerPath(), d.hostPath()))
                    .toList());
        }
        if (!spec.deviceRequests().isEmpty()) {
            host.withDeviceRequests(spec.deviceRequests().stream().map(ContainerCreator::deviceRequest).toList());
        }
        if (spec.oomScoreAdj() != null) {
            host.withOomScoreAdj(spec.oomScoreAdj());
        }
        if (spec.oomKillDisable() != null) {
            host.withOomKillDisable(spec.oomKillDisable());
        }
        if (spec.cgroupParent() != null) {
            host.withCgroupParent(spec.cgroupParent());
        }
        if (spec.runtime() != null) {
            host.withRuntime(spec.runtime());
        }
        if (!spec.annotations().isEmpty()) {
            host.withAnnotations(spec.annotations());
        }
    }

    private static DeviceRequest deviceRequest(ContainerSpec.DeviceRequest request) {
        return new DeviceRequest().withDriver(request.driver()).withCount(Math.toIntExact(request.count()))
                .withDeviceIds(request.deviceIds().isEmpty() ? null : request.deviceIds())
                .withCapabilities(request.capabilities()).withOptions(request.options().isEmpty() ? null : request.options());
    }

    private static void security(ContainerSpec spec, HostConfig host) {
        host.withPrivileged(spec.privileged()).withReadonlyRootfs(spec.readOnly());
        if (!spec.capAdd().isEmpty()) {
            host.withCapAdd(capabilities(spec, spec.capAdd()));
        }
        if (!spec.capDrop().isEmpty()) {
            host.withCapDrop(capabilities(spec, spec.capDrop()));
        }
        if (!spec.securityOpt().isEmpty()) {
            host.withSecurityOpts(spec.securityOpt());
        }
        if (!spec.groupAdd().isEmpty()) {
            host.withGroupAdd(spec.groupAdd());
        }
        if (spec.pidMode() != null) {
            host.withPidMode(spec.pidMode());
        }
        if (spec.ipcMode() != null) {
            host.withIpcMode(spec.ipcMode());
        }
        if (spec.usernsMode() != null) {
            host.withUsernsMode(spec.usernsMode());
        }
    }

    /** docker-java takes capabilities as an enum: "CAP_NET_ADMIN", "net_admin" and "NET_ADMIN" are one. */
    private static Capability[] capabilities(ContainerSpec spec, List<String> names) {
        Capability[] result = new Capability[names.size()];
        for (int i = 0; i < result.length; i++) {
            String name = names.get(i).trim().toUpperCase(Locale.ROOT);
            if (name.startsWith("CAP_")) {
                name = name.substring(4);
            }
            try {
                result[i] = Capability.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw unsupported(spec, "capability '" + names.get(i) + "'", "docker-java does not know it");
            }
        }
        return result;
    }

    private static void networking(ContainerSpec spec, CreateContainerCmd cmd, HostConfig host) {
        NetworkEndpoint endpoint = spec.network();
        String mode = spec.networkMode() != null ? spec.networkMode() : endpoint != null ? endpoint.network() : null;
        if (endpoint != null && spec.networkMode() != null && !spec.networkMode().equals(endpoint.network())) {
            throw unsupported(spec, "network mode " + spec.networkMode() + " together with network " + endpoint.network(),
                    "a container joins its first network through its network mode");
        }
        if (mode != null) {
            host.withNetworkMode(mode);
        }
        List<Link> links = new ArrayList<>();
        for (String link : spec.links()) {
            links.add(Link.parse(link.contains(":") ? link : link + ":" + link));
        }
        if (endpoint != null) {
            for (String link : endpoint.links()) {
                Link parsed = Link.parse(link.contains(":") ? link : link + ":" + link);
                if (!links.contains(parsed)) {
                    links.add(parsed);
                }
            }
        }
        if (!links.isEmpty()) {
            host.withLinks(links); // docker-java copies them into the endpoint of a user-defined network
        }
        if (endpoint != null) {
            if (!endpoint.aliases().isEmpty()) {
                cmd.withAliases(endpoint.aliases());
            }
            if (endpoint.ipv4Address() != null) {
                cmd.withIpv4Address(endpoint.ipv4Address());
            }
            if (endpoint.ipv6Address() != null) {
                cmd.withIpv6Address(endpoint.ipv6Address());
            }
        }
        // docker-java builds the create's endpoint config without a MAC address: the container-wide
        // one works on every API version (1.44+ engines move it to the first endpoint)
        String mac = spec.macAddress() != null ? spec.macAddress() : endpoint != null ? endpoint.macAddress() : null;
        if (mac != null) {
            cmd.withMacAddress(mac);
        }
        if (!spec.extraHosts().isEmpty()) {
            host.withExtraHosts(spec.extraHosts().toArray(String[]::new));
        }
        if (!spec.dns().isEmpty()) {
            host.withDns(spec.dns());
        }
        if (!spec.dnsSearch().isEmpty()) {
            host.withDnsSearch(spec.dnsSearch());
        }
        if (!spec.dnsOpt().isEmpty()) {
            host.withDnsOptions(spec.dnsOpt());
        }
    }

    /** The endpoint settings of a network connected after create. */
    static ContainerNetwork endpoint(NetworkEndpoint endpoint) {
        ContainerNetwork network = new ContainerNetwork();
        if (!endpoint.aliases().isEmpty()) {
            network.withAliases(endpoint.aliases());
        }
        if (endpoint.ipv4Address() != null || endpoint.ipv6Address() != null) {
            ContainerNetwork.Ipam ipam = new ContainerNetwork.Ipam();
            if (endpoint.ipv4Address() != null) {
                ipam.withIpv4Address(endpoint.ipv4Address());
            }
            if (endpoint.ipv6Address() != null) {
                ipam.withIpv6Address(endpoint.ipv6Address());
            }
            network.withIpamConfig(ipam);
        }
        if (endpoint.macAddress() != null) {
            network.withMacAddress(endpoint.macAddress());
        }
        if (!endpoint.links().isEmpty()) {
            network.withLinks(endpoint.links().stream().map(l -> Link.parse(l.contains(":") ? l : l + ":" + l)).toList());
        }
        return network;
    }

    private static RestartPolicy restartPolicy(ContainerSpec spec) {
        ContainerSpec.RestartPolicy policy = spec.restartPolicy();
        return switch (policy.name()) {
            case "", "no" -> RestartPolicy.noRestart();
            case "always" -> RestartPolicy.alwaysRestart();
            case "unless-stopped" -> RestartPolicy.unlessStoppedRestart();
            case "on-failure" -> RestartPolicy.onFailureRestart(policy.maxRetries());
            default -> throw unsupported(spec, "restart policy '" + policy.name() + "'", "use no, always, on-failure or unless-stopped");
        };
    }

    static EngineException unsupported(ContainerSpec spec, String what, String hint) {
        return new EngineException("Container " + spec.name() + ": " + what + " cannot be passed to the engine: " + hint + ".");
    }
}
