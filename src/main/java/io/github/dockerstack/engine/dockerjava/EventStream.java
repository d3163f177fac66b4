package io.github.dockerstack.engine.dockerjava;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import io.github.dockerstack.engine.EngineEvent;
import io.github.dockerstack.engine.EngineException;
import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The engine's event stream as a callback. docker-java's own adapter logs every error at ERROR
 * (also the one a deliberate close causes) and never releases {@code awaitStarted} when the
 * request fails, so this one is written out.
 */
final class EventStream implements ResultCallback<Event> {
    private final Consumer<EngineEvent> listener;
    private final Consumer<EngineException> onError;
    private final String address;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Closeable stream;
    private volatile boolean closed;
    private volatile Throwable startFailure;

    EventStream(Consumer<EngineEvent> listener, Consumer<EngineException> onError, String address) {
        this.listener = listener;
        this.onError = onError;
        this.address = address;
    }

    @Override
    public void onStart(Closeable closeable) {
        this.stream = closeable;
        started.countDown();
        if (closed) {
            closeQuietly(closeable);
        }
    }

    @Override
    public void onNext(Event event) {
        if (closed || event == null) {
            return;
        }
        EngineEvent converted = convert(event);
        try {
            listener.accept(converted);
        } catch (RuntimeException e) {
            onError.accept(new EngineException("An event listener failed on " + converted.action() + " of " + converted.id() + ": " + e, e));
        }
    }

    @Override
    public void onError(Throwable throwable) {
        if (started.getCount() > 0) {
            startFailure = throwable;
            started.countDown();
            return;
        }
        if (!closed) {
            closed = true;
            onError.accept(throwable instanceof RuntimeException re ? Errors.translate("event stream", re, address)
                    : new EngineException("event stream: " + throwable, throwable));
        }
    }

    @Override
    public void onComplete() {
        if (!closed) {
            closed = true;
            onError.accept(new EngineException("The engine ended the event stream (" + address + ")."));
        }
    }

    @Override
    public void close() {
        closed = true;
        Closeable s = stream;
        if (s != null) {
            closeQuietly(s);
        }
    }

    /** Waits until the engine has accepted the subscription, so no later event is missed. */
    void awaitStarted(long seconds) {
        try {
            if (!started.await(seconds, TimeUnit.SECONDS)) {
                close();
                throw new EngineException("The engine did not open the event stream within " + seconds + " s (" + address + ").");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new EngineException("Interrupted while opening the event stream", e);
        }
        Throwable failure = startFailure;
        if (failure != null) {
            closed = true;
            throw failure instanceof RuntimeException re ? Errors.translate("event stream", re, address)
                    : new EngineException("event stream: " + failure, failure);
        }
    }

    static EngineEvent convert(Event event) {
        String type = event.getType() != null ? event.getType().getValue() : null;
        String action = event.getAction() != null ? event.getAction() : event.getStatus();
        Map<String, String> attributes = event.getActor() != null && event.getActor().getAttributes() != null
                ? event.getActor().getAttributes() : Map.of();
        String id = event.getActor() != null && event.getActor().getId() != null ? event.getActor().getId() : event.getId();
        long nanos = event.getTimeNano() != null ? event.getTimeNano()
                : event.getTime() != null ? TimeUnit.SECONDS.toNanos(event.getTime()) : 0L;
        return new EngineEvent(type, action, id, attributes, nanos);
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException ignored) {
            // closing a stream that is already gone
        }
    }
}
