package io.github.dockerstack.stack;

import io.github.dockerstack.load.LoadRequest;
import java.time.Duration;

/**
 * @param project which project
 * @param engine which engine
 * @param waitReady wait until every service is running (healthy where it has a healthcheck) or, when something depends on
 *             its completion, completed successfully
 * @param waitTimeout deadline of all waits (dependencies and --wait); null for 120 s
 * @param removeOrphans remove containers of services the project no longer has
 * @param parallelism services handled at once; 0 or less for 4
 */
public record UpRequest(LoadRequest project, EngineSettings engine, boolean waitReady, Duration waitTimeout, boolean removeOrphans,
                        int parallelism) {
}
