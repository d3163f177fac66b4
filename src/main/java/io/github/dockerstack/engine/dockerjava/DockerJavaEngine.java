package io.github.dockerstack.engine.dockerjava;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request.Method;
import io.github.dockerstack.engine.ContainerInfo;
import io.github.dockerstack.engine.ContainerSpec;
import io.github.dockerstack.engine.Engine;
import io.github.dockerstack.engine.EngineEvent;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.EngineVersion;
import io.github.dockerstack.engine.ExecResult;
import io.github.dockerstack.engine.ExecSpec;
import io.github.dockerstack.engine.ImageInfo;
import io.github.dockerstack.engine.LogLine;
import io.github.dockerstack.engine.LogOptions;
import io.github.dockerstack.engine.LogStream;
import io.github.dockerstack.engine.NetworkEndpoint;
import io.github.dockerstack.engine.NetworkInfo;
import io.github.dockerstack.engine.NetworkSpec;
import io.github.dockerstack.engine.VolumeInfo;
import io.github.dockerstack.engine.VolumeSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The {@link Engine} port over docker-java. Open it with {@link EngineConnection#open(String, String)}.
 * Reads and the calls without a body go straight through docker-java's transport
 * ({@link EngineRequests}); docker-java's clients, whose set-up costs a few hundred milliseconds in
 * a goal's fresh JVM, are made on the first call that needs them, so a goal with nothing to create
 * never pays for them.
 */
public final class DockerJavaEngine implements Engine {
    /** Daemon threads for parallel inspections; they never block a JVM exit. */
    private static final ExecutorService INSPECTORS = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "docker-stack-inspect");
        t.setDaemon(true);
        return t;
    });

    /** Ordinary calls, with a response timeout. */
    private final DockerHttpClient calls;
    /** Streams (events, wait, logs) and stop, whose duration the caller chooses: no response timeout. */
    private final DockerHttpClient streams;
    private final Supplier<DockerClientConfig> config;
    private final EngineRequests requests;
    private final EngineRequests streamRequests;
    private final String address;
    private final String hostForClients;
    private volatile DockerClient client;
    private volatile DockerClient streaming;

    /**
     * @param config docker-java's configuration, asked for once, when the first docker-java command is made
     */
    DockerJavaEngine(DockerHttpClient calls, DockerHttpClient streams, Supplier<DockerClientConfig> config, String address,
                     String hostForClients) {
        this.calls = calls;
        this.streams = streams;
        this.config = config;
        this.requests = new EngineRequests(calls);
        this.streamRequests = new EngineRequests(streams);
        this.address = address;
        this.hostForClients = hostForClients;
    }

    /** The docker-java client over the ordinary transport, made on first use. */
    DockerClient client() {
        if (client == null) {
            makeClients();
        }
        return client;
    }

    /** The docker-java client without response timeout, for logs and {@link DockerJavaImages}' builds and pulls. */
    DockerClient streamingClient() {
        if (streaming == null) {
            makeClients();
        }
        return streaming;
    }

    /** Whether docker-java's clients were made, for this package's tests. */
    boolean clientsMade() {
        return client != null;
    }

    private synchronized void makeClients() {
        if (client == null) {
            DockerClientConfig c = config.get();
            streaming = DockerClientImpl.getInstance(c, streams);
            client = DockerClientImpl.getInstance(c, calls);
        }
    }

    /** The engine address in use, e.g. "unix:///var/run/docker.sock". */
    public String address() {
        return address;
    }

    // ---------------------------------------------------------------- engine

    @Override
    public EngineVersion version() {
        return ResourceJson.version(read("engine version", "/version"));
    }

    @Override
    public void ping() {
        run("ping", () -> {
            try (DockerHttpClient.Response response = EngineRequests.send(calls, "/_ping"); InputStream body = response.getBody()) {
                if (response.getStatusCode() != 200) { // the answer is "OK", not JSON
                    throw EngineRequests.failure("ping", response.getStatusCode(), body.readAllBytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
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
        String filter = EngineRequests.labelFilter(labelFilters);
        return read("list containers", "/containers/json?all=1" + (filter.isEmpty() ? "" : "&" + filter));
    }

    @Override
    public List<ContainerInfo> listContainers(Map<String, String> labelFilters) {
        List<String> ids = new ArrayList<>();
        listed(labelFilters).forEach(c -> ids.add(JsonTrees.text(c.path("Id"))));
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
        return ContainerJson.inspected(read(operation, "/containers/" + idOrName + "/json"));
    }

    @Override
    public String createContainer(ContainerSpec spec, Consumer<String> warnings) {
        String operation = "create container " + spec.name();
        byte[] body = ContainerBody.json(spec);
        JsonNode created = call(operation, () -> requests.post(operation, ContainerBody.path(spec), body));
        String id = created.path("Id").asText();
        for (JsonNode warning : created.path("Warnings")) { // null when there are none
            if (!warning.asText().isBlank()) {
                warnings.accept(warning.asText().strip());
            }
        }
        try {
            for (NetworkEndpoint endpoint : spec.additionalNetworks()) {
                connectNetwork(id, endpoint);
            }
            if (!spec.files().isEmpty()) {
                byte[] tar = FileCopies.tar(spec.files());
                run("write files into container " + spec.name(), () -> client().copyArchiveToContainerCmd(id).withRemotePath("/")
                        .withTarInputStream(new ByteArrayInputStream(tar)).withCopyUIDGID(FileCopies.keepOwners(spec.files())).exec());
            }
        } catch (EngineException e) {
            // a half-connected (or half-written) container would be taken as up to date next time
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
        String operation = "start container " + id;
        send(requests, operation, Method.POST, "/containers/" + id + "/start"); // 304 when running
    }

    @Override
    public void stopContainer(String id, int timeoutSeconds) {
        String operation = "stop container " + id;
        // 304 when stopped already
        send(streamRequests, operation, Method.POST, "/containers/" + id + "/stop?t=" + timeoutSeconds);
    }

    @Override
    public void killContainer(String id, String signal) {
        String operation = "kill container " + id;
        send(requests, operation, Method.POST, "/containers/" + id + "/kill"
                + (signal == null ? "" : "?signal=" + EngineRequests.query(signal)));
    }

    @Override
    public void removeContainer(String id, boolean removeAnonymousVolumes) {
        String operation = "remove container " + id;
        send(requests, operation, Method.DELETE, "/containers/" + id + "?force=true&v=" + removeAnonymousVolumes);
    }

    @Override
    public void renameContainer(String id, String newName) {
        String operation = "rename container " + id + " to " + newName;
        send(requests, operation, Method.POST, "/containers/" + id + "/rename?name=" + EngineRequests.query(newName));
    }

    @Override
    public int waitContainer(String id) {
        String operation = "wait for container " + id;
        JsonNode answer = send(streamRequests, operation, Method.POST, "/containers/" + id + "/wait");
        return answer.path("StatusCode").asInt(-1);
    }

    @Override
    public ExecResult exec(String containerId, ExecSpec spec, Duration timeout) {
        String operation = "run " + String.join(" ", spec.command()) + " in container " + containerId;
        List<String> env = spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        String execId = call(operation, () -> client().execCreateCmd(containerId).withCmd(spec.command().toArray(String[]::new))
                .withUser(spec.user()).withPrivileged(spec.privileged()).withWorkingDir(spec.workingDir())
                .withEnv(env.isEmpty() ? null : env).withAttachStdout(true).withAttachStderr(true).exec().getId());
        ExecOutput output = new ExecOutput();
        boolean finished = call(operation, () -> {
            try {
                return streamingClient().execStartCmd(execId).exec(output).awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineException("Interrupted while running a command in container " + containerId, e);
            }
        });
        if (!finished) {
            try {
                output.close(); // stops following it; the command itself goes on in the container
            } catch (IOException ignored) {
                // the stream is being dropped anyway
            }
            return ExecResult.timedOut(output.tail());
        }
        Long exitCode = call(operation, () -> client().inspectExecCmd(execId).exec().getExitCodeLong());
        return new ExecResult(exitCode == null ? -1 : exitCode, output.tail());
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
                streamingClient().logContainerCmd(id).withStdOut(true).withStdErr(true).withTail(tailLines).withFollowStream(false)
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
            LogContainerCmd cmd = streamingClient().logContainerCmd(containerId).withStdOut(true).withStdErr(true)
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

    /** The engine's whole answer to a read, for tests that look at fields no model carries. */
    JsonNode readRaw(String path) {
        return read("read " + path, path);
    }

    @Override
    public String inspectJson(String containerId) {
        String operation = "inspect container " + containerId;
        JsonNode document = read(operation, "/containers/" + containerId + "/json");
        return JsonTrees.write(document, true);
    }

    @Override
    public void connectNetwork(String containerId, NetworkEndpoint endpoint) {
        String operation = "connect container " + containerId + " to network " + endpoint.network();
        byte[] body = ResourceBodies.connect(containerId, endpoint);
        call(operation, () -> requests.post(operation, "/networks/" + EngineRequests.query(endpoint.network()) + "/connect", body));
    }

    // ---------------------------------------------------------------- networks

    @Override
    public List<NetworkInfo> listNetworks(Map<String, String> labelFilters) {
        String filter = EngineRequests.labelFilter(labelFilters);
        JsonNode networks = read("list networks", "/networks" + (filter.isEmpty() ? "" : "?" + filter));
        List<NetworkInfo> result = new ArrayList<>();
        networks.forEach(n -> result.add(ResourceJson.network(n)));
        result.sort(Comparator.comparing(NetworkInfo::name));
        return result;
    }

    @Override
    public Optional<NetworkInfo> inspectNetwork(String name) {
        String operation = "inspect network " + name;
        Optional<NetworkInfo> network = find(operation, "/networks/" + name).map(ResourceJson::network);
        // the engine also matches an id prefix: a network named "db" must not match id "db9086999caf..."
        return network.filter(n -> name.equals(n.name()) || name.equals(n.id()));
    }

    @Override
    public String createNetwork(NetworkSpec spec) {
        String operation = "create network " + spec.name();
        byte[] body = ResourceBodies.network(spec);
        return call(operation, () -> requests.post(operation, "/networks/create", body)).path("Id").asText();
    }

    @Override
    public void removeNetwork(String nameOrId) {
        String operation = "remove network " + nameOrId;
        send(requests, operation, Method.DELETE, "/networks/" + nameOrId);
    }

    // ---------------------------------------------------------------- volumes

    @Override
    public List<VolumeInfo> listVolumes(Map<String, String> labelFilters) {
        String filter = EngineRequests.labelFilter(labelFilters);
        JsonNode response = read("list volumes", "/volumes" + (filter.isEmpty() ? "" : "?" + filter));
        List<VolumeInfo> result = new ArrayList<>();
        response.path("Volumes").forEach(v -> result.add(ResourceJson.volume(v))); // the engine sends null, not [], when there are none
        result.sort(Comparator.comparing(VolumeInfo::name));
        return result;
    }

    @Override
    public Optional<VolumeInfo> inspectVolume(String name) {
        String operation = "inspect volume " + name;
        return find(operation, "/volumes/" + name).map(ResourceJson::volume);
    }

    @Override
    public void createVolume(VolumeSpec spec) {
        String operation = "create volume " + spec.name();
        byte[] body = ResourceBodies.volume(spec);
        call(operation, () -> requests.post(operation, "/volumes/create", body));
    }

    @Override
    public void removeVolume(String name) {
        String operation = "remove volume " + name;
        send(requests, operation, Method.DELETE, "/volumes/" + name);
    }

    // ---------------------------------------------------------------- images

    @Override
    public Optional<ImageInfo> inspectImage(String reference) {
        String operation = "inspect image " + reference;
        return find(operation, "/images/" + reference + "/json").map(ImageJson::info);
    }


    // ---------------------------------------------------------------- events

    @Override
    public Closeable events(Map<String, String> labelFilters, Consumer<EngineEvent> listener, Consumer<EngineException> onError) {
        return call("subscribe to events", () -> EventStream.open(streams, labelFilters, listener, onError, address));
    }

    @Override
    public void close() {
        closeQuietly(streams); // docker-java's clients close nothing but these
        closeQuietly(calls);
    }

    /** "key=value", or "key" alone for a null value (any value). */
    static List<String> labelFilterList(Map<String, String> filters) {
        return filters.entrySet().stream().map(e -> e.getValue() == null ? e.getKey() : e.getKey() + "=" + e.getValue()).toList();
    }

    /** {@code GET path}, where 404 is {@link EngineException.NotFound}. */
    private JsonNode read(String operation, String path) {
        return call(operation, () -> requests.require(operation, path));
    }

    /** {@code GET path}; empty on 404. */
    private Optional<JsonNode> find(String operation, String path) {
        return call(operation, () -> requests.get(operation, path));
    }

    /** A call without body, over {@code via}: {@link #requests}, or {@link #streamRequests} for what may take long. */
    private JsonNode send(EngineRequests via, String operation, Method method, String path) {
        return call(operation, () -> via.call(operation, method, path));
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

    private static void closeQuietly(DockerHttpClient c) {
        try {
            c.close();
        } catch (IOException | RuntimeException ignored) {
            // the connection is going away anyway
        }
    }
}
