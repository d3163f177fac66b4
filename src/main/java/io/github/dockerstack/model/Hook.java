package io.github.dockerstack.model;

import java.util.List;
import java.util.Map;

/** A post_start or pre_stop lifecycle hook: a command run in the service's container. */
public record Hook(List<String> command, String user, Boolean privileged, String workingDir, Map<String, String> environment) {
    public Hook {
        command = Lists.copy(command);
        environment = Maps.copy(environment);
    }
}
