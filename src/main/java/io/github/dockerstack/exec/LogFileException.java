package io.github.dockerstack.exec;

import io.github.dockerstack.error.StackException;

/** A container log could not be written to its file. */
public final class LogFileException extends StackException {
    public LogFileException(String message, Throwable cause) {
        super(Kind.IO, message, cause);
    }
}
