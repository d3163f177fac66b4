package io.github.dockerstack.engine;

import io.github.dockerstack.error.StackException;

/** An image reference that cannot be parsed: the user wrote it, so it is a user error. */
public final class ImageReferenceException extends StackException {
    public ImageReferenceException(String reference, String problem) {
        super(Kind.USER, "Invalid image reference '" + reference + "': " + problem + ".", null);
    }
}
