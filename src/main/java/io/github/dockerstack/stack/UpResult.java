package io.github.dockerstack.stack;

import io.github.dockerstack.model.Project;
import java.time.Duration;
import java.util.Map;

/**
 * @param project the resolved project
 * @param host the host name clients reach published ports at
 * @param services per service, its containers and published ports
 * @param plan the plan that was run, one operation a line
 * @param took how long the call took
 */
public record UpResult(Project project, String host, Map<String, ServiceEndpoint> services, String plan, Duration took) {
}
