package io.github.dockerstack.engine;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An image reference split as the Docker CLI normalises it: a first path component with a dot, a
 * colon or named "localhost" is a registry host, anything else lives on Docker Hub
 * ({@code docker.io}, where a single-component name gets the {@code library/} prefix).
 *
 * @param registry registry host with optional port ("docker.io", "127.0.0.1:5000")
 * @param path repository path below the registry ("library/busybox", "team/app")
 * @param tag tag, or null (see {@link #tagOrDigest()})
 * @param digest digest ("sha256:..."), or null
 */
public record ImageReference(String registry, String path, String tag, String digest) {
    /** Docker Hub as references name it. */
    public static final String DOCKER_HUB = "docker.io";
    /** The tag a reference without tag and digest means. */
    public static final String DEFAULT_TAG = "latest";

    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+");
    private static final Pattern SHA256 = Pattern.compile("sha256:[a-f0-9]{64}");
    private static final Pattern HOST = Pattern.compile("(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
            + "|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?");

    /** Parses {@code reference}; {@link ImageReferenceException} names what is wrong. */
    public static ImageReference parse(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new ImageReferenceException(reference, "it is empty");
        }
        String rest = reference.trim();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches() || (digest.startsWith("sha256:") && !SHA256.matcher(digest).matches())) {
                throw new ImageReferenceException(reference, "the digest '" + digest + "' is not ALGORITHM:HEX (sha256: and 64 hex digits)");
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0 && rest.indexOf('/', colon) < 0) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw new ImageReferenceException(reference, "the tag '" + tag + "' is not valid (letters, digits, '_', '.', '-', at most 128)");
            }
        }
        String registry = DOCKER_HUB;
        String path = rest;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost") || !first.equals(first.toLowerCase(Locale.ROOT))) {
                registry = first;
                path = rest.substring(slash + 1);
                if (!HOST.matcher(registry).matches()) {
                    throw new ImageReferenceException(reference, "the registry host '" + registry + "' is not valid");
                }
            }
        }
        if (registry.equals("index.docker.io")) {
            registry = DOCKER_HUB;
        }
        if (registry.equals(DOCKER_HUB) && path.indexOf('/') < 0) {
            path = "library/" + path;
        }
        for (String component : path.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                String why = component.isEmpty() ? "it has an empty path component"
                        : !component.equals(component.toLowerCase(Locale.ROOT)) ? "repository names must be lowercase ('" + component + "')"
                        : "'" + component + "' is not a valid repository name component";
                throw new ImageReferenceException(reference, why);
            }
        }
        return new ImageReference(registry, path, tag, digest);
    }

    /** True for Docker Hub. */
    public boolean dockerHub() {
        return DOCKER_HUB.equals(registry);
    }

    /** The repository with its registry: "docker.io/library/busybox", "127.0.0.1:5000/app". */
    public String repository() {
        return registry + "/" + path;
    }

    /** The repository as the Docker CLI prints it: "busybox", "team/app", "127.0.0.1:5000/app". */
    public String familiarRepository() {
        if (!dockerHub()) {
            return repository();
        }
        return path.startsWith("library/") && path.indexOf('/', 8) < 0 ? path.substring(8) : path;
    }

    /** The digest if any, else the tag, else "latest": what a pull asks the registry for. */
    public String tagOrDigest() {
        return digest != null ? digest : tag != null ? tag : DEFAULT_TAG;
    }

    /** The reference with its tag defaulted: "busybox:latest", "127.0.0.1:5000/app@sha256:...". */
    public String familiar() {
        return familiarRepository() + (digest != null ? "@" + digest : ":" + (tag != null ? tag : DEFAULT_TAG));
    }

    /** Fully qualified: "docker.io/library/busybox:latest". */
    @Override
    public String toString() {
        return repository() + (tag != null || digest == null ? ":" + (tag != null ? tag : DEFAULT_TAG) : "") + (digest != null ? "@" + digest : "");
    }
}
