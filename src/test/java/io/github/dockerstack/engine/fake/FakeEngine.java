package io.github.dockerstack.engine.fake;

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
import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An engine in memory, for unit tests. Containers follow a script per service (or container name):
 * exit with a code right after start, turn healthy or unhealthy right after start, or stay
 * "starting" until the test drives their health. Events are emitted as the real engine does
 * (create, start, die with exitCode, health_status: ..., kill, stop, destroy), synchronously on the
 * calling thread, never under the engine's lock. Logs come from the script and {@link #writeLog(String, LogLine)};
 * streams deliver on the caller's thread and, when following, end when the container stops. Every
 * write is recorded in {@link #writes()}, e.g.
 * {@code "create container shop-web-1"}; {@link #failOn} injects failures and {@link #onCall}
 * runs hooks (to block or observe) before an operation.
 */
public final class FakeEngine implements Engine {
    /** What a container does after start. */
    public static final class Script {
        Integer exitCode;
        String healthAfterStart;
        List<LogLine> logLines = List.of();

        /** Exits with this code right after start (a one-shot job, or a crash). */
        public Script exitsWith(int code) {
            this.exitCode = code;
            return this;
        }

        /** Reports this health right after start ("healthy", "unhealthy"); without, it stays "starting". */
        public Script health(String status) {
            this.healthAfterStart = status;
            return this;
        }

        /** What its log holds: these lines on stdout. */
        public Script logs(String... lines) {
            this.logLines = Arrays.stream(lines).map(LogLine::stdout).toList();
            return this;
        }

        /** What its log holds: these lines of stdout and stderr, in this order. */
        public Script log(LogLine... lines) {
            this.logLines = List.of(lines);
            return this;
        }
    }

    /** A container's mutable state. */
    private static final class Box {
        String id;
        ContainerSpec spec;
        String state = "created";
        String health;
        Integer exitCode;
        final List<ContainerInfo.PublishedPort> ports = new ArrayList<>();
        final List<String> networks = new ArrayList<>();
        /** Lines written after start, through {@link FakeEngine#writeLog(String, LogLine)}. */
        final List<LogLine> written = new ArrayList<>();
        final List<FollowedLog> followers = new ArrayList<>();
    }

    /** A log stream that follows a running container until it stops or the stream is closed. */
    private static final class FollowedLog implements LogStream {
        final Consumer<LogLine> lines;
        final CountDownLatch ended = new CountDownLatch(1);
        volatile boolean closed;

        FollowedLog(Consumer<LogLine> lines) {
            this.lines = lines;
        }

        synchronized void deliver(LogLine line) {
            if (!closed) {
                lines.accept(line);
            }
        }

        void end() {
            ended.countDown();
        }

        @Override
        public void await() throws InterruptedException {
            ended.await();
        }

        @Override
        public synchronized void close() {
            closed = true;
            ended.countDown();
        }
    }

    private record Subscription(Map<String, String> filters, Consumer<EngineEvent> listener) {
    }

    private record Failure(Predicate<String> operation, EngineException error) {
    }

    private final Map<String, Box> containers = new LinkedHashMap<>();
    private final Map<String, NetworkInfo> networks = new LinkedHashMap<>();
    private final Map<String, VolumeInfo> volumes = new LinkedHashMap<>();
    private final Map<String, ImageInfo> images = new HashMap<>();
    private final Map<String, Script> scripts = new HashMap<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final List<Map.Entry<Predicate<String>, Runnable>> hooks = new CopyOnWriteArrayList<>();
    private final List<String> writes = Collections.synchronizedList(new ArrayList<>());
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, LogOptions> logOptions = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong clock = new AtomicLong();
    private int nextHostPort = 49153;
    private volatile boolean closed;
    private volatile Function<ContainerSpec, List<String>> createWarnings = spec -> List.of();
    private volatile Function<String, ExecResult> execResults = command -> new ExecResult(0, "");

    public FakeEngine() {
        image("busybox:latest");
    }

    // ---------------------------------------------------------------- test set-up and inspection

    /** Adds a local image. */
    public FakeEngine image(String reference) {
        synchronized (this) {
            images.put(reference, new ImageInfo("sha256:" + Integer.toHexString(reference.hashCode()), List.of(reference), Map.of(), "linux",
                    "amd64", null));
        }
        return this;
    }

    /** Replaces an image by a new build (a new id). */
    public synchronized void rebuild(String reference) {
        images.put(reference, new ImageInfo("sha256:" + Long.toHexString(ids.incrementAndGet() + reference.hashCode()), List.of(reference),
                Map.of(), "linux", "amd64", null));
    }

    /** The script of a service's containers (or one container, by its name). */
    public synchronized Script script(String serviceOrContainer) {
        return scripts.computeIfAbsent(serviceOrContainer, k -> new Script());
    }

    /** Adds a network that exists before the test (another project's, or an external one). */
    public synchronized void addNetwork(String name, Map<String, String> labels) {
        networks.put(name, new NetworkInfo("net-" + ids.incrementAndGet(), name, "bridge", labels, false, false, false, List.of(), List.of()));
    }

    public synchronized void addVolume(String name, Map<String, String> labels) {
        volumes.put(name, new VolumeInfo(name, "local", "/var/lib/docker/volumes/" + name, Map.of(), labels));
    }

    /** The next call whose description matches fails with this error (descriptions as in {@link #writes()}). */
    public void failOn(Predicate<String> operation, EngineException error) {
        failures.add(new Failure(operation, error));
    }

    public void failOn(String operation, EngineException error) {
        failOn(operation::equals, error);
    }

    /** Runs {@code hook} on the caller's thread before every matching operation (writes and reads). */
    public void onCall(Predicate<String> operation, Runnable hook) {
        hooks.add(Map.entry(operation, hook));
    }

    /** Writes in the order they happened, e.g. "create network shop_default", "start container shop-web-1". */
    public List<String> writes() {
        synchronized (writes) {
            return List.copyOf(writes);
        }
    }

    /** Every call, reads included. */
    public List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public void clearRecords() {
        writes.clear();
        calls.clear();
    }

    public synchronized List<String> containerNames() {
        return containers.values().stream().map(b -> b.spec.name()).sorted().toList();
    }

    public synchronized List<String> networkNames() {
        return List.copyOf(networks.keySet());
    }

    public synchronized List<String> volumeNames() {
        return List.copyOf(volumes.keySet());
    }

    /** The spec a container was created with. */
    public synchronized ContainerSpec spec(String containerName) {
        return box(containerName).spec;
    }

    public synchronized String idOf(String containerName) {
        return box(containerName).id;
    }

    public boolean subscribed() {
        return !subscriptions.isEmpty();
    }

    public boolean isClosed() {
        return closed;
    }

    /** Drives a container's health, as its healthcheck would. */
    public void setHealth(String containerName, String status) {
        EngineEvent event;
        synchronized (this) {
            Box b = box(containerName);
            b.health = status;
            event = event(b, "health_status: " + status, Map.of());
        }
        emit(event);
    }

    /** The container's process exits with this code. */
    public void exit(String containerName, int code) {
        EngineEvent event;
        synchronized (this) {
            Box b = box(containerName);
            b.state = "exited";
            b.exitCode = code;
            b.ports.clear();
            event = event(b, "die", Map.of("exitCode", Integer.toString(code)));
            endFollowers(b);
        }
        emit(event);
    }

    /** The container writes a line: it joins its log and goes to every stream following it. */
    public void writeLog(String containerName, LogLine line) {
        List<FollowedLog> followers;
        synchronized (this) {
            Box b = box(containerName);
            b.written.add(line);
            followers = List.copyOf(b.followers);
        }
        followers.forEach(f -> f.deliver(line));
    }

    /** The options of the last log stream opened on a container, or null. */
    public LogOptions logOptions(String containerName) {
        return logOptions.get(containerName);
    }

    /** Streams following a container that are still open. */
    public synchronized int followers(String containerName) {
        Box b = box(containerName);
        return (int) b.followers.stream().filter(f -> !f.closed).count();
    }

    private Box box(String containerName) {
        return containers.values().stream().filter(b -> b.spec.name().equals(containerName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no container " + containerName + " in " + containerNames()));
    }

    // ---------------------------------------------------------------- engine

    @Override
    public EngineVersion version() {
        call("version");
        return new EngineVersion("20.10.24", "1.41", "1.12", "linux", "amd64");
    }

    @Override
    public void ping() {
        call("ping");
    }

    @Override
    public String hostForClients() {
        return "localhost";
    }

    @Override
    public List<ContainerInfo> listContainers(Map<String, String> labelFilters) {
        call("list containers");
        synchronized (this) {
            return containers.values().stream().filter(b -> matches(b.spec.labels(), labelFilters)).map(this::info)
                    .sorted((a, b) -> a.name().compareTo(b.name())).toList();
        }
    }

    @Override
    public ContainerInfo inspectContainer(String idOrName) {
        call("inspect container " + idOrName);
        synchronized (this) {
            return info(find(idOrName));
        }
    }

    /** Makes each create answer with these warnings, as the engine does for a limit it discards. */
    public void warnOnCreate(Function<ContainerSpec, List<String>> warnings) {
        createWarnings = warnings;
    }

    @Override
    public String createContainer(ContainerSpec spec, Consumer<String> warnings) {
        write("create container " + spec.name());
        EngineEvent event;
        String id;
        synchronized (this) {
            if (containers.values().stream().anyMatch(b -> b.spec.name().equals(spec.name()))) {
                throw new EngineException.Conflict("create container " + spec.name() + ": name in use", null);
            }
            if (!images.containsKey(spec.image())) {
                throw new EngineException.NotFound("create container " + spec.name() + ": No such image: " + spec.image(), null);
            }
            List<String> attach = new ArrayList<>();
            if (spec.network() != null) {
                attach.add(spec.network().network());
            }
            spec.additionalNetworks().forEach(n -> attach.add(n.network()));
            for (String n : attach) {
                if (!networks.containsKey(n)) {
                    throw new EngineException.NotFound("create container " + spec.name() + ": network " + n + " not found", null);
                }
            }
            Box b = new Box();
            b.id = String.format("%064x", ids.incrementAndGet());
            b.spec = spec;
            b.networks.addAll(attach);
            containers.put(b.id, b);
            id = b.id;
            event = event(b, "create", Map.of());
        }
        emit(event);
        if (!spec.files().isEmpty()) {
            write("write files into container " + spec.name());
        }
        createWarnings.apply(spec).forEach(warnings);
        return id;
    }

    @Override
    public void startContainer(String id) {
        List<EngineEvent> events = new ArrayList<>();
        Box b;
        synchronized (this) {
            b = find(id);
        }
        write("start container " + b.spec.name());
        synchronized (this) {
            if ("running".equals(b.state)) {
                return;
            }
            b.state = "running";
            b.exitCode = null;
            b.health = hasHealthcheck(b.spec) ? "starting" : null;
            for (ContainerSpec.PortBinding p : b.spec.portBindings()) {
                int port = p.hostPort() == null || p.hostPort().isEmpty() ? nextHostPort++ : Integer.parseInt(p.hostPort());
                if (p.hostIp() != null) {
                    b.ports.add(new ContainerInfo.PublishedPort(p.containerPort(), p.protocol(), p.hostIp(), port));
                } else {
                    b.ports.add(new ContainerInfo.PublishedPort(p.containerPort(), p.protocol(), "0.0.0.0", port));
                    b.ports.add(new ContainerInfo.PublishedPort(p.containerPort(), p.protocol(), "::", port));
                }
            }
            events.add(event(b, "start", Map.of()));
            Script script = scriptOf(b);
            if (script != null && script.healthAfterStart != null && b.health != null) {
                b.health = script.healthAfterStart;
                events.add(event(b, "health_status: " + script.healthAfterStart, Map.of()));
            }
            if (script != null && script.exitCode != null) {
                b.state = "exited";
                b.exitCode = script.exitCode;
                b.ports.clear();
                events.add(event(b, "die", Map.of("exitCode", script.exitCode.toString())));
                endFollowers(b);
            }
        }
        events.forEach(this::emit);
    }

    @Override
    public void stopContainer(String id, int timeoutSeconds) {
        Box b;
        synchronized (this) {
            b = find(id);
        }
        write("stop container " + b.spec.name() + " (" + timeoutSeconds + "s)");
        List<EngineEvent> events = new ArrayList<>();
        synchronized (this) {
            if (!"running".equals(b.state)) {
                return;
            }
            events.add(event(b, "kill", Map.of("signal", "15")));
            b.state = "exited";
            b.exitCode = 0;
            b.ports.clear();
            events.add(event(b, "die", Map.of("exitCode", "0")));
            events.add(event(b, "stop", Map.of()));
            endFollowers(b);
        }
        events.forEach(this::emit);
    }

    @Override
    public void killContainer(String id, String signal) {
        Box b;
        synchronized (this) {
            b = find(id);
        }
        write("kill container " + b.spec.name());
        List<EngineEvent> events = new ArrayList<>();
        synchronized (this) {
            if (!"running".equals(b.state)) {
                throw new EngineException.Conflict("container " + b.spec.name() + " is not running", null);
            }
            b.state = "exited";
            b.exitCode = 137;
            b.ports.clear();
            events.add(event(b, "kill", Map.of("signal", signal == null ? "9" : signal)));
            events.add(event(b, "die", Map.of("exitCode", "137")));
            endFollowers(b);
        }
        events.forEach(this::emit);
    }

    @Override
    public void removeContainer(String id, boolean removeAnonymousVolumes) {
        Box b;
        synchronized (this) {
            b = find(id);
        }
        write("remove container " + b.spec.name());
        List<EngineEvent> events = new ArrayList<>();
        synchronized (this) {
            if ("running".equals(b.state)) {
                b.state = "exited";
                b.exitCode = 137;
                events.add(event(b, "kill", Map.of("signal", "9")));
                events.add(event(b, "die", Map.of("exitCode", "137")));
            }
            containers.remove(b.id);
            endFollowers(b);
            events.add(event(b, "destroy", Map.of()));
        }
        events.forEach(this::emit);
    }

    @Override
    public void renameContainer(String id, String newName) {
        synchronized (this) {
            Box b = find(id);
            write("rename container " + b.spec.name() + " to " + newName);
            if (containers.values().stream().anyMatch(o -> o != b && o.spec.name().equals(newName))) {
                throw new EngineException.Conflict("rename container " + b.spec.name() + ": name " + newName + " in use", null);
            }
            b.spec = b.spec.toBuilder().name(newName).build();
        }
    }

    @Override
    public int waitContainer(String id) {
        call("wait container " + id);
        synchronized (this) {
            Box b = find(id);
            if (!"exited".equals(b.state)) {
                throw new UnsupportedOperationException("the fake engine cannot block until a container exits");
            }
            return b.exitCode;
        }
    }

    /** How commands run in containers end (exit 0 with no output unless told otherwise), by their joined command line. */
    public void execResults(Function<String, ExecResult> results) {
        execResults = results;
    }

    @Override
    public ExecResult exec(String containerId, ExecSpec spec, Duration timeout) {
        String name;
        synchronized (this) {
            Box b = find(containerId);
            if (!"running".equals(b.state)) {
                throw new EngineException.Conflict("exec in container " + b.spec.name() + ": container is not running", null);
            }
            name = b.spec.name();
        }
        String command = String.join(" ", spec.command());
        write("exec in container " + name + ": " + command);
        return execResults.apply(command);
    }

    @Override
    public String logs(String id, int tailLines) {
        call("logs " + id);
        synchronized (this) {
            List<LogLine> lines = logOf(find(id));
            List<LogLine> tail = lines.subList(Math.max(0, lines.size() - tailLines), lines.size());
            return tail.isEmpty() ? "" : tail.stream().map(LogLine::text).collect(Collectors.joining("\n")) + "\n";
        }
    }

    /**
     * Delivers the log (its tail) on the caller's thread; with follow, a running container's stream
     * then stays open until it stops, is removed, or the stream is closed. {@code since} is only
     * recorded ({@link #logOptions}); timestamps put "T " in front of each line.
     */
    @Override
    public LogStream streamLogs(String containerId, LogOptions options, Consumer<LogLine> lines) {
        Box b;
        synchronized (this) {
            b = find(containerId);
        }
        call("stream logs " + b.spec.name());
        logOptions.put(b.spec.name(), options);
        Consumer<LogLine> out = options.timestamps() ? l -> lines.accept(new LogLine(l.stream(), "T " + l.text())) : lines;
        FollowedLog stream = new FollowedLog(out);
        List<LogLine> now;
        synchronized (this) {
            List<LogLine> all = logOf(b);
            now = options.tail() == null ? all : all.subList(Math.max(0, all.size() - options.tail()), all.size());
            if (options.follow() && "running".equals(b.state)) {
                b.followers.add(stream);
            } else {
                stream.end();
            }
        }
        now.forEach(stream::deliver);
        return stream;
    }

    @Override
    public String inspectJson(String containerId) {
        Box b;
        synchronized (this) {
            b = find(containerId);
        }
        call("inspect json " + b.spec.name());
        synchronized (this) {
            return "{\"Id\": \"" + b.id + "\", \"Name\": \"/" + b.spec.name() + "\", \"State\": {\"Status\": \"" + b.state
                    + "\", \"ExitCode\": " + (b.exitCode == null ? 0 : b.exitCode) + "}}";
        }
    }

    @Override
    public void connectNetwork(String containerId, NetworkEndpoint endpoint) {
        write("connect container " + containerId + " to " + endpoint.network());
        synchronized (this) {
            if (!networks.containsKey(endpoint.network())) {
                throw new EngineException.NotFound("network " + endpoint.network() + " not found", null);
            }
            find(containerId).networks.add(endpoint.network());
        }
    }

    @Override
    public List<NetworkInfo> listNetworks(Map<String, String> labelFilters) {
        call("list networks");
        synchronized (this) {
            return networks.values().stream().filter(n -> matches(n.labels(), labelFilters)).toList();
        }
    }

    @Override
    public Optional<NetworkInfo> inspectNetwork(String name) {
        call("inspect network " + name);
        synchronized (this) {
            NetworkInfo n = networks.get(name);
            if (n == null) {
                return Optional.empty();
            }
            List<String> users = containers.values().stream().filter(b -> "running".equals(b.state) && b.networks.contains(name))
                    .map(b -> b.id).toList();
            return Optional.of(new NetworkInfo(n.id(), n.name(), n.driver(), n.labels(), n.internal(), n.attachable(), n.enableIpv6(),
                    n.subnets(), users));
        }
    }

    @Override
    public String createNetwork(NetworkSpec spec) {
        write("create network " + spec.name());
        synchronized (this) {
            if (networks.containsKey(spec.name())) {
                throw new EngineException.Conflict("network with name " + spec.name() + " already exists", null);
            }
            String id = "net-" + ids.incrementAndGet();
            networks.put(spec.name(), new NetworkInfo(id, spec.name(), spec.driver() == null ? "bridge" : spec.driver(), spec.labels(),
                    spec.internal(), spec.attachable(), Boolean.TRUE.equals(spec.enableIpv6()), List.of(), List.of()));
            return id;
        }
    }

    @Override
    public void removeNetwork(String nameOrId) {
        synchronized (this) {
            NetworkInfo n = networkByNameOrId(nameOrId);
            write("remove network " + (n == null ? nameOrId : n.name()));
            if (n == null) {
                throw new EngineException.NotFound("network " + nameOrId + " not found", null);
            }
            boolean used = containers.values().stream().anyMatch(b -> "running".equals(b.state) && b.networks.contains(n.name()));
            if (used) {
                throw new EngineException("remove network " + n.name() + ": the engine answered 403: error while removing network: network "
                        + n.name() + " id " + n.id() + " has active endpoints");
            }
            networks.remove(n.name());
        }
    }

    @Override
    public List<VolumeInfo> listVolumes(Map<String, String> labelFilters) {
        call("list volumes");
        synchronized (this) {
            return volumes.values().stream().filter(v -> matches(v.labels(), labelFilters)).toList();
        }
    }

    @Override
    public Optional<VolumeInfo> inspectVolume(String name) {
        call("inspect volume " + name);
        synchronized (this) {
            return Optional.ofNullable(volumes.get(name));
        }
    }

    @Override
    public void createVolume(VolumeSpec spec) {
        write("create volume " + spec.name());
        synchronized (this) {
            volumes.put(spec.name(), new VolumeInfo(spec.name(), spec.driver() == null ? "local" : spec.driver(),
                    "/var/lib/docker/volumes/" + spec.name(), spec.options(), spec.labels()));
        }
    }

    @Override
    public void removeVolume(String name) {
        write("remove volume " + name);
        synchronized (this) {
            if (!volumes.containsKey(name)) {
                throw new EngineException.NotFound("volume " + name + " not found", null);
            }
            boolean used = containers.values().stream().anyMatch(b -> b.spec.mounts().stream()
                    .anyMatch(m -> m.type() == ContainerSpec.MountType.VOLUME && name.equals(m.source())));
            if (used) {
                throw new EngineException.Conflict("remove volume " + name + ": volume is in use", null);
            }
            volumes.remove(name);
        }
    }

    @Override
    public Optional<ImageInfo> inspectImage(String reference) {
        call("inspect image " + reference);
        synchronized (this) {
            return Optional.ofNullable(images.get(reference));
        }
    }

    @Override
    public Closeable events(Map<String, String> labelFilters, Consumer<EngineEvent> listener, Consumer<EngineException> onError) {
        call("events");
        Subscription s = new Subscription(Map.copyOf(labelFilters), listener);
        subscriptions.add(s);
        return () -> subscriptions.remove(s);
    }

    @Override
    public void close() {
        closed = true;
    }

    // ---------------------------------------------------------------- internals

    private void call(String description) {
        calls.add(description);
        for (Map.Entry<Predicate<String>, Runnable> hook : hooks) {
            if (hook.getKey().test(description)) {
                hook.getValue().run();
            }
        }
        for (Failure f : failures) {
            if (f.operation().test(description) && failures.remove(f)) {
                throw f.error();
            }
        }
    }

    private void write(String description) {
        call(description);
        writes.add(description);
    }

    private Box find(String idOrName) {
        Box b = containers.get(idOrName);
        if (b == null) {
            b = containers.values().stream().filter(x -> x.spec.name().equals(idOrName)).findFirst().orElse(null);
        }
        if (b == null) {
            throw new EngineException.NotFound("No such container: " + idOrName, null);
        }
        return b;
    }

    private NetworkInfo networkByNameOrId(String nameOrId) {
        NetworkInfo n = networks.get(nameOrId);
        return n != null ? n : networks.values().stream().filter(x -> x.id().equals(nameOrId)).findFirst().orElse(null);
    }

    /** The script's lines, then what the container wrote since. */
    private List<LogLine> logOf(Box b) {
        Script s = scriptOf(b);
        List<LogLine> all = new ArrayList<>(s == null ? List.of() : s.logLines);
        all.addAll(b.written);
        return all;
    }

    private static void endFollowers(Box b) {
        b.followers.forEach(FollowedLog::end);
        b.followers.clear();
    }

    private Script scriptOf(Box b) {
        Script byName = scripts.get(b.spec.name());
        return byName != null ? byName : scripts.get(b.spec.labels().get("com.docker.compose.service"));
    }

    private static boolean hasHealthcheck(ContainerSpec spec) {
        return spec.healthcheck() != null && !spec.healthcheck().test().isEmpty() && !"NONE".equals(spec.healthcheck().test().get(0));
    }

    private ContainerInfo info(Box b) {
        Map<String, ContainerInfo.Attachment> attachments = new LinkedHashMap<>();
        for (String n : b.networks) {
            NetworkInfo net = networks.get(n);
            attachments.put(n, new ContainerInfo.Attachment(net == null ? null : net.id(), null, null, List.of()));
        }
        List<ContainerInfo.MountInfo> mounts = b.spec.mounts().stream()
                .map(m -> new ContainerInfo.MountInfo(m.type().name().toLowerCase(), m.type() == ContainerSpec.MountType.VOLUME ? m.source()
                        : null, m.source(), m.target(), !m.readOnly())).toList();
        return new ContainerInfo(b.id, b.spec.name(), b.spec.image(), images.containsKey(b.spec.image()) ? images.get(b.spec.image()).id()
                : null, b.spec.labels(), b.state, "running".equals(b.state) || "exited".equals(b.state) ? b.health : null, hasHealthcheck(b.spec), b.exitCode,
                List.copyOf(b.ports), attachments, mounts);
    }

    private EngineEvent event(Box b, String action, Map<String, String> extra) {
        Map<String, String> attributes = new LinkedHashMap<>(b.spec.labels());
        attributes.put("name", b.spec.name());
        attributes.put("image", b.spec.image());
        attributes.putAll(extra);
        return new EngineEvent("container", action, b.id, attributes, clock.incrementAndGet());
    }

    private void emit(EngineEvent event) {
        for (Subscription s : subscriptions) {
            if (matches(event.attributes(), s.filters())) {
                s.listener().accept(event);
            }
        }
    }

    private static boolean matches(Map<String, String> labels, Map<String, String> filters) {
        for (Map.Entry<String, String> f : filters.entrySet()) {
            if (!labels.containsKey(f.getKey()) || (f.getValue() != null && !f.getValue().equals(labels.get(f.getKey())))) {
                return false;
            }
        }
        return true;
    }
}
