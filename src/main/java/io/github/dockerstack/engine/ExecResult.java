package io.github.dockerstack.engine;

/**
 * How a command run in a container ended.
 *
 * @param exitCode its exit code; -1 when it did not finish in time
 * @param output the last lines it wrote: its stderr, or its stdout when stderr was empty
 * @param timedOut it was still running when the time given to it ran out (it is left running)
 */
public record ExecResult(long exitCode, String output, boolean timedOut) {
    public ExecResult(long exitCode, String output) {
        this(exitCode, output, false);
    }

    public static ExecResult timedOut(String output) {
        return new ExecResult(-1, output, true);
    }
}
