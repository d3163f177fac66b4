package io.github.dockerstack.engine;

import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The port: what the core needs from a container engine, in plain values. Every method throws
 * {@link EngineException} (with {@link EngineException.NotFound}, {@link EngineException.Conflict}
 * and {@link EngineException.Unreachable} for the cases callers handle). Label filters are
 * "key=value" matches; a null value matches any container that has the key.
 */
public interface Engine extends AutoCloseable {

    // ---------------------------------------------------------------- engine

    /** The engine's version; fails with {@link EngineException.Unreachable} when none answers. */
    EngineVersion version();

    /** Checks that the engine answers. */
    void ping();

    /** The host name tests use to reach published ports: "localhost" for a local socket, else the engine's host. */
    String hostForClients();

    // ---------------------------------------------------------------- containers

    /** Containers in any state whose labels match all filters, inspected. */
    List<ContainerInfo> listContainers(Map<String, String> labelFilters);

    /**
     * The same containers from the list alone, without inspecting each: id, name, image, labels, state and mounts; no
     * health, exit code, ports or networks. Enough to take a stack down, in one call.
     */
    default List<ContainerInfo> listContainerSummaries(Map<String, String> labelFilters) {
        return listContainers(labelFilters);
    }

    /** One container by id or name; {@link EngineException.NotFound} when missing. */
    ContainerInfo inspectContainer(String idOrName);

    /**
     * Creates a container attached to {@code spec.network()}, then connects it to
     * {@code spec.additionalNetworks()} and writes {@code spec.files()} into it (it is not started;
     * when a step after the create fails, the container is removed again). Returns its id;
     * {@link EngineException.Conflict} when the name is in use. The engine's warnings about the
     * configuration (a limit the kernel cannot apply and the engine discards, ...) go to
     * {@code warnings}, one message each.
     */
    String createContainer(ContainerSpec spec, Consumer<String> warnings);

    /** {@link #createContainer(ContainerSpec, Consumer)} for callers that check the container themselves. */
    default String createContainer(ContainerSpec spec) {
        return createContainer(spec, warning -> {
        });
    }

    /** Starts a container; starting a running one is a no-op. */
    void startContainer(String id);

    /** Stops a container, killing it after {@code timeoutSeconds}; stopping a stopped one is a no-op. */
    void stopContainer(String id, int timeoutSeconds);

    /** Sends a signal (null for SIGKILL); {@link EngineException.Conflict} when it is not running. */
    void killContainer(String id, String signal);

    /** Removes a container, running or not, and with it its anonymous volumes when asked. */
    void removeContainer(String id, boolean removeAnonymousVolumes);

    /** Gives a container another name ({@link EngineException.Conflict} when the name is in use). */
    void renameContainer(String id, String newName);

    /** Blocks until the container exits; returns its exit code. */
    int waitContainer(String id);

    /**
     * Runs a command in a running container and waits for it to end, at most {@code timeout};
     * {@link EngineException.NotFound} when the container is gone, {@link EngineException.Conflict}
     * when it is not running.
     */
    ExecResult exec(String containerId, ExecSpec spec, Duration timeout);

    /** The last {@code tailLines} lines of stdout and stderr, interleaved as written. */
    String logs(String id, int tailLines);

    /**
     * Streams a container's log: each complete line of stdout and stderr, interleaved as written,
     * goes to {@code lines} on the stream's thread (a last line without line break at the end).
     * Returns once the request is under way; {@link LogStream#await()} waits for its end. Lines
     * are never split where the engine's frames split them.
     */
    default LogStream streamLogs(String containerId, LogOptions options, Consumer<LogLine> lines) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot stream container logs");
    }

    /** The engine's full inspect document of a container, as JSON text (for diagnostics; the format is the engine's). */
    default String inspectJson(String containerId) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot return a container's inspect document");
    }

    /** Connects a container to a network. */
    void connectNetwork(String containerId, NetworkEndpoint endpoint);

    // ---------------------------------------------------------------- networks

    List<NetworkInfo> listNetworks(Map<String, String> labelFilters);

    /** The network with exactly this name (not an id prefix), if any. */
    Optional<NetworkInfo> inspectNetwork(String name);

    /** Creates a network; returns its id. */
    String createNetwork(NetworkSpec spec);

    void removeNetwork(String nameOrId);

    // ---------------------------------------------------------------- volumes

    List<VolumeInfo> listVolumes(Map<String, String> labelFilters);

    Optional<VolumeInfo> inspectVolume(String name);

    void createVolume(VolumeSpec spec);

    void removeVolume(String name);

    // ---------------------------------------------------------------- images

    Optional<ImageInfo> inspectImage(String reference);

    default boolean imageExists(String reference) {
        return inspectImage(reference).isPresent();
    }

    // ---------------------------------------------------------------- events

    /**
     * Streams container events whose labels match the filters, from now on, until the returned
     * handle is closed. When this method returns the subscription is live: nothing that happens
     * afterwards is missed. The listener runs on the stream's thread.
     */
    default Closeable events(Map<String, String> labelFilters, Consumer<EngineEvent> listener) {
        return events(labelFilters, listener, e -> {
        });
    }

    /** As {@link #events(Map, Consumer)}; {@code onError} hears of a stream that broke (not of one closed by the caller). */
    Closeable events(Map<String, String> labelFilters, Consumer<EngineEvent> listener, Consumer<EngineException> onError);

    /** Releases the connection. */
    @Override
    void close();
}
