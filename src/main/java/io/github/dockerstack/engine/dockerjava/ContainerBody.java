package io.github.dockerstack.engine.dockerjava;

import io.github.dockerstack.engine.ContainerSpec;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.NetworkEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /containers/create} for a {@link ContainerSpec}, written field by field
 * as the engine API (1.41 and later) names them. Unset values are left out, so the engine's
 * defaults apply.
 *
 * <p>Written here rather than through docker-java's command: its model cannot carry several values
 * compose files use (capabilities and logging drivers outside its enums, IPAM options and
 * auxiliary addresses), and in a goal's fresh JVM its JSON mapper and first serialisation cost
 * about half a second before the first container exists.
 */
final class ContainerBody {
    private ContainerBody() {
    }

    /** The create call's query: the name, and the platform when one is asked for. */
    static String path(ContainerSpec spec) {
        return "/containers/create?name=" + EngineRequests.query(spec.name())
                + (spec.platform() == null ? "" : "&platform=" + EngineRequests.query(spec.platform()));
    }

    static byte[] json(ContainerSpec spec) {
        NetworkEndpoint endpoint = spec.network();
        String mode = spec.networkMode() != null ? spec.networkMode() : endpoint != null ? endpoint.network() : null;
        if (endpoint != null && spec.networkMode() != null && !spec.networkMode().equals(endpoint.network())) {
            throw unsupported(spec, "network mode " + spec.networkMode() + " together with network " + endpoint.network(),
                    "a container joins its first network through its network mode");
        }
        Map<String, String> exposed = exposedPorts(spec);
        List<String> links = links(spec);
        // the container-wide MAC address works on every API version (1.44+ engines move it to the first endpoint)
        String mac = spec.macAddress() != null ? spec.macAddress() : endpoint != null ? endpoint.macAddress() : null;
        return JsonBody.object(body -> {
            body.string("Image", spec.image())
                    .string("Hostname", spec.hostname())
                    .string("Domainname", spec.domainname())
                    .string("User", spec.user())
                    .bool("Tty", spec.tty())
                    .bool("OpenStdin", spec.stdinOpen())
                    .strings("Env", spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                    .strings("Cmd", spec.command())
                    .strings("Entrypoint", spec.entrypoint())
                    .string("WorkingDir", spec.workingDir())
                    .string("MacAddress", mac)
                    .string("StopSignal", spec.stopSignal())
                    .number("StopTimeout", spec.stopTimeout())
                    .map("Labels", spec.labels());
            if (spec.command() != null && spec.command().isEmpty()) {
                body.emptyArray("Cmd"); // an explicit empty command clears the image's
            }
            if (spec.entrypoint() != null && spec.entrypoint().isEmpty()) {
                body.emptyArray("Entrypoint");
            }
            if (!exposed.isEmpty()) {
                body.object("ExposedPorts", ports -> exposed.keySet().forEach(port -> ports.object(port, none -> {
                })));
            }
            if (spec.healthcheck() != null) {
                ContainerSpec.Healthcheck h = spec.healthcheck();
                body.object("Healthcheck", check -> check.strings("Test", h.test()).number("Interval", h.intervalNanos())
                        .number("Timeout", h.timeoutNanos()).number("StartPeriod", h.startPeriodNanos())
                        .number("StartInterval", h.startIntervalNanos()).number("Retries", h.retries()));
            }
            body.object("HostConfig", host -> hostConfig(spec, mode, links, host));
            if (endpoint != null && mode != null && (hasSettings(endpoint) || (!links.isEmpty() && userDefined(mode)))) {
                body.object("NetworkingConfig", networking -> networking.object("EndpointsConfig", endpoints -> endpoints.object(mode,
                        e -> endpoint(endpoint, userDefined(mode) ? links : List.of(), false, e))));
            }
        });
    }

    /**
     * The settings of one network endpoint: at create, the first network's (its MAC address goes on
     * the container); at connect, every other one's.
     */
    static void endpoint(NetworkEndpoint endpoint, List<String> links, boolean withMac, JsonBody e) {
        e.strings("Aliases", endpoint.aliases()).strings("Links", links).map("DriverOpts", endpoint.driverOpts());
        if (endpoint.ipv4Address() != null || endpoint.ipv6Address() != null || !endpoint.linkLocalIps().isEmpty()) {
            e.object("IPAMConfig", ipam -> ipam.string("IPv4Address", endpoint.ipv4Address()).string("IPv6Address", endpoint.ipv6Address())
                    .strings("LinkLocalIPs", endpoint.linkLocalIps()));
        }
        if (withMac) {
            e.string("MacAddress", endpoint.macAddress());
        }
    }

    /** "container" and "container:alias" as the engine takes links: always with the alias. */
    static List<String> withAliases(List<String> links) {
        return links.stream().map(l -> l.contains(":") ? l : l + ":" + l).toList();
    }

    private static void hostConfig(ContainerSpec spec, String mode, List<String> links, JsonBody host) {
        host.string("NetworkMode", mode)
                .strings("Links", links)
                .strings("ExtraHosts", spec.extraHosts())
                .strings("Dns", spec.dns())
                .strings("DnsSearch", spec.dnsSearch())
                .strings("DnsOptions", spec.dnsOpt())
                .bool("Init", spec.init())
                .bool("Privileged", spec.privileged())
                .bool("ReadonlyRootfs", spec.readOnly())
                .strings("CapAdd", spec.capAdd().stream().map(String::trim).toList())
                .strings("CapDrop", spec.capDrop().stream().map(String::trim).toList())
                .strings("SecurityOpt", spec.securityOpt())
                .strings("GroupAdd", spec.groupAdd())
                .string("PidMode", spec.pidMode())
                .string("IpcMode", spec.ipcMode())
                .string("UsernsMode", spec.usernsMode())
                .string("CgroupnsMode", spec.cgroupnsMode())
                .string("UTSMode", spec.utsMode())
                .string("Runtime", spec.runtime())
                .map("Annotations", spec.annotations());
        if (spec.unconfinedSystemPaths()) {
            host.emptyArray("MaskedPaths").emptyArray("ReadonlyPaths"); // empty, not missing: missing means the engine's defaults
        }
        ports(spec, host);
        mounts(spec, host);
        resources(spec, host);
        if (spec.logDriver() != null || !spec.logOptions().isEmpty()) {
            // options without a driver go to the engine's default driver, as compose sends them
            host.object("LogConfig", log -> log.string("Type", spec.logDriver() == null ? "" : spec.logDriver())
                    .map("Config", spec.logOptions()));
        }
        if (spec.restartPolicy() != null) {
            String name = spec.restartPolicy().name();
            host.object("RestartPolicy", policy -> policy.string("Name", "no".equals(name) ? "" : name)
                    .number("MaximumRetryCount", "on-failure".equals(name) ? spec.restartPolicy().maxRetries() : 0));
        }
    }

    private static void ports(ContainerSpec spec, JsonBody host) {
        if (spec.portBindings().isEmpty()) {
            return;
        }
        Map<String, List<ContainerSpec.PortBinding>> byPort = new LinkedHashMap<>();
        for (ContainerSpec.PortBinding binding : spec.portBindings()) {
            byPort.computeIfAbsent(portKey(spec, binding.containerKey()), k -> new ArrayList<>()).add(binding);
        }
        host.object("PortBindings", bindings -> byPort.forEach((port, list) -> bindings.objects(port, list,
                (b, json) -> json.string("HostIp", b.hostIp() == null ? "" : b.hostIp()).string("HostPort", b.hostPort() == null ? ""
                        : b.hostPort()))));
    }

    /**
     * Binds (the legacy string form) where a missing host path must be created, like
     * {@code docker run -v}; the Mount API everywhere else: it refuses a missing host path, which
     * is what a secret file or {@code create_host_path: false} asks for.
     */
    private static void mounts(ContainerSpec spec, JsonBody host) {
        List<String> binds = new ArrayList<>();
        List<ContainerSpec.MountPoint> mounts = new ArrayList<>();
        for (ContainerSpec.MountPoint m : spec.mounts()) {
            if (m.type() == ContainerSpec.MountType.BIND && (m.createHostPath() || m.selinux() != null)) {
                StringBuilder bind = new StringBuilder(m.source()).append(':').append(m.target()).append(':')
                        .append(m.readOnly() ? "ro" : "rw");
                if (m.selinux() != null) {
                    bind.append(',').append(m.selinux());
                }
                if (m.propagation() != null) {
                    bind.append(',').append(m.propagation());
                }
                binds.add(bind.toString());
            } else {
                mounts.add(m);
            }
        }
        host.strings("Binds", binds);
        host.objects("Mounts", mounts, (m, mount) -> {
            mount.string("Type", m.type().name().toLowerCase(Locale.ROOT)).string("Source", m.source()).string("Target", m.target())
                    .bool("ReadOnly", m.readOnly());
            if (m.type() == ContainerSpec.MountType.BIND && m.propagation() != null) {
                mount.object("BindOptions", o -> o.string("Propagation", m.propagation()));
            }
            if (m.type() == ContainerSpec.MountType.VOLUME && m.noCopy()) {
                mount.object("VolumeOptions", o -> o.bool("NoCopy", true));
            }
            if (m.type() == ContainerSpec.MountType.TMPFS && (m.tmpfsSize() != null || m.tmpfsMode() != null)) {
                mount.object("TmpfsOptions", o -> o.number("SizeBytes", m.tmpfsSize()).number("Mode", m.tmpfsMode()));
            }
        });
        host.map("Tmpfs", spec.tmpfs()).strings("VolumesFrom", spec.volumesFrom());
    }

    private static void resources(ContainerSpec spec, JsonBody host) {
        host.number("ShmSize", spec.shmSize())
                .number("Memory", spec.memory())
                .number("MemorySwap", spec.memorySwap())
                .number("MemoryReservation", spec.memoryReservation())
                .number("MemorySwappiness", spec.memorySwappiness())
                .number("NanoCpus", spec.nanoCpus())
                .number("CpuShares", spec.cpuShares())
                .string("CpusetCpus", spec.cpuset())
                .number("CpuPeriod", spec.cpuPeriod())
                .number("CpuQuota", spec.cpuQuota())
                .number("CpuRealtimePeriod", spec.cpuRealtimePeriod())
                .number("CpuRealtimeRuntime", spec.cpuRealtimeRuntime())
                .number("PidsLimit", spec.pidsLimit())
                .number("OomScoreAdj", spec.oomScoreAdj())
                .bool("OomKillDisable", spec.oomKillDisable())
                .string("CgroupParent", spec.cgroupParent())
                .strings("DeviceCgroupRules", spec.deviceCgroupRules())
                .map("StorageOpt", spec.storageOpt())
                .map("Sysctls", spec.sysctls())
                .objects("Ulimits", spec.ulimits(), (u, json) -> json.string("Name", u.name()).number("Soft", u.soft())
                        .number("Hard", u.hard()))
                .objects("Devices", spec.devices(), (d, json) -> json.string("PathOnHost", d.hostPath())
                        .string("PathInContainer", d.containerPath()).string("CgroupPermissions", d.permissions() == null ? "rwm"
                                : d.permissions()))
                .objects("DeviceRequests", spec.deviceRequests(), (r, json) -> json.string("Driver", r.driver()).number("Count", r.count())
                        .strings("DeviceIDs", r.deviceIds()).stringLists("Capabilities", r.capabilities()).map("Options", r.options()));
        ContainerSpec.Blkio blkio = spec.blkio();
        if (blkio != null) {
            host.number("BlkioWeight", blkio.weight())
                    .objects("BlkioWeightDevice", blkio.weightDevice(), (d, json) -> json.string("Path", d.path())
                            .number("Weight", d.value()))
                    .objects("BlkioDeviceReadBps", blkio.readBps(), ContainerBody::rate)
                    .objects("BlkioDeviceReadIOps", blkio.readIops(), ContainerBody::rate)
                    .objects("BlkioDeviceWriteBps", blkio.writeBps(), ContainerBody::rate)
                    .objects("BlkioDeviceWriteIOps", blkio.writeIops(), ContainerBody::rate);
        }
    }

    private static void rate(ContainerSpec.DeviceLimit limit, JsonBody json) {
        json.string("Path", limit.path()).number("Rate", limit.value());
    }

    /** Exposed ports as the engine keys them ("80/tcp"): the spec's, and every published one. */
    private static Map<String, String> exposedPorts(ContainerSpec spec) {
        Map<String, String> exposed = new LinkedHashMap<>();
        for (String port : spec.exposedPorts()) {
            exposed.put(portKey(spec, port), port);
        }
        for (ContainerSpec.PortBinding binding : spec.portBindings()) {
            exposed.putIfAbsent(portKey(spec, binding.containerKey()), binding.containerKey());
        }
        return exposed;
    }

    private static String portKey(ContainerSpec spec, String portSlashProtocol) {
        String[] parts = portSlashProtocol.split("/", 2);
        String protocol = parts.length > 1 ? parts[1].trim().toLowerCase(Locale.ROOT) : "tcp";
        try {
            int port = Integer.parseInt(parts[0].trim());
            if (port < 0 || port > 65535 || !Set.of("tcp", "udp", "sctp").contains(protocol)) {
                throw new NumberFormatException();
            }
            return port + "/" + protocol;
        } catch (NumberFormatException e) {
            throw unsupported(spec, "port '" + portSlashProtocol + "'", "use PORT or PORT/PROTOCOL with tcp, udp or sctp");
        }
    }

    /** The spec's links and the first endpoint's, each once. */
    private static List<String> links(ContainerSpec spec) {
        Set<String> links = new LinkedHashSet<>(withAliases(spec.links()));
        if (spec.network() != null) {
            links.addAll(withAliases(spec.network().links()));
        }
        return List.copyOf(links);
    }

    private static boolean hasSettings(NetworkEndpoint endpoint) {
        return !endpoint.aliases().isEmpty() || endpoint.ipv4Address() != null || endpoint.ipv6Address() != null
                || !endpoint.linkLocalIps().isEmpty() || !endpoint.driverOpts().isEmpty();
    }

    /** Links also go on the endpoint of a user-defined network, where the engine resolves them. */
    private static boolean userDefined(String mode) {
        return !mode.equals("default") && !mode.equals("bridge") && !mode.equals("host") && !mode.equals("none")
                && !mode.startsWith("container:");
    }

    static EngineException unsupported(ContainerSpec spec, String what, String hint) {
        return new EngineException("Container " + spec.name() + ": " + what + " cannot be passed to the engine: " + hint + ".");
    }
}
