package io.github.dockerstack.engine;

/**
 * One line of a container's log, without its line break.
 *
 * @param stream {@link #STDOUT} or {@link #STDERR} (a container with a TTY has only stdout)
 * @param text the line
 */
public record LogLine(String stream, String text) {
    public static final String STDOUT = "stdout";
    public static final String STDERR = "stderr";

    public static LogLine stdout(String text) {
        return new LogLine(STDOUT, text);
    }

    public static LogLine stderr(String text) {
        return new LogLine(STDERR, text);
    }

    public boolean isStderr() {
        return STDERR.equals(stream);
    }
}
