package io.github.dockerstack.stack;

/**
 * What the core reports; the Maven side turns events into log lines.
 *
 * @param level how important it is
 * @param service the service it concerns, or null
 * @param message the text (for container output: the log line itself)
 * @param prefix for container output only: the column in front of the line, as {@code docker compose logs} prints it
 *               ({@code "web-1  | "}); the Maven side prints such lines as they are, not as log messages. Null for
 *               everything else.
 */
public record StackEvent(Level level, String service, String message, String prefix) {
    public enum Level {
        DEBUG, INFO, WARN, ERROR
    }

    /** A progress or diagnostic message. */
    public StackEvent(Level level, String service, String message) {
        this(level, service, message, null);
    }

    public static StackEvent warn(String message) {
        return new StackEvent(Level.WARN, null, message);
    }

    public static StackEvent info(String message) {
        return new StackEvent(Level.INFO, null, message);
    }

    /** One line a container wrote, with its column. */
    public static StackEvent output(String service, String prefix, String line) {
        return new StackEvent(Level.INFO, service, line, prefix);
    }

    /** True for a container's output line. */
    public boolean isOutput() {
        return prefix != null;
    }

    /** The line as {@code docker compose logs} prints it: the prefix (if any), then the message. */
    public String text() {
        return prefix == null ? message : prefix + message;
    }
}
