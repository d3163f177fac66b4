package io.github.dockerstack.engine;

/** Comparisons of engine API versions ("1.41"). */
public final class ApiVersions {
    private ApiVersions() {
    }

    /** True when {@code version} is at least {@code major.minor}; an unparsable version counts as older. */
    public static boolean atLeast(String version, int major, int minor) {
        if (version == null) {
            return false;
        }
        String[] parts = version.trim().split("\\.");
        try {
            int ma = Integer.parseInt(parts[0]);
            int mi = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return ma > major || (ma == major && mi >= minor);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
