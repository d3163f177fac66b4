package io.github.dockerstack.maven;

import io.github.dockerstack.error.StackException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The one place where core errors become Maven's: what the user fixes (input, failed services)
 * fails the build without a stack trace; an unreachable engine or I/O is an execution error.
 */
final class ErrorMapper {
    private ErrorMapper() {
    }

    static void rethrow(StackException e) throws MojoExecutionException, MojoFailureException {
        switch (e.kind()) {
            case USER, SERVICE -> throw new MojoFailureException(e.getMessage());
            default -> throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
