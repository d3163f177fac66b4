package io.github.dockerstack.model;

import java.util.Set;

/**
 * An env_file entry: absolute path; when not required, a missing file is ignored.
 *
 * @param format null or {@code dotenv} (compose-go's parser), or {@code raw} (the docker CLI's key/value lines)
 */
public record EnvFile(String path, boolean required, String format) {
    /** The formats compose v2 reads. */
    public static final Set<String> FORMATS = Set.of("dotenv", "raw");

    public boolean raw() {
        return "raw".equals(format);
    }
}
