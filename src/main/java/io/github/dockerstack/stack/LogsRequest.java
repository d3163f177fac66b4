package io.github.dockerstack.stack;

import io.github.dockerstack.load.LoadRequest;
import java.nio.file.Path;

/**
 * For {@code logs}, as {@code docker compose logs} flags.
 *
 * @param project which project; its selected services (not their dependencies) narrow the containers, none selected means all
 * @param engine which engine
 * @param follow keep streaming until the containers stop or the build is interrupted ({@code -f})
 * @param tail the last this many lines of each container; null for all ({@code --tail})
 * @param since only lines since then: a duration before now ({@code 10m}, {@code 1h30m}), an RFC 3339 timestamp
 *              ({@code 2024-05-01T10:00:00Z}, without zone in local time), a date, or Unix seconds; null for all
 * @param timestamps the engine's timestamp in front of each line ({@code -t})
 * @param logDirectory write each container's log to {@code <logDirectory>/<container>.log}, without prefixes, instead of
 *             reporting the lines; null to report them
 */
public record LogsRequest(LoadRequest project, EngineSettings engine, boolean follow, Integer tail, String since, boolean timestamps,
                          Path logDirectory) {
}
