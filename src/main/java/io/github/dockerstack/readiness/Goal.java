package io.github.dockerstack.readiness;

/** What a container has to reach. */
public enum Goal {
    /** running, and healthy when it has a healthcheck (depends_on service_started, and up --wait) */
    RUNNING,
    /** running and healthy (depends_on service_healthy); a container without a healthcheck fails */
    HEALTHY,
    /** exited with code 0 (depends_on service_completed_successfully) */
    COMPLETED
}
