package io.github.dockerstack.stack;

import io.github.dockerstack.load.LoadRequest;
import java.nio.file.Path;
import java.time.Duration;

/**
 * @param project which project (its name; the model only gives stop grace periods and external resources)
 * @param engine which engine
 * @param removeVolumes also remove the project's named volumes
 * @param removeOrphans also remove containers of services the project does not have
 * @param failOnError throw when something could not be removed (otherwise it is only reported)
 * @param timeout stop timeout for every container; null for each service's stop_grace_period (10 s without)
 * @param logDirectory each container's whole log is saved to {@code <logDirectory>/<container>.log} once it has stopped
 *             (so its shutdown output is in) and before it is removed; null to save nothing
 */
public record DownRequest(LoadRequest project, EngineSettings engine, boolean removeVolumes, boolean removeOrphans, boolean failOnError,
                          Duration timeout, Path logDirectory) {
}
