package io.github.dockerstack.engine;

import java.io.Closeable;

/**
 * An open container log, as {@link Engine#streamLogs} returns it. It ends by itself after the
 * last line (without follow) or when the container stops (with follow); {@link #close()} ends it
 * early, from any thread, and no line is delivered after it returns.
 */
public interface LogStream extends Closeable {
    /**
     * Waits until the stream has ended and every line was delivered; throws
     * {@link EngineException} when it broke (not when it was closed).
     */
    void await() throws InterruptedException;

    /** Ends the stream; idempotent. */
    @Override
    void close();
}
