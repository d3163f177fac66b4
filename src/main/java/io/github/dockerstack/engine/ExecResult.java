package io.github.dockerstack.engine;

/**
 * How a command run in a container ended.
 *
 * @param output the last lines it wrote: its stderr, or its stdout when stderr was empty
 */
public record ExecResult(long exitCode, String output) {
}
