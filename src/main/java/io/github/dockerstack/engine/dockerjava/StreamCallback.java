package io.github.dockerstack.engine.dockerjava;

import com.github.dockerjava.api.async.ResultCallback;
import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * A finite response stream (build, pull) handed item by item to a consumer. Written out instead of
 * docker-java's adapter, which logs every error at ERROR and so would print a failed build twice.
 */
final class StreamCallback<T> implements ResultCallback<T> {
    private final Consumer<T> consumer;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Closeable stream;
    private volatile Throwable failure;

    StreamCallback(Consumer<T> consumer) {
        this.consumer = consumer;
    }

    @Override
    public void onStart(Closeable closeable) {
        stream = closeable;
    }

    @Override
    public void onNext(T item) {
        if (item != null) {
            try {
                consumer.accept(item);
            } catch (RuntimeException e) {
                failure = e;
                close();
            }
        }
    }

    @Override
    public void onError(Throwable throwable) {
        if (failure == null) {
            failure = throwable;
        }
        done.countDown();
    }

    @Override
    public void onComplete() {
        done.countDown();
    }

    @Override
    public void close() {
        Closeable s = stream;
        if (s != null) {
            try {
                s.close();
            } catch (IOException | RuntimeException ignored) {
                // the response is being abandoned anyway
            }
        }
        done.countDown();
    }

    /** Waits for the end of the stream; returns the error that ended it, or null. */
    Throwable await(String operation) {
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            return new InterruptedException("Interrupted while waiting for " + operation);
        }
        return failure;
    }
}
