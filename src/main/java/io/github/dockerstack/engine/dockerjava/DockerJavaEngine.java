package io.github.dockerstack.engine.dockerjava;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateNetworkCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.command.ListVolumesResponse;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerMount;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.EventType;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import io.github.dockerstack.engine.ContainerInfo;
import io.github.dockerstack.engine.ContainerSpec;
import io.github.dockerstack.engine.Engine;
import io.github.dockerstack.engine.EngineEvent;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.EngineVersion;
import io.github.dockerstack.engine.ImageInfo;
import io.github.dockerstack.engine.LogLine;
import io.github.dockerstack.engine.LogOptions;
import io.github.dockerstack.engine.LogStream;
import io.github.dockerstack.engine.NetworkEndpoint;
import io.github.dockerstack.engine.NetworkInfo;
import io.github.dockerstack.engine.NetworkSpec;
import io.github.dockerstack.engine.VolumeInfo;
import io.github.dockerstack.engine.VolumeSpec;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The {@link Engine} port over docker-java. Open it with {@link EngineConnection#open(String, String)}. */
public final class DockerJavaEngine implements Engine {
    /** Daemon threads for parallel inspections; they never block a JVM exit. */
    private static final ExecutorService INSPECTORS = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "docker-stack-inspect");
        t.setDaemon(true);
        return t;
    });

    private static final long EVENT_STREAM_START_SECONDS = 30;

    /** docker-java's own mapping: the engine's field names, as {@code docker inspect} shows them. */
    private static final ObjectWriter INSPECT_JSON = DockerClientConfig.getDefaultObjectMapper().writerWithDefaultPrettyPrinter();

    private final DockerClient client;
    private final DockerClient streaming;
    private final String address;
    private final String hostForClients;

    DockerJavaEngine(DockerClient client, DockerClient streaming, String address, String hostForClients) {
        this.client = client;
        this.streaming = streaming;
        this.address = address;
        this.hostForClients = hostForClients;
    }

    /** The docker-java client, for this package's tests. */
    DockerClient client() {
        return client;
    }

    /** The client without response timeout, for {@link DockerJavaImages}' builds and pulls. */
    DockerClient streamingClient() {
        return streaming;
    }

    /** The engine address in use, e.g. "unix:///var/run/docker.sock". */
    public String address() {
        return address;
    }

    // ---------------------------------------------------------------- engine

    @Override
    public EngineVersion version() {
        Version v = call("engine version", () -> client.versionCmd().exec());
        return new EngineVersion(v.getVersion(), v.getApiVersion(), v.getMinAPIVersion(), v.getOperatingSystem(), v.getArch());
    }

    @Override
    public void ping() {
        run("ping", () -> client.pingCmd().exec());
    }

    @Override
    public String hostForClients() {
        return hostForClients;
    }

    // ---------------------------------------------------------------- containers

    @Override
    public List<ContainerInfo> listContainerSummaries(Map<String, String> labelFilters) {
        return call("list containers", () -> client.listContainersCmd().withShowAll(true).withLabelFilter(labelFilterList(labelFilters))
                .exec()).stream().map(DockerJavaEngine::summary).sorted(Comparator.comparing(ContainerInfo::name)).toList();
    }

    static ContainerInfo summary(Container c) {
        String name = c.getNames() == null || c.getNames().length == 0 ? c.getId() : c.getNames()[0].replaceFirst("^/", "");
        List<ContainerInfo.MountInfo> mounts = new ArrayList<>();
        if (c.getMounts() != null) {
            for (ContainerMount m : c.getMounts()) {
                mounts.add(new ContainerInfo.MountInfo(m.getName() != null ? "volume" : "bind", m.getName(), m.getSource(), m.getDestination(),
                        !Boolean.FALSE.equals(m.getRw())));
            }
        }
        return new ContainerInfo(c.getId(), name, c.getImage(), c.getImageId(), c.getLabels(), c.getState(), null, null, List.of(),
                Map.of(), mounts);
    }

    @Override
    public List<ContainerInfo> listContainers(Map<String, String> labelFilters) {
        List<String> ids = call("list containers", () -> client.listContainersCmd().withShowAll(true)
                .withLabelFilter(labelFilterList(labelFilters)).exec()).stream().map(c -> c.getId()).toList();
        // inspect in parallel: a stack's snapshot is one inspect per container
        List<CompletableFuture<ContainerInfo>> inspections = ids.stream()
                .map(id -> CompletableFuture.supplyAsync(() -> inspectOrNull(id), INSPECTORS)).toList();
        List<ContainerInfo> result = new ArrayList<>();
        for (CompletableFuture<ContainerInfo> f : inspections) {
            ContainerInfo info = joinUnwrapped(f);
            if (info != null) {
                result.add(info);
            }
        }
        result.sort(Comparator.comparing(ContainerInfo::name));
        return result;
    }

    private ContainerInfo inspectOrNull(String id) {
        try {
            return inspectContainer(id);
        } catch (EngineException.NotFound gone) {
            return null; // removed between list and inspect
        }
    }

    private static <T> T joinUnwrapped(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    @Override
    public ContainerInfo inspectContainer(String idOrName) {
        return containerInfo(call("inspect container " + idOrName, () -> client.inspectContainerCmd(idOrName).exec()));
    }

    @Override
    public String createContainer(ContainerSpec spec) {
        String id = call("create container " + spec.name(), () -> ContainerCreator.command(client, spec).exec()).getId();
        try {
            for (NetworkEndpoint endpoint : spec.additionalNetworks()) {
                connectNetwork(id, endpoint);
            }
        } catch (EngineException e) {
            // a half-connected container would be taken as up to date next time
            try {
                removeContainer(id, true);
            } catch (EngineException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return id;
    }

    @Override
    public void startContainer(String id) {
        run("start container " + id, () -> {
            try {
                client.startContainerCmd(id).exec();
            } catch (NotModifiedException alreadyRunning) {
                // 304: nothing to do
            }
        });
    }

    @Override
    public void stopContainer(String id, int timeoutSeconds) {
        run("stop container " + id, () -> {
            try {
                streaming.stopContainerCmd(id).withTimeout(timeoutSeconds).exec();
            } catch (NotModifiedException alreadyStopped) {
                // 304: nothing to do
            }
        });
    }

    @Override
    public void killContainer(String id, String signal) {
        run("kill container " + id, () -> {
            var cmd = client.killContainerCmd(id);
            if (signal != null) {
                cmd.withSignal(signal);
            }
            cmd.exec();
        });
    }

    @Override
    public void removeContainer(String id, boolean removeAnonymousVolumes) {
        run("remove container " + id, () -> client.removeContainerCmd(id).withForce(true).withRemoveVolumes(removeAnonymousVolumes).exec());
    }

    @Override
    public void renameContainer(String id, String newName) {
        run("rename container " + id + " to " + newName, () -> client.renameContainerCmd(id).withName(newName).exec());
    }

    @Override
    public int waitContainer(String id) {
        Integer code = call("wait for container " + id, () -> streaming.waitContainerCmd(id).start().awaitStatusCode());
        return code == null ? -1 : code;
    }

    @Override
    public String logs(String id, int tailLines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        run("logs of container " + id, () -> {
            ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
                @Override
                public void onNext(Frame frame) {
                    // docker-java has already split the multiplexed stream into frames
                    synchronized (out) {
                        out.writeBytes(frame.getPayload());
                    }
                }
            };
            try {
                streaming.logContainerCmd(id).withStdOut(true).withStdErr(true).withTail(tailLines).withFollowStream(false)
                        .exec(callback).awaitCompletion();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineException("Interrupted while reading the logs of " + id, e);
            }
        });
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public LogStream streamLogs(String containerId, LogOptions options, Consumer<LogLine> lines) {
        String operation = "logs of container " + containerId;
        LogFrames frames = new LogFrames(operation, address, lines);
        run(operation, () -> {
            LogContainerCmd cmd = streaming.logContainerCmd(containerId).withStdOut(true).withStdErr(true)
                    .withFollowStream(options.follow()).withTimestamps(options.timestamps());
            if (options.tail() != null) {
                cmd.withTail(options.tail());
            } else {
                cmd.withTailAll();
            }
            if (options.since() != null) {
                cmd.withSince((int) Math.min(Integer.MAX_VALUE, Math.max(0, options.since().getEpochSecond())));
            }
            cmd.exec(frames);
        });
        return frames;
    }

    @Override
    public String inspectJson(String containerId) {
        InspectContainerResponse response = call("inspect container " + containerId, () -> client.inspectContainerCmd(containerId).exec());
        try {
            return INSPECT_JSON.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new EngineException("Cannot write the inspect document of container " + containerId + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void connectNetwork(String containerId, NetworkEndpoint endpoint) {
        run("connect container " + containerId + " to network " + endpoint.network(), () -> client.connectToNetworkCmd()
                .withNetworkId(endpoint.network()).withContainerId(containerId).withContainerNetwork(ContainerCreator.endpoint(endpoint))
                .exec());
    }

    // ---------------------------------------------------------------- networks

    @Override
    public List<NetworkInfo> listNetworks(Map<String, String> labelFilters) {
        return call("list networks", () -> client.listNetworksCmd().withFilter("label", labelFilterList(labelFilters)).exec()).stream()
                .map(DockerJavaEngine::networkInfo).sorted(Comparator.comparing(NetworkInfo::name)).toList();
    }

    @Override
    public Optional<NetworkInfo> inspectNetwork(String name) {
        try {
            Network network = call("inspect network " + name, () -> client.inspectNetworkCmd().withNetworkId(name).exec());
            // the engine also matches an id prefix: a network named "db" must not match id "db9086999caf..."
            return name.equals(network.getName()) || name.equals(network.getId()) ? Optional.of(networkInfo(network)) : Optional.empty();
        } catch (EngineException.NotFound e) {
            return Optional.empty();
        }
    }

    @Override
    public String createNetwork(NetworkSpec spec) {
        CreateNetworkCmd cmd = client.createNetworkCmd().withName(spec.name()).withLabels(spec.labels()).withInternal(spec.internal())
                .withAttachable(spec.attachable());
        if (spec.driver() != null) {
            cmd.withDriver(spec.driver());
        }
        if (!spec.driverOptions().isEmpty()) {
            cmd.withOptions(spec.driverOptions());
        }
        if (spec.enableIpv6() != null) {
            cmd.withEnableIpv6(spec.enableIpv6());
        }
        if (!spec.ipamOptions().isEmpty()) {
            throw new EngineException("Network " + spec.name() + ": ipam.options cannot be passed to the engine (docker-java has no field for"
                    + " them); remove them.");
        }
        if (spec.ipamDriver() != null || !spec.ipamPools().isEmpty()) {
            List<Network.Ipam.Config> pools = new ArrayList<>();
            for (NetworkSpec.IpamPool pool : spec.ipamPools()) {
                if (!pool.auxAddresses().isEmpty()) {
                    throw new EngineException("Network " + spec.name() + ": ipam aux_addresses cannot be passed to the engine (docker-java has"
                            + " no field for them); remove them.");
                }
                Network.Ipam.Config config = new Network.Ipam.Config();
                if (pool.subnet() != null) {
                    config.withSubnet(pool.subnet());
                }
                if (pool.ipRange() != null) {
                    config.withIpRange(pool.ipRange());
                }
                if (pool.gateway() != null) {
                    config.withGateway(pool.gateway());
                }
                pools.add(config);
            }
            Network.Ipam ipam = new Network.Ipam().withConfig(pools);
            if (spec.ipamDriver() != null) {
                ipam.withDriver(spec.ipamDriver());
            }
            cmd.withIpam(ipam);
        }
        return call("create network " + spec.name(), cmd::exec).getId();
    }

    @Override
    public void removeNetwork(String nameOrId) {
        run("remove network " + nameOrId, () -> client.removeNetworkCmd(nameOrId).exec());
    }

    // ---------------------------------------------------------------- volumes

    @Override
    public List<VolumeInfo> listVolumes(Map<String, String> labelFilters) {
        ListVolumesResponse response = call("list volumes",
                () -> client.listVolumesCmd().withFilter("label", labelFilterList(labelFilters)).exec());
        if (response.getVolumes() == null) { // the engine sends null, not [], when there are none
            return List.of();
        }
        return response.getVolumes().stream()
                .map(v -> new VolumeInfo(v.getName(), v.getDriver(), v.getMountpoint(), v.getOptions(), v.getLabels()))
                .sorted(Comparator.comparing(VolumeInfo::name)).toList();
    }

    @Override
    public Optional<VolumeInfo> inspectVolume(String name) {
        try {
            InspectVolumeResponse v = call("inspect volume " + name, () -> client.inspectVolumeCmd(name).exec());
            return Optional.of(new VolumeInfo(v.getName(), v.getDriver(), v.getMountpoint(), v.getOptions(), v.getLabels()));
        } catch (EngineException.NotFound e) {
            return Optional.empty();
        }
    }

    @Override
    public void createVolume(VolumeSpec spec) {
        run("create volume " + spec.name(), () -> {
            var cmd = client.createVolumeCmd().withName(spec.name()).withLabels(spec.labels());
            if (spec.driver() != null) {
                cmd.withDriver(spec.driver());
            }
            if (!spec.options().isEmpty()) {
                cmd.withDriverOpts(spec.options());
            }
            cmd.exec();
        });
    }

    @Override
    public void removeVolume(String name) {
        run("remove volume " + name, () -> client.removeVolumeCmd(name).exec());
    }

    // ---------------------------------------------------------------- images

    @Override
    public Optional<ImageInfo> inspectImage(String reference) {
        return call("inspect image " + reference, () -> ImageInspect.read(((DockerClientImpl) client).getHttpClient(), reference));
    }


    // ---------------------------------------------------------------- events

    @Override
    public Closeable events(Map<String, String> labelFilters, Consumer<EngineEvent> listener, Consumer<EngineException> onError) {
        EventStream stream = new EventStream(listener, onError, address);
        run("subscribe to events", () -> {
            var cmd = streaming.eventsCmd().withEventTypeFilter(EventType.CONTAINER);
            if (!labelFilters.isEmpty()) {
                cmd.withLabelFilter(labelFilterArray(labelFilters));
            }
            cmd.exec(stream);
        });
        stream.awaitStarted(EVENT_STREAM_START_SECONDS);
        return stream;
    }

    @Override
    public void close() {
        closeQuietly(streaming);
        closeQuietly(client);
    }

    // ---------------------------------------------------------------- conversions

    /** An RFC 3339 time as the engine writes it ("2024-01-02T03:04:05.123456789Z"), or null when absent or unreadable. */
    static java.time.Instant instant(String rfc3339) {
        if (rfc3339 == null || rfc3339.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(rfc3339.trim()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null; // only the refresh pull policies read it: they treat an unknown time as stale
        }
    }

    static ContainerInfo containerInfo(InspectContainerResponse c) {
        String name = c.getName() == null ? null : c.getName().startsWith("/") ? c.getName().substring(1) : c.getName();
        InspectContainerResponse.ContainerState state = c.getState();
        String health = state != null && state.getHealth() != null ? state.getHealth().getStatus() : null;
        Long exit = state != null ? state.getExitCodeLong() : null;
        List<ContainerInfo.PublishedPort> ports = new ArrayList<>();
        Map<String, ContainerInfo.Attachment> networks = new LinkedHashMap<>();
        if (c.getNetworkSettings() != null) {
            Ports bindings = c.getNetworkSettings().getPorts();
            if (bindings != null && bindings.getBindings() != null) {
                for (Map.Entry<ExposedPort, Ports.Binding[]> e : bindings.getBindings().entrySet()) {
                    if (e.getValue() == null) {
                        continue; // exposed, not published
                    }
                    for (Ports.Binding b : e.getValue()) {
                        Integer hostPort = parsePort(b.getHostPortSpec());
                        if (hostPort != null) {
                            ports.add(new ContainerInfo.PublishedPort(e.getKey().getPort(), e.getKey().getProtocol().toString(), b.getHostIp(),
                                    hostPort));
                        }
                    }
                }
            }
            if (c.getNetworkSettings().getNetworks() != null) {
                for (Map.Entry<String, ContainerNetwork> e : c.getNetworkSettings().getNetworks().entrySet()) {
                    ContainerNetwork n = e.getValue();
                    networks.put(e.getKey(), new ContainerInfo.Attachment(n.getNetworkID(), emptyToNull(n.getIpAddress()),
                            emptyToNull(n.getGlobalIPv6Address()), n.getAliases()));
                }
            }
        }
        ports.sort(Comparator.comparing(ContainerInfo.PublishedPort::containerPort).thenComparing(ContainerInfo.PublishedPort::protocol)
                .thenComparing(p -> String.valueOf(p.hostIp())));
        List<ContainerInfo.MountInfo> mounts = new ArrayList<>();
        if (c.getMounts() != null) {
            for (InspectContainerResponse.Mount m : c.getMounts()) {
                mounts.add(new ContainerInfo.MountInfo(m.getName() != null ? "volume" : "bind", m.getName(), m.getSource(),
                        m.getDestination() != null ? m.getDestination().getPath() : null, !Boolean.FALSE.equals(m.getRW())));
            }
        }
        Map<String, String> labels = c.getConfig() != null ? c.getConfig().getLabels() : null;
        String image = c.getConfig() != null ? c.getConfig().getImage() : null;
        return new ContainerInfo(c.getId(), name, image, c.getImageId(), labels, state != null ? state.getStatus() : null, health,
                exit == null ? null : exit.intValue(), ports, networks, mounts);
    }

    private static NetworkInfo networkInfo(Network n) {
        List<String> subnets = n.getIpam() == null || n.getIpam().getConfig() == null ? List.of()
                : n.getIpam().getConfig().stream().map(Network.Ipam.Config::getSubnet).filter(s -> s != null).toList();
        List<String> containers = n.getContainers() == null ? List.of() : List.copyOf(n.getContainers().keySet());
        return new NetworkInfo(n.getId(), n.getName(), n.getDriver(), n.getLabels(), Boolean.TRUE.equals(n.getInternal()),
                Boolean.TRUE.equals(n.isAttachable()), Boolean.TRUE.equals(n.getEnableIPv6()), subnets, containers);
    }

    private static Integer parsePort(String spec) {
        try {
            return spec == null || spec.isEmpty() ? null : Integer.valueOf(spec);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** "key=value", or "key" alone for a null value (any value). */
    static List<String> labelFilterList(Map<String, String> filters) {
        return filters.entrySet().stream().map(e -> e.getValue() == null ? e.getKey() : e.getKey() + "=" + e.getValue()).toList();
    }

    private static String[] labelFilterArray(Map<String, String> filters) {
        return labelFilterList(filters).toArray(String[]::new);
    }

    private <T> T call(String operation, Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            throw Errors.translate(operation, e, address);
        }
    }

    private void run(String operation, Runnable action) {
        call(operation, () -> {
            action.run();
            return null;
        });
    }

    private static void closeQuietly(DockerClient c) {
        try {
            c.close();
        } catch (IOException | RuntimeException ignored) {
            // the connection is going away anyway
        }
    }
}
