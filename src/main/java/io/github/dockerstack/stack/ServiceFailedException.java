package io.github.dockerstack.stack;

import io.github.dockerstack.error.StackException;
import java.nio.file.Path;

/**
 * A service failed: it exited, turned unhealthy, or did not get ready in time. The message names
 * the service, the reason and ends with the container's last log lines.
 */
public final class ServiceFailedException extends StackException {
    private final String service;
    private final String container;
    private final String reason;
    private final String logTail;
    private final transient Path diagnostics;

    public ServiceFailedException(String service, String container, String reason, String logTail, Throwable cause) {
        this(service, container, reason, logTail, null, cause);
    }

    /** With the directory where every container's log and inspect document were saved before the rollback (or null). */
    public ServiceFailedException(String service, String container, String reason, String logTail, Path diagnostics, Throwable cause) {
        super(Kind.SERVICE, message(service, container, reason, logTail, diagnostics), cause);
        this.service = service;
        this.container = container;
        this.reason = reason;
        this.logTail = logTail;
        this.diagnostics = diagnostics;
    }

    private static String message(String service, String container, String reason, String logTail, Path diagnostics) {
        StringBuilder sb = new StringBuilder("Service '").append(service).append("' ").append(reason);
        if (container != null) {
            sb.append(" (container ").append(container).append(')');
        }
        String tail = logTail == null ? "" : logTail.stripTrailing();
        sb.append(tail.isEmpty() ? ". Its log is empty." : ". Last log lines of " + container + ":\n" + tail.indent(4).stripTrailing());
        if (diagnostics != null) {
            sb.append("\nThe full logs and inspect documents of the project's containers were saved to ").append(diagnostics);
        }
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

    /** Where the containers' full logs and inspect documents were saved, or null. */
    public Path diagnostics() {
        return diagnostics;
    }

    /** The container's last log lines (up to 20). */
    public String logTail() {
        return logTail;
    }
}
