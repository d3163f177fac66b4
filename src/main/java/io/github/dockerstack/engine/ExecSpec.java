package io.github.dockerstack.engine;

import java.util.List;
import java.util.Map;

/**
 * A command to run in a running container (a lifecycle hook).
 *
 * @param user user to run as, or null for the container's
 * @param workingDir working directory, or null for the container's
 * @param env variables added to the container's environment
 */
public record ExecSpec(List<String> command, String user, boolean privileged, String workingDir, Map<String, String> env) {
    public ExecSpec {
        command = Copies.list(command);
        env = Copies.map(env);
    }
}
