package io.github.dockerstack.stack;

import io.github.dockerstack.error.StackException;

/**
 * A build or pull of the project failed, or an image {@code up} needs is missing and may be neither pulled nor built. The
 * message names the service and the image, and says what to do; the engine's own failure is the cause.
 */
public final class ImageTaskException extends StackException {
    private final String service;
    private final String image;

    public ImageTaskException(Kind kind, String service, String image, String message, Throwable cause) {
        super(kind, message, cause);
        this.service = service;
        this.image = image;
    }

    /** The service concerned, or null when several are. */
    public String service() {
        return service;
    }

    /** The image concerned, or null when several are. */
    public String image() {
        return image;
    }
}
