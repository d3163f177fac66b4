package io.github.dockerstack.auth;

import io.github.dockerstack.error.StackException;

/**
 * Credentials that cannot be read: a malformed config.json entry, a credential helper that is
 * missing or fails. Kind {@link Kind#USER}: the Docker configuration needs fixing. Messages never
 * contain secrets.
 */
public final class CredentialsException extends StackException {
    public CredentialsException(String message) {
        this(message, null);
    }

    public CredentialsException(String message, Throwable cause) {
        super(Kind.USER, message, cause);
    }
}
