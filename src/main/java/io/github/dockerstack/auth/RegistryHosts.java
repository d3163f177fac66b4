package io.github.dockerstack.auth;

import io.github.dockerstack.engine.ImageReference;
import java.util.Locale;
import java.util.Set;

/** Registry names as the Docker CLI compares them. */
public final class RegistryHosts {
    /** The key Docker Hub credentials are stored under (config.json, credential helpers). */
    public static final String DOCKER_HUB_SERVER = "https://index.docker.io/v1/";
    /** Names that all mean Docker Hub. */
    static final Set<String> DOCKER_HUB_ALIASES = Set.of("docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com");

    private RegistryHosts() {
    }

    /**
     * The host of a registry key, as the CLI's {@code ConvertToHostname}: the scheme and any path
     * are dropped ("https://127.0.0.1:5000/v2/" becomes "127.0.0.1:5000"), lower-cased.
     */
    public static String hostOf(String key) {
        String s = key.strip();
        if (s.startsWith("http://")) {
            s = s.substring(7);
        } else if (s.startsWith("https://")) {
            s = s.substring(8);
        }
        int slash = s.indexOf('/');
        return (slash >= 0 ? s.substring(0, slash) : s).toLowerCase(Locale.ROOT);
    }

    /** True for any name of Docker Hub, also "https://index.docker.io/v1/". */
    public static boolean isDockerHub(String key) {
        return DOCKER_HUB_ALIASES.contains(hostOf(key));
    }

    /** The registry of an image reference: "docker.io" for Docker Hub images. */
    public static String registryOf(String imageReference) {
        return ImageReference.parse(imageReference).registry();
    }

    /** The server address the CLI uses for a registry: Docker Hub's legacy URL, else the host. */
    public static String serverAddress(String registry) {
        return isDockerHub(registry) ? DOCKER_HUB_SERVER : hostOf(registry);
    }

    /** Whether two registry keys name the same registry. */
    static boolean same(String a, String b) {
        return isDockerHub(a) ? isDockerHub(b) : hostOf(a).equals(hostOf(b));
    }

    /** The host without its port ("127.0.0.1:5000" to "127.0.0.1"); IPv6 brackets are kept. */
    static String withoutPort(String host) {
        int colon = host.lastIndexOf(':');
        int bracket = host.lastIndexOf(']');
        return colon > bracket ? host.substring(0, colon) : host;
    }
}
