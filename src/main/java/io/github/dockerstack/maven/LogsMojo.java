package io.github.dockerstack.maven;

import io.github.dockerstack.stack.LogsRequest;
import io.github.dockerstack.stack.LogsResult;
import io.github.dockerstack.stack.Stack;
import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Shows the containers' logs, as {@code docker compose logs} does: every line behind its
 * container's column ({@code web-1  | ...}), or one file per container with logDirectory. No
 * default phase: to keep the logs of an integration-test run as build output, bind it to
 * {@code post-integration-test} before {@code down}.
 */
@Mojo(name = "logs", threadSafe = true, requiresProject = false)
public class LogsMojo extends AbstractEngineMojo {
    /** Keeps streaming new lines until the containers stop or the build is interrupted (Ctrl-C), like {@code -f}. */
    @Parameter(property = "docker-stack.follow", defaultValue = "false")
    private boolean follow;

    /** Only the last this many lines of each container, like {@code --tail}: a number, or {@code all}. */
    @Parameter(property = "docker-stack.tail", defaultValue = "all")
    private String tail;

    /**
     * Only lines since then, like {@code --since}: a duration before now ({@code 10m}, {@code 1h30m}), an RFC 3339
     * timestamp ({@code 2024-05-01T10:00:00Z}; without zone, local time), a date or Unix seconds.
     */
    @Parameter(property = "docker-stack.since")
    private String since;

    /** Puts the engine's timestamp in front of each line, like {@code -t}. */
    @Parameter(property = "docker-stack.timestamps", defaultValue = "false")
    private boolean timestamps;

    /** Writes each container's log to {@code <logDirectory>/<container>.log}, without the column, instead of printing it. */
    @Parameter(property = "docker-stack.logDirectory")
    private File logDirectory;

    @Override
    protected void run(Stack stack) throws MojoFailureException {
        LogsResult r = stack.logs(new LogsRequest(loadRequest(), engineSettings(), follow, tail(tail), since, timestamps,
                logDirectory == null ? null : logDirectory.toPath()));
        if (!r.files().isEmpty()) {
            getLog().info("docker-stack: logs of project " + r.project() + " written to " + logDirectory + " (" + r.files().size()
                    + " files)");
        }
    }

    /** "all" (or nothing) for every line, else a count; a negative count means all, as the engine takes it. */
    static Integer tail(String value) throws MojoFailureException {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("all")) {
            return null;
        }
        try {
            int lines = Integer.parseInt(value.trim());
            return lines < 0 ? null : lines;
        } catch (NumberFormatException e) {
            throw new MojoFailureException("docker-stack.tail: '" + value + "' is not a number of lines; use a number like 100, or all.");
        }
    }
}
