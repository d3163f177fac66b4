package io.github.dockerstack.engine.dockerjava;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateNetworkCmd;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Network;
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

    /** docker-java's own mapping: the engine's field names, as {@code docker inspect} shows them. */
    private static final ObjectWriter INSPECT_JSON = DockerClientConfig.getDefaultObjectMapper().writerWithDefaultPrettyPrinter();

    private final DockerClient client;
    private final DockerClient streaming;
    /** The reads a snapshot makes, as JSON trees: quicker than docker-java's models in a fresh JVM. */
    private final JsonReads reads;
    private final String address;
    private final String hostForClients;

    DockerJavaEngine(DockerClient client, DockerClient streaming, String address, String hostForClients) {
        this.client = client;
        this.reads = new JsonReads(((DockerClientImpl) client).getHttpClient());
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
        return ResourceJson.version(call("engine version", () -> reads.require("engine version", "/version")));
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
        List<ContainerInfo> result = new ArrayList<>();
        listed(labelFilters).forEach(c -> result.add(ContainerJson.listed(c)));
        result.sort(Comparator.comparing(ContainerInfo::name));
        return result;
    }

    /** {@code GET /containers/json?all=1}, filtered by labels. */
    private JsonNode listed(Map<String, String> labelFilters) {
        String filter = JsonReads.labelFilter(labelFilters);
        return call("list containers", () -> reads.require("list containers", "/containers/json?all=1" + (filter.isEmpty() ? "" : "&" + filter)));
    }

    @Override
    public List<ContainerInfo> listContainers(Map<String, String> labelFilters) {
        List<String> ids = new ArrayList<>();
        listed(labelFilters).forEach(c -> ids.add(JsonReads.text(c.path("Id"))));
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
        String operation = "inspect container " + idOrName;
        return ContainerJson.inspected(call(operation, () -> reads.require(operation, "/containers/" + idOrName + "/json")));
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
        String operation = "inspect container " + containerId;
        JsonNode document = call(operation, () -> reads.require(operation, "/containers/" + containerId + "/json"));
        try {
            return INSPECT_JSON.writeValueAsString(document);
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
        String filter = JsonReads.labelFilter(labelFilters);
        JsonNode networks = call("list networks", () -> reads.require("list networks", "/networks" + (filter.isEmpty() ? "" : "?" + filter)));
        List<NetworkInfo> result = new ArrayList<>();
        networks.forEach(n -> result.add(ResourceJson.network(n)));
        result.sort(Comparator.comparing(NetworkInfo::name));
        return result;
    }

    @Override
    public Optional<NetworkInfo> inspectNetwork(String name) {
        String operation = "inspect network " + name;
        Optional<NetworkInfo> network = call(operation, () -> reads.get(operation, "/networks/" + name)).map(ResourceJson::network);
        // the engine also matches an id prefix: a network named "db" must not match id "db9086999caf..."
        return network.filter(n -> name.equals(n.name()) || name.equals(n.id()));
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
        String filter = JsonReads.labelFilter(labelFilters);
        JsonNode response = call("list volumes", () -> reads.require("list volumes", "/volumes" + (filter.isEmpty() ? "" : "?" + filter)));
        List<VolumeInfo> result = new ArrayList<>();
        response.path("Volumes").forEach(v -> result.add(ResourceJson.volume(v))); // the engine sends null, not [], when there are none
        result.sort(Comparator.comparing(VolumeInfo::name));
        return result;
    }

    @Override
    public Optional<VolumeInfo> inspectVolume(String name) {
        String operation = "inspect volume " + name;
        return call(operation, () -> reads.get(operation, "/volumes/" + name)).map(ResourceJson::volume);
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
        String operation = "inspect image " + reference;
        return call(operation, () -> reads.get(operation, "/images/" + reference + "/json")).map(ImageJson::info);
    }


    // ---------------------------------------------------------------- events

    @Override
    public Closeable events(Map<String, String> labelFilters, Consumer<EngineEvent> listener, Consumer<EngineException> onError) {
        return call("subscribe to events", () -> EventStream.open(((DockerClientImpl) streaming).getHttpClient(), labelFilters, listener,
                onError, address));
    }

    @Override
    public void close() {
        closeQuietly(streaming);
        closeQuietly(client);
    }

    /** "key=value", or "key" alone for a null value (any value). */
    static List<String> labelFilterList(Map<String, String> filters) {
        return filters.entrySet().stream().map(e -> e.getValue() == null ? e.getKey() : e.getKey() + "=" + e.getValue()).toList();
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
