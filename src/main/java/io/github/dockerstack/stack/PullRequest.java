package io.github.dockerstack.stack;

import io.github.dockerstack.auth.ServerCredentials;
import io.github.dockerstack.load.LoadRequest;
import java.util.Map;

/**
 * What {@code pull} pulls: the images of the selected services that name one, as {@code docker compose pull} does.
 *
 * @param project which project
 * @param engine which engine
 * @param policy a pull policy for every service ("always", "missing", ...; like {@code docker compose pull --policy}),
 *               or null for each service's {@code pull_policy}
 * @param servers Maven settings.xml servers by id, passwords decrypted
 */
public record PullRequest(LoadRequest project, EngineSettings engine, String policy, Map<String, ServerCredentials> servers) {
    public PullRequest {
        servers = servers == null ? Map.of() : Map.copyOf(servers);
    }
}
