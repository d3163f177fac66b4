package io.github.dockerstack.model;

/**
 * A dependency on another service.
 *
 * @param condition "service_started", "service_healthy" or "service_completed_successfully"
 * @param required when false, a missing or disabled dependency is ignored
 * @param restart restart this service when the dependency is updated
 */
public record DependsOn(String condition, boolean required, boolean restart) {
    public static final String STARTED = "service_started";
    public static final String HEALTHY = "service_healthy";
    public static final String COMPLETED = "service_completed_successfully";
}
