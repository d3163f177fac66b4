package io.github.dockerstack.stack;

import io.github.dockerstack.load.LoadRequest;
import java.nio.file.Path;
import java.time.Duration;

/**
 * @param project which project
 * @param engine which engine
 * @param waitReady wait until every service is running (healthy where it has a healthcheck) or, when something depends on
 *             its completion, completed successfully
 * @param waitTimeout deadline of all waits (dependencies and --wait); null for 120 s
 * @param removeOrphans remove containers of services the project no longer has
 * @param parallelism services handled at once; 0 or less for 4
 * @param diagnosticsDirectory when up fails, every container's full log and inspect document are written to
 *             {@code <diagnosticsDirectory>/<project>/} before the rollback removes them; null for nowhere
 * @param images when to build and pull missing images (build / pull policies, credentials); null for the defaults
 * @param showLogs while up runs, report the output of the selected services' containers as they start, in the logs goal's
 *             columns; it stops when up returns or fails
 */
public record UpRequest(LoadRequest project, EngineSettings engine, boolean waitReady, Duration waitTimeout, boolean removeOrphans,
                        int parallelism, Path diagnosticsDirectory, UpImageOptions images, boolean showLogs) {
    /** A request that does not show the containers' logs. */
    public UpRequest(LoadRequest project, EngineSettings engine, boolean waitReady, Duration waitTimeout, boolean removeOrphans,
                     int parallelism, Path diagnosticsDirectory, UpImageOptions images) {
        this(project, engine, waitReady, waitTimeout, removeOrphans, parallelism, diagnosticsDirectory, images, false);
    }

    /** A request with the default image options: build what is missing, pull per service policy. */
    public UpRequest(LoadRequest project, EngineSettings engine, boolean waitReady, Duration waitTimeout, boolean removeOrphans,
                     int parallelism, Path diagnosticsDirectory) {
        this(project, engine, waitReady, waitTimeout, removeOrphans, parallelism, diagnosticsDirectory, null, false);
    }
}
