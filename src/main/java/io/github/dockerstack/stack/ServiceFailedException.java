package io.github.dockerstack.stack;

import io.github.dockerstack.error.StackException;

/**
 * A service failed: it exited, turned unhealthy, or did not get ready in time. The message names
 * the service, the reason and ends with the container's last log lines.
 */
public final class ServiceFailedException extends StackException {
    private final String service;
    private final String container;
    private final String reason;
    private final String logTail;

    public ServiceFailedException(String service, String container, String reason, String logTail, Throwable cause) {
        super(Kind.SERVICE, message(service, container, reason, logTail), cause);
        this.service = service;
        this.container = container;
        this.reason = reason;
        this.logTail = logTail;
    }

    private static String message(String service, String container, String reason, String logTail) {
        StringBuilder sb = new StringBuilder("Service '").append(service).append("' ").append(reason);
        if (container != null) {
            sb.append(" (container ").append(container).append(')');
        }
        String tail = logTail == null ? "" : logTail.stripTrailing();
        sb.append(tail.isEmpty() ? ". Its log is empty." : ". Last log lines of " + container + ":\n" + tail.indent(4).stripTrailing());
        return sb.toString();
    }

    public String service() {
        return service;
    }

    public String container() {
        return container;
    }

    public String reason() {
        return reason;
    }

    /** The container's last log lines (up to 20). */
    public String logTail() {
        return logTail;
    }
}
