package io.github.dockerstack.render;

import io.github.dockerstack.model.Project;
import java.util.Map;

/**
 * Renders a project the way {@code docker compose config} prints it (compose v2, compose-go's
 * types): long syntax, absolute paths, durations as Go prints them ("1m30s"), byte sizes as
 * decimal strings ("536870912"), {@code published} as a string, {@code env_file} folded into
 * {@code environment} and not printed.
 */
public final class ConfigRenderer {
    private ConfigRenderer() {
    }

    /**
     * The tree {@code docker compose config --format json} prints, in its key order: top-level
     * keys sorted (the JSON top level is a Go map), service keys in compose-go's field order,
     * {@code command}/{@code entrypoint} null when unset, no nested x-* extensions. Byte sizes are
     * strings, cpus a {@link Float}, other numbers {@link Long}/{@link Integer}/{@link Double}.
     */
    public static Map<String, Object> toTree(Project p) {
        return new ProjectTree(Flavor.JSON).project(p);
    }

    /** {@code docker compose config --format json}: Go's indented JSON, without a final newline. */
    public static String toJson(Project p) {
        return JsonOutput.write(toTree(p));
    }

    /** {@code docker compose config}: YAML, ending with a newline. */
    public static String toYaml(Project p) {
        return YamlOutput.write(new ProjectTree(Flavor.YAML).project(p));
    }
}
