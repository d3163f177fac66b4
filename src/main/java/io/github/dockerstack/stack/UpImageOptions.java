package io.github.dockerstack.stack;

import io.github.dockerstack.auth.ServerCredentials;
import java.util.Map;

/**
 * How {@code up} gets the images it lacks.
 *
 * @param build "missing" (build images that are missing, or whose service has {@code pull_policy: build}), "always"
 *              (build every buildable image; unchanged ones are skipped by their build hash) or "never"; null for "missing"
 * @param pull a pull policy for every service that overrides its {@code pull_policy} ("always", "missing", "never",
 *             "daily", "every_12h", ...; like {@code docker compose up --pull}), or null for each service's own
 * @param buildParallelism builds at once; 0 or less for {@link ImageTasks#DEFAULT_BUILD_PARALLELISM}
 * @param servers Maven settings.xml servers by id, passwords decrypted
 */
public record UpImageOptions(String build, String pull, int buildParallelism, Map<String, ServerCredentials> servers) {
    /** Build what is missing, pull by each service's policy, anonymous or with the Docker CLI's credentials only. */
    public static final UpImageOptions DEFAULTS = new UpImageOptions(null, null, 0, Map.of());

    public UpImageOptions {
        servers = servers == null ? Map.of() : Map.copyOf(servers);
    }
}
