package io.github.dockerstack.model;

/** An env_file entry: absolute path; when not required, a missing file is ignored. */
public record EnvFile(String path, boolean required, String format) {
}
