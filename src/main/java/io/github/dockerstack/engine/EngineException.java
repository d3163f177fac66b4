package io.github.dockerstack.engine;

import io.github.dockerstack.error.StackException;

/**
 * The engine refused an operation or could not be reached. {@link NotFound} and {@link Conflict}
 * let callers handle "already gone" and "name in use" without parsing messages.
 */
public class EngineException extends StackException {
    private final String reason;

    public EngineException(String message) {
        this(message, null);
    }

    public EngineException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /** @param reason the engine's own words, without the operation the message starts with; null when the message is all */
    public EngineException(String message, String reason, Throwable cause) {
        super(Kind.ENGINE, message, cause);
        this.reason = reason;
    }

    /** Why the engine refused, without what was being done: for messages that name the operation their own way. */
    public String reason() {
        return reason != null ? reason : getMessage();
    }

    /** No engine answers at the configured address. */
    public static Unreachable unreachable(String address, Throwable cause) {
        String reason = cause == null || cause.getMessage() == null ? "" : " (" + rootMessage(cause) + ")";
        return new Unreachable(address, "No Docker engine answers at " + address + reason + ". Start one (on Debian: `bash scripts/engine.sh`"
                + " as root), or point the plugin at a running engine with DOCKER_HOST / DOCKER_CONTEXT or the parameters"
                + " docker-stack.dockerHost / docker-stack.dockerContext.", cause);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    /** The engine cannot be reached; {@link #address()} is the endpoint that was tried. */
    public static final class Unreachable extends EngineException {
        private final String address;

        Unreachable(String address, String message, Throwable cause) {
            super(message, cause);
            this.address = address;
        }

        public String address() {
            return address;
        }
    }

    /** The container, network, volume or image does not exist (HTTP 404). */
    public static final class NotFound extends EngineException {
        public NotFound(String message, Throwable cause) {
            super(message, cause);
        }

        public NotFound(String message, String reason, Throwable cause) {
            super(message, reason, cause);
        }
    }

    /** The name is in use, or the object is in a state that forbids the operation (HTTP 409). */
    public static final class Conflict extends EngineException {
        public Conflict(String message, Throwable cause) {
            super(message, cause);
        }

        public Conflict(String message, String reason, Throwable cause) {
            super(message, reason, cause);
        }
    }
}
