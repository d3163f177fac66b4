package io.github.dockerstack.stack;

import io.github.dockerstack.model.Project;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * @param project the resolved project
 * @param host the host name clients reach published ports at
 * @param services per service, its containers and published ports
 * @param plan the plan that was run, one operation a line
 * @param took how long the call took
 * @param containers every container of the selected services as up left it (state, health, ports), by service then name:
 *             the end-of-up summary
 */
public record UpResult(Project project, String host, Map<String, ServiceEndpoint> services, String plan, Duration took,
                       List<PsRow> containers) {
    public UpResult {
        containers = containers == null ? List.of() : List.copyOf(containers);
    }

    /** Without the container summary. */
    public UpResult(Project project, String host, Map<String, ServiceEndpoint> services, String plan, Duration took) {
        this(project, host, services, plan, took, List.of());
    }
}
