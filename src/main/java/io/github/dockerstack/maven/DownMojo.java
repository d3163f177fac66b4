package io.github.dockerstack.maven;

import io.github.dockerstack.stack.DownRequest;
import io.github.dockerstack.stack.DownResult;
import io.github.dockerstack.stack.Stack;
import java.io.File;
import java.time.Duration;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Stops and removes the project's containers and networks, as {@code docker compose down} does.
 * Everything is found by the project label, so it works in a new Maven invocation and for stacks
 * {@code docker compose} started. Idempotent; problems are warnings unless failOnDownError. Each
 * container's log is saved before it is removed (saveLogsOnDown), so the logs of a test run
 * outlive its stack.
 */
@Mojo(name = "down", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class DownMojo extends AbstractEngineMojo {
    /** Also removes the project's named volumes (external volumes never). */
    @Parameter(property = "docker-stack.removeVolumes", defaultValue = "false")
    private boolean removeVolumes;

    /** Also removes containers of services no longer in the compose files. */
    @Parameter(property = "docker-stack.removeOrphans", defaultValue = "true")
    private boolean removeOrphans;

    /** Seconds a container may take to stop before it is killed, for every service (like {@code docker compose down -t}); default: each service's stop_grace_period, else 10. */
    @Parameter(property = "docker-stack.stopTimeout")
    private Integer stopTimeout;

    /** Fails the build when something could not be removed. */
    @Parameter(property = "docker-stack.failOnDownError", defaultValue = "false")
    private boolean failOnDownError;

    /** Saves each container's whole log to {@code <logDirectory>/<container>.log}, after stopping and before removing it. */
    @Parameter(property = "docker-stack.saveLogsOnDown", defaultValue = "true")
    private boolean saveLogsOnDown;

    /** Where down saves the containers' logs. */
    @Parameter(property = "docker-stack.logDirectory", defaultValue = "${project.build.directory}/docker-stack/logs")
    private File logDirectory;

    @Override
    protected void run(Stack stack) throws MojoFailureException {
        DownResult r = stack.down(new DownRequest(loadRequest(), engineSettings(), removeVolumes, removeOrphans, failOnDownError,
                stopTimeout == null ? null : Duration.ofSeconds(stopTimeout), saveLogsOnDown && logDirectory != null ? logDirectory.toPath()
                : null));
        AbortGuard.jvm().release(stackKey());
        r.problems().forEach(p -> getLog().warn("docker-stack: " + p));
        getLog().info("docker-stack: project " + r.project() + " is down in " + r.took().toMillis() + " ms: removed " + r.containersRemoved()
                + " containers, " + r.networksRemoved() + " networks, " + r.volumesRemoved() + " volumes");
    }
}
