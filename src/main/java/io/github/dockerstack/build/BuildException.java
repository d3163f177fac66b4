package io.github.dockerstack.build;

import io.github.dockerstack.error.StackException;

/**
 * A build that cannot start: the context or Dockerfile is missing or unreadable, a .dockerignore
 * pattern is malformed, the Dockerfile needs BuildKit, or the build settings ask for something the
 * classic builder cannot do. Kind {@link Kind#USER}: the message says what to change.
 */
public final class BuildException extends StackException {
    public BuildException(String message) {
        this(message, null);
    }

    public BuildException(String message, Throwable cause) {
        super(Kind.USER, message, cause);
    }
}
