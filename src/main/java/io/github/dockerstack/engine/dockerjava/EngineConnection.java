package io.github.dockerstack.engine.dockerjava;

import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.transport.UnixSocketHttpClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Connects to the engine docker-java's configuration names: the Docker CLI's environment
 * (DOCKER_HOST, DOCKER_CONTEXT, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, DOCKER_CONFIG) first, the
 * plugin's dockerHost and dockerContext last. No API version is set: requests go unversioned, so
 * the engine answers in its own current version; that works from engine 20.10 (API 1.41) to
 * current engines, whose minimum API (1.44 and rising) a pinned old version would miss.
 */
public final class EngineConnection {
    /** Connecting to a socket or port either works at once or not at all. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Ordinary calls: generous, since creating a container on the vfs storage driver copies the
     * image. Streams (events, wait, logs) and stop, whose duration the caller chooses, use a
     * second client without a response timeout: the timeout is a socket read timeout and would cut
     * an idle event stream.
     */
    static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(5);

    /** docker-java's engine when nothing names another (DefaultDockerClientConfig's default outside Windows). */
    static final String DEFAULT_SOCKET = "unix:///var/run/docker.sock";

    private EngineConnection() {
    }

    /**
     * Opens a connection; nothing is sent until the first call.
     *
     * @param dockerHost the plugin's docker-stack.dockerHost, or null
     * @param dockerContext the plugin's docker-stack.dockerContext, or null
     */
    public static DockerJavaEngine open(String dockerHost, String dockerContext) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        DockerEndpoint endpoint = configure(builder, dockerHost, dockerContext);
        String local = localSocket(endpoint, builder);
        if (local != null) {
            // building docker-java's configuration sets up its JSON mapper: left to the first docker-java command
            Supplier<DockerClientConfig> config = () -> build(builder, endpoint); // asked once, when the clients are made
            Path socket = Path.of(URI.create(local).getPath());
            return new DockerJavaEngine(new UnixSocketHttpClient(socket, RESPONSE_TIMEOUT), new UnixSocketHttpClient(socket, null), config,
                    local, "localhost");
        }
        DockerClientConfig config = build(builder, endpoint);
        String address = config.getDockerHost().toString();
        DockerHttpClient calls;
        DockerHttpClient streams;
        try {
            calls = transport(config, RESPONSE_TIMEOUT);
            streams = transport(config, null);
        } catch (RuntimeException e) { // TLS material that cannot be loaded, an address docker-java cannot use
            throw new EngineException("Cannot set up the connection to " + address + ": " + e.getMessage(), e);
        }
        return new DockerJavaEngine(calls, streams, () -> config, address, DockerEndpoint.hostForClients(config.getDockerHost()));
    }

    static DockerClientConfig config(String dockerHost, String dockerContext) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        return build(builder, configure(builder, dockerHost, dockerContext));
    }

    /**
     * The unix socket docker-java's configuration will name, when that is known without building it:
     * the endpoint's own, or docker-java's default when no DOCKER_HOST, property or context names
     * another. Null otherwise (then the configuration is built at once).
     */
    static String localSocket(DockerEndpoint endpoint, DefaultDockerClientConfig.Builder builder) {
        String host = endpoint.host() != null ? endpoint.host()
                : builder.isDockerHostSetExplicitly() || System.getProperty("os.name", "").startsWith("Windows") ? null : DEFAULT_SOCKET;
        return host != null && host.startsWith("unix://") && endpoint.tlsDir() == null ? host : null;
    }

    /** Applies the endpoint resolved from the plugin's parameters, contexts and environment to docker-java's builder. */
    private static DockerEndpoint configure(DefaultDockerClientConfig.Builder builder, String dockerHost, String dockerContext) {
        DockerEndpoint endpoint = DockerEndpoint.resolve(dockerHost, dockerContext, builder.isDockerHostSetExplicitly(),
                System.getenv("DOCKER_CONTEXT"), dockerConfigDir());
        if (endpoint.host() != null) {
            builder.withDockerHost(endpoint.host());
        }
        if (endpoint.context() != null && !DockerEndpoint.DEFAULT_CONTEXT.equals(endpoint.context())) {
            // a context brings its own TLS settings (or none), whatever DOCKER_TLS_VERIFY says
            builder.withDockerTlsVerify(endpoint.tlsDir() != null);
            builder.withDockerCertPath(endpoint.tlsDir() != null ? endpoint.tlsDir().toString() : null);
            builder.withDockerContext(endpoint.context());
        } else {
            // keeps docker-java from applying the current context's TLS files to another host
            builder.withDockerContext(DockerEndpoint.DEFAULT_CONTEXT);
        }
        return endpoint;
    }

    private static DockerClientConfig build(DefaultDockerClientConfig.Builder builder, DockerEndpoint endpoint) {
        try {
            DefaultDockerClientConfig config = builder.build();
            DockerEndpoint.checked(config.getDockerHost().toString(), endpoint.origin());
            return config;
        } catch (DockerClientException | IllegalArgumentException e) {
            throw new EngineException("Cannot configure the Docker client (" + endpoint.origin() + "): " + e.getMessage(), e);
        }
    }

    /** Where the Docker CLI keeps config.json and contexts, as docker-java finds it. */
    static Path dockerConfigDir() {
        String dir = System.getProperty("DOCKER_CONFIG");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("DOCKER_CONFIG");
        }
        if (dir == null || dir.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".docker");
        }
        return Path.of(dir);
    }

    /** The JDK's unix-domain sockets for a local engine (quick to set up in a goal's fresh JVM), httpclient5 for TCP, TLS and named pipes. */
    static DockerHttpClient transport(DockerClientConfig config, Duration responseTimeout) {
        URI host = config.getDockerHost();
        if ("unix".equals(host.getScheme())) {
            return new UnixSocketHttpClient(Path.of(host.getPath()), responseTimeout);
        }
        return new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(50)
                .connectionTimeout(CONNECT_TIMEOUT)
                .responseTimeout(responseTimeout)
                .build();
    }
}
