package io.github.dockerstack.stack;

import io.github.dockerstack.auth.ServerCredentials;
import io.github.dockerstack.load.LoadRequest;
import java.util.Map;

/**
 * What {@code build} builds: every selected service with a {@code build:} section, an image shared by several services once.
 *
 * @param project which project
 * @param engine which engine
 * @param force build even when the image already carries the hash of the current build inputs
 * @param noCache build every step without the engine's layer cache (implies force)
 * @param parallelism builds at once; 0 or less for {@link ImageTasks#DEFAULT_BUILD_PARALLELISM}
 * @param servers Maven settings.xml servers by id, passwords decrypted: credentials for private base images
 */
public record BuildRequest(LoadRequest project, EngineSettings engine, boolean force, boolean noCache, int parallelism,
                           Map<String, ServerCredentials> servers) {
    public BuildRequest {
        servers = servers == null ? Map.of() : Map.copyOf(servers);
    }
}
