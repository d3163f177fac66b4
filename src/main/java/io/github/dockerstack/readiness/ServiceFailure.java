package io.github.dockerstack.readiness;

/**
 * A service's container did not reach its goal: it exited, turned unhealthy, was removed, or the
 * deadline passed. The caller adds the container's log tail before it removes anything, and turns
 * this into the facade's exception.
 */
public final class ServiceFailure extends RuntimeException {
    private final String service;
    private final String containerId;
    private final String containerName;
    private final String reason;
    private final boolean timedOut;
    private final String logTail;

    public ServiceFailure(String service, String containerId, String containerName, String reason, boolean timedOut) {
        this(service, containerId, containerName, reason, timedOut, null);
    }

    private ServiceFailure(String service, String containerId, String containerName, String reason, boolean timedOut, String logTail) {
        super("Service '" + service + "' " + reason + " (container " + containerName + ")", null, true, false);
        this.service = service;
        this.containerId = containerId;
        this.containerName = containerName;
        this.reason = reason;
        this.timedOut = timedOut;
        this.logTail = logTail;
    }

    /** The same failure with the container's last log lines. */
    public ServiceFailure withLogTail(String lines) {
        return new ServiceFailure(service, containerId, containerName, reason, timedOut, lines);
    }

    /** The same failure, explained further (e.g. which service needed it). */
    public ServiceFailure withReason(String newReason) {
        return new ServiceFailure(service, containerId, containerName, newReason, timedOut, logTail);
    }

    public String service() {
        return service;
    }

    public String containerId() {
        return containerId;
    }

    public String containerName() {
        return containerName;
    }

    /** What happened, e.g. "exited with code 1", "is unhealthy", "did not become healthy within 120 s". */
    public String reason() {
        return reason;
    }

    public boolean timedOut() {
        return timedOut;
    }

    /** The container's last log lines, or null when not (yet) read. */
    public String logTail() {
        return logTail;
    }
}
