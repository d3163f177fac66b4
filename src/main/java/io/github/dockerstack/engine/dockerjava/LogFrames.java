package io.github.dockerstack.engine.dockerjava;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.LogLine;
import io.github.dockerstack.engine.LogStream;
import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * A container's log stream: docker-java has already taken the multiplexed stream apart into
 * frames; this turns frames into lines, per stream, keeping partial lines across frames. Written
 * out rather than docker-java's adapter, which logs the error a deliberate close causes.
 */
final class LogFrames implements ResultCallback<Frame>, LogStream {
    private final String operation;
    private final String address;
    private final Consumer<LogLine> lines;
    private final LineSplitter stdout = new LineSplitter();
    private final LineSplitter stderr = new LineSplitter();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Object deliveryLock = new Object();
    private volatile Closeable stream;
    private volatile boolean closed;
    private volatile RuntimeException failure;

    LogFrames(String operation, String address, Consumer<LogLine> lines) {
        this.operation = operation;
        this.address = address;
        this.lines = lines;
    }

    @Override
    public void onStart(Closeable closeable) {
        stream = closeable;
        if (closed) {
            closeQuietly(closeable);
        }
    }

    @Override
    public void onNext(Frame frame) {
        if (closed || frame == null || frame.getPayload() == null) {
            return;
        }
        boolean err = frame.getStreamType() == StreamType.STDERR;
        String name = err ? LogLine.STDERR : LogLine.STDOUT; // RAW (a TTY) is stdout
        try {
            (err ? stderr : stdout).feed(frame.getPayload(), text -> deliver(new LogLine(name, text)));
        } catch (RuntimeException e) {
            fail(e); // the consumer failed (e.g. a file it writes to): stop reading
        }
    }

    @Override
    public void onError(Throwable throwable) {
        if (!closed) {
            flushPartialLines();
            failure = throwable instanceof RuntimeException re ? Errors.translate(operation, re, address)
                    : new EngineException(operation + ": " + throwable, throwable);
        }
        ended.countDown();
    }

    @Override
    public void onComplete() {
        if (!closed) {
            flushPartialLines();
        }
        ended.countDown();
    }

    @Override
    public void close() {
        synchronized (deliveryLock) {
            closed = true; // no line after close() returns
        }
        Closeable s = stream;
        if (s != null) {
            closeQuietly(s);
        }
        ended.countDown();
    }

    @Override
    public void await() throws InterruptedException {
        ended.await();
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
    }

    private void flushPartialLines() {
        try {
            stdout.flush(text -> deliver(LogLine.stdout(text)));
            stderr.flush(text -> deliver(LogLine.stderr(text)));
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void deliver(LogLine line) {
        synchronized (deliveryLock) {
            if (!closed) {
                lines.accept(line);
            }
        }
    }

    private void fail(RuntimeException e) {
        failure = e;
        closed = true;
        Closeable s = stream;
        if (s != null) {
            closeQuietly(s);
        }
        ended.countDown();
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException ignored) {
            // the stream is going away anyway
        }
    }
}
