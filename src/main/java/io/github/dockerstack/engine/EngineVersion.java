package io.github.dockerstack.engine;

/**
 * What the engine says about itself.
 *
 * @param version engine version, e.g. "20.10.24"
 * @param apiVersion the API version it speaks by default, e.g. "1.41"
 * @param minApiVersion the oldest API version it accepts
 * @param os operating system, e.g. "linux"
 * @param arch architecture, e.g. "amd64"
 */
public record EngineVersion(String version, String apiVersion, String minApiVersion, String os, String arch) {
    /** True when the engine's API is at least {@code major.minor} (e.g. 1.44 = Docker Engine 25). */
    public boolean apiAtLeast(int major, int minor) {
        return ApiVersions.atLeast(apiVersion, major, minor);
    }
}
