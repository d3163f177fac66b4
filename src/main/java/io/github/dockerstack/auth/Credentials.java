package io.github.dockerstack.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.dockerstack.engine.RegistryAuth;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Registry credentials for an image, found where the Docker CLI finds them plus in Maven's
 * settings. In order, the first that has an entry for the image's registry wins:
 * <ol>
 * <li>a Maven settings.xml {@code <server>} whose id is the registry host ("127.0.0.1:5000"), or
 * the host without its port, or for Docker Hub any of docker.io, index.docker.io,
 * registry-1.docker.io, https://index.docker.io/v1/ (explicit for this build, so it comes first);</li>
 * <li>config.json {@code credHelpers} for the registry: that helper;</li>
 * <li>config.json {@code credsStore}: that helper (as the CLI, the helper alone then decides);</li>
 * <li>config.json {@code auths}: the entry whose key is the registry (a URL key counts by its host).</li>
 * </ol>
 * config.json is {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}. Nothing
 * here prints a secret.
 */
public final class Credentials {
    private final DockerConfig config;
    private final Map<String, ServerCredentials> mavenServers;
    private final List<Path> helperPath;

    /**
     * @param dockerConfigDir the directory holding config.json, or null for none
     * @param mavenServers settings.xml servers by id (passwords decrypted)
     * @param helperPath where to look for credential helper programs
     */
    public Credentials(Path dockerConfigDir, Map<String, ServerCredentials> mavenServers, List<Path> helperPath) {
        this.config = dockerConfigDir == null ? DockerConfig.empty() : DockerConfig.read(dockerConfigDir);
        this.mavenServers = mavenServers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(mavenServers));
        this.helperPath = List.copyOf(helperPath);
    }

    /** No credentials at all. */
    public static Credentials none() {
        return new Credentials(null, Map.of(), List.of());
    }

    /** The CLI's config ({@code DOCKER_CONFIG} as system property or environment, else ~/.docker), helpers on the PATH. */
    public static Credentials fromEnvironment(Map<String, ServerCredentials> mavenServers) {
        return new Credentials(dockerConfigDir(), mavenServers, pathDirectories(System.getenv("PATH")));
    }

    /** Where the Docker CLI keeps config.json. */
    public static Path dockerConfigDir() {
        String dir = System.getProperty("DOCKER_CONFIG");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("DOCKER_CONFIG");
        }
        return dir == null || dir.isBlank() ? Path.of(System.getProperty("user.home"), ".docker") : Path.of(dir);
    }

    static List<Path> pathDirectories(String path) {
        List<Path> dirs = new ArrayList<>();
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        return dirs;
    }

    /**
     * Credentials found, and where (for logs; never the secret).
     *
     * @param auth the credentials, with the server address the engine expects
     * @param origin "Maven settings server 'id'", "credential helper docker-credential-pass", "/path/config.json auths.KEY"
     */
    public record Found(RegistryAuth auth, String origin) {
    }

    /** Credentials for the registry of {@code imageReference} ("busybox", "127.0.0.1:5000/app:1"). */
    public Optional<RegistryAuth> forImage(String imageReference) {
        return forRegistry(RegistryHosts.registryOf(imageReference));
    }

    /** Credentials for a registry ("127.0.0.1:5000", "docker.io", "https://index.docker.io/v1/"). */
    public Optional<RegistryAuth> forRegistry(String registry) {
        return lookup(registry).map(Found::auth);
    }

    /** As {@link #forRegistry(String)}, saying where they came from. */
    public Optional<Found> lookup(String registry) {
        String server = RegistryHosts.serverAddress(registry);
        Optional<Found> maven = fromMaven(registry, server);
        if (maven.isPresent()) {
            return maven;
        }
        String where = config.file() == null ? "config.json" : config.file().toString();
        for (Map.Entry<String, String> helper : config.credHelpers().entrySet()) {
            if (RegistryHosts.same(helper.getKey(), registry)) {
                CredentialHelper h = new CredentialHelper(helper.getValue(), helperPath);
                return h.get(server, server, where + " credHelpers." + helper.getKey()).map(a -> new Found(a, "credential helper " + h.program()));
            }
        }
        if (config.credsStore() != null) {
            CredentialHelper h = new CredentialHelper(config.credsStore(), helperPath);
            return h.get(server, server, where + " credsStore").map(a -> new Found(a, "credential helper " + h.program()));
        }
        DockerConfig.Entry entry = config.auths().get(server);
        String key = server;
        if (entry == null) {
            for (Map.Entry<String, DockerConfig.Entry> e : config.auths().entrySet()) {
                if (RegistryHosts.same(e.getKey(), registry)) {
                    entry = e.getValue();
                    key = e.getKey();
                    break;
                }
            }
        }
        if (entry == null || entry.username() == null && entry.identityToken() == null && entry.registryToken() == null) {
            return Optional.empty();
        }
        return Optional.of(new Found(new RegistryAuth(server, entry.username(), entry.password(), entry.identityToken(), entry.registryToken()),
                where + " auths." + key));
    }

    /**
     * Every registry's credentials this build knows, by server address, as the Docker CLI's
     * {@code GetAllCredentials}: the registries of config.json's auths and credHelpers, those the
     * credsStore lists, and the Maven servers (which win, as in {@link #lookup}).
     */
    public Map<String, RegistryAuth> all() {
        Set<String> registries = new LinkedHashSet<>(config.auths().keySet());
        registries.addAll(config.credHelpers().keySet());
        if (config.credsStore() != null) {
            String where = config.file() == null ? "config.json" : config.file().toString();
            registries.addAll(new CredentialHelper(config.credsStore(), helperPath).list(where + " credsStore"));
        }
        registries.addAll(mavenServers.keySet());
        Map<String, RegistryAuth> all = new LinkedHashMap<>();
        for (String registry : registries) {
            lookup(registry).ifPresent(found -> all.putIfAbsent(found.auth().serverAddress(), found.auth()));
        }
        return all;
    }

    /** A Docker CLI config.json holding the credentials, as the CLI writes them. */
    public static String configJson(Map<String, RegistryAuth> credentials) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeObjectFieldStart("auths");
            for (Map.Entry<String, RegistryAuth> e : credentials.entrySet()) {
                RegistryAuth auth = e.getValue();
                json.writeObjectFieldStart(e.getKey());
                if (auth.username() != null) {
                    String pair = auth.username() + ":" + (auth.password() == null ? "" : auth.password());
                    json.writeStringField("auth", Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
                }
                if (auth.identityToken() != null) {
                    json.writeStringField("identitytoken", auth.identityToken());
                }
                if (auth.registryToken() != null) {
                    json.writeStringField("registrytoken", auth.registryToken());
                }
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        return out.toString();
    }

    private Optional<Found> fromMaven(String registry, String server) {
        if (mavenServers.isEmpty()) {
            return Optional.empty();
        }
        String host = RegistryHosts.hostOf(registry);
        boolean hub = RegistryHosts.isDockerHub(registry);
        String portless = RegistryHosts.withoutPort(host);
        String best = null;
        for (String id : mavenServers.keySet()) {
            if (hub ? RegistryHosts.isDockerHub(id) : RegistryHosts.hostOf(id).equals(host)) {
                best = id;
                break;
            }
            if (!hub && best == null && !portless.equals(host) && RegistryHosts.hostOf(id).equals(portless)) {
                best = id; // the host without port: a server for every port, used unless one names the port
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        ServerCredentials c = mavenServers.get(best);
        return Optional.of(new Found(RegistryAuth.basic(server, c.username(), c.password()), "Maven settings server '" + best + "'"));
    }

    @Override
    public String toString() {
        return "Credentials[" + config + ", maven servers=" + mavenServers.keySet() + "]";
    }
}
