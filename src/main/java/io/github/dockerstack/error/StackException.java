package io.github.dockerstack.error;

/**
 * Base of the core's typed errors. The Maven edge maps {@link Kind#USER} to a build failure the
 * user fixes (no stack trace), the others to execution errors.
 */
public abstract class StackException extends RuntimeException {
    /** Who has to act. */
    public enum Kind {
        /** the user's input (compose files, env files, parameters) is wrong */
        USER,
        /** a service failed (unhealthy, exited, timed out) */
        SERVICE,
        /** the engine is unreachable or refused an operation */
        ENGINE,
        /** a local I/O error */
        IO
    }

    private final Kind kind;

    protected StackException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
