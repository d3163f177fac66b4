package io.github.dockerstack.engine.dockerjava;

import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.json.JsonFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which engine to talk to, decided as the Docker CLI does: the plugin's dockerHost, then its
 * dockerContext, then DOCKER_HOST, then DOCKER_CONTEXT, then {@code currentContext} of
 * {@code $DOCKER_CONFIG/config.json}, then the default socket.
 *
 * <p>docker-java reads contexts too, but silently falls back on the default socket when a named
 * context does not exist, lets DOCKER_HOST win over an explicit context, and applies the current
 * context's TLS files even to a DOCKER_HOST it did not come from; so contexts are resolved here and
 * docker-java gets the result.
 *
 * @param host the endpoint ("unix:///...", "tcp://host:port", "npipe://..."), or null to keep what
 *             docker-java found (DOCKER_HOST, or its default socket)
 * @param context name of the context used, or null
 * @param tlsDir directory with ca.pem, cert.pem and key.pem of the context, or null
 * @param origin where the choice came from, for messages
 */
record DockerEndpoint(String host, String context, Path tlsDir, String origin) {
    static final String DEFAULT_CONTEXT = "default";

    /**
     * @param paramHost the plugin's dockerHost parameter, or null
     * @param paramContext the plugin's dockerContext parameter, or null
     * @param envHostSet whether docker-java found a host itself (DOCKER_HOST in the environment, a system property or ~/.docker-java.properties)
     * @param envContext DOCKER_CONTEXT, or null
     * @param dockerConfigDir the Docker CLI configuration directory (DOCKER_CONFIG or ~/.docker)
     */
    static DockerEndpoint resolve(String paramHost, String paramContext, boolean envHostSet, String envContext, Path dockerConfigDir) {
        if (!blank(paramHost)) {
            if (!blank(paramContext)) {
                throw new EngineException("Both docker-stack.dockerHost (" + paramHost + ") and docker-stack.dockerContext (" + paramContext
                        + ") are set: set only one of them.");
            }
            return new DockerEndpoint(checked(paramHost.trim(), "docker-stack.dockerHost"), null, null, "docker-stack.dockerHost");
        }
        if (!blank(paramContext)) {
            return fromContext(paramContext.trim(), "docker-stack.dockerContext", dockerConfigDir);
        }
        if (envHostSet) {
            return new DockerEndpoint(null, null, null, "DOCKER_HOST");
        }
        if (!blank(envContext)) {
            return fromContext(envContext.trim(), "DOCKER_CONTEXT", dockerConfigDir);
        }
        Path config = dockerConfigDir.resolve("config.json");
        String current = currentContext(config);
        if (!blank(current)) {
            return fromContext(current.trim(), "currentContext in " + config, dockerConfigDir);
        }
        return new DockerEndpoint(null, null, null, "the default socket");
    }

    private static DockerEndpoint fromContext(String name, String origin, Path dockerConfigDir) {
        if (DEFAULT_CONTEXT.equals(name)) {
            return new DockerEndpoint(null, DEFAULT_CONTEXT, null, "context default (" + origin + ")");
        }
        String digest = sha256(name);
        Path meta = dockerConfigDir.resolve("contexts").resolve("meta").resolve(digest).resolve("meta.json");
        if (!Files.isRegularFile(meta)) {
            throw new EngineException("Docker context '" + name + "' (from " + origin + ") does not exist: there is no " + meta
                    + ". List the contexts with `docker context ls`, or set DOCKER_HOST / docker-stack.dockerHost instead.");
        }
        String host;
        try {
            host = JsonFiles.string(JsonFiles.read(meta), "Endpoints", "docker", "Host");
        } catch (IOException | RuntimeException e) {
            throw new EngineException("Docker context '" + name + "': cannot read " + meta + ": " + e.getMessage(), e);
        }
        if (blank(host)) {
            throw new EngineException("Docker context '" + name + "' (" + meta + ") has no Endpoints.docker.Host.");
        }
        Path tls = dockerConfigDir.resolve("contexts").resolve("tls").resolve(digest).resolve("docker");
        return new DockerEndpoint(checked(host, "context " + name), name, Files.isDirectory(tls) ? tls : null,
                "context " + name + " (" + origin + ")");
    }

    private static String currentContext(Path configJson) {
        if (!Files.isRegularFile(configJson)) {
            return null;
        }
        try {
            return JsonFiles.string(JsonFiles.read(configJson), "currentContext");
        } catch (IOException | RuntimeException e) {
            throw new EngineException("Cannot read the Docker CLI configuration " + configJson + ": " + e.getMessage(), e);
        }
    }

    /** Only the schemes docker-java's transport speaks; ssh:// gets a way out. */
    static String checked(String host, String origin) {
        String scheme;
        try {
            scheme = URI.create(host).getScheme();
        } catch (IllegalArgumentException e) {
            throw new EngineException("Docker host '" + host + "' (from " + origin + ") is not a valid address: " + e.getMessage(), e);
        }
        if ("ssh".equals(scheme)) {
            throw new EngineException("Docker host '" + host + "' (from " + origin + "): ssh:// engines are not supported. Forward the"
                    + " engine's socket instead, e.g. `ssh -nNT -L /tmp/docker.sock:/var/run/docker.sock HOST` and DOCKER_HOST=unix:///tmp/docker.sock.");
        }
        if (!"unix".equals(scheme) && !"tcp".equals(scheme) && !"npipe".equals(scheme)) {
            throw new EngineException("Docker host '" + host + "' (from " + origin + ") must start with unix://, tcp:// or npipe://.");
        }
        return host;
    }

    /** The host tests use to reach ports the engine publishes. */
    static String hostForClients(URI dockerHost) {
        if (dockerHost == null || !"tcp".equals(dockerHost.getScheme())) {
            return "localhost"; // unix socket or named pipe: the engine runs on this machine
        }
        String host = dockerHost.getHost();
        if (host == null || host.isEmpty() || host.equals("0.0.0.0") || host.equals("[::]") || host.equals("::")) {
            return "localhost";
        }
        return host;
    }

    /** The Docker CLI names a context's directories by the SHA-256 of its name. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
