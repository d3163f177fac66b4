package io.github.dockerstack.engine.dockerjava;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.transport.UnixSocketHttpClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Builds the docker-java client: the Docker CLI's environment (DOCKER_HOST, DOCKER_CONTEXT,
 * DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, DOCKER_CONFIG) first, the plugin's dockerHost and
 * dockerContext last. No API version is set: requests go unversioned, so the engine answers in its
 * own current version; that works from engine 20.10 (API 1.41) to current engines, whose minimum
 * API (1.44 and rising) a pinned old version would miss.
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

    private EngineConnection() {
    }

    /**
     * Opens a connection; nothing is sent until the first call.
     *
     * @param dockerHost the plugin's docker-stack.dockerHost, or null
     * @param dockerContext the plugin's docker-stack.dockerContext, or null
     */
    public static DockerJavaEngine open(String dockerHost, String dockerContext) {
        DockerClientConfig config = config(dockerHost, dockerContext);
        String address = config.getDockerHost().toString();
        DockerClient calls;
        DockerClient streams;
        try {
            calls = client(config, RESPONSE_TIMEOUT);
            streams = client(config, null);
        } catch (RuntimeException e) { // TLS material that cannot be loaded, an address docker-java cannot use
            throw new EngineException("Cannot set up the connection to " + address + ": " + e.getMessage(), e);
        }
        return new DockerJavaEngine(calls, streams, address, DockerEndpoint.hostForClients(config.getDockerHost()));
    }

    static DockerClientConfig config(String dockerHost, String dockerContext) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
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

    private static DockerClient client(DockerClientConfig config, Duration responseTimeout) {
        return DockerClientImpl.getInstance(config, transport(config, responseTimeout));
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
