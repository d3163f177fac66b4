package io.github.dockerstack.model;

/**
 * A service's use of a secret or config.
 *
 * @param source key in the project's secrets/configs
 * @param target path (or name) inside the container, or null for the default
 * @param uid owner uid, or null
 * @param gid owner gid, or null
 * @param mode file mode, or null
 */
public record FileReference(String source, String target, String uid, String gid, Integer mode) {
}
