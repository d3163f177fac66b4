package io.github.dockerstack.stack;

/** What the core reports; the Maven side turns events into log lines. */
public record StackEvent(Level level, String service, String message) {
    public enum Level {
        DEBUG, INFO, WARN, ERROR
    }

    public static StackEvent warn(String message) {
        return new StackEvent(Level.WARN, null, message);
    }

    public static StackEvent info(String message) {
        return new StackEvent(Level.INFO, null, message);
    }
}
