package io.github.dockerstack.engine.transport;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * docker-java's transport for an engine on a unix socket, over the JDK's own unix-domain
 * channels (Java 16+). docker-java's httpclient5 transport reaches a unix socket through JNA and
 * sets up httpclient5 and a TLS context on the way; in the fresh JVM of every Maven goal that is
 * about half a second before the first answer, where this takes a few milliseconds. TCP and TLS
 * engines still go through httpclient5.
 *
 * <p>HTTP/1.1 with keep-alive: a connection whose answer was read to its end serves the next
 * request. Attaching stdin (a hijacked connection) is not supported: the plugin never does it.
 */
public final class UnixSocketHttpClient implements DockerHttpClient {
    /** Requests that may be sent again when a reused connection gave no answer. */
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
    /** Idle connections kept for reuse; more are closed. */
    private static final int MAX_IDLE = 16;

    private final UnixDomainSocketAddress address;
    private final Duration responseTimeout;
    private final Deque<SocketConnection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    /** @param responseTimeout how long a read may wait for the engine; null for no limit (streams) */
    public UnixSocketHttpClient(Path socket, Duration responseTimeout) {
        this.address = UnixDomainSocketAddress.of(socket);
        this.responseTimeout = responseTimeout;
    }

    @Override
    public Response execute(Request request) {
        if (request.hijackedInput() != null) {
            throw new UnsupportedOperationException("attaching stdin (a hijacked connection) is not supported by the unix socket transport");
        }
        if (closed) {
            throw new IllegalStateException("the client is closed");
        }
        byte[] bytes = request.bodyBytes();
        InputStream stream = bytes == null ? request.body() : null;
        SocketConnection reused = stream == null ? idleConnection() : null; // a stream cannot be sent twice
        if (reused != null) {
            try {
                return exchange(reused, request, bytes, null, true);
            } catch (StaleConnection e) {
                reused.close();
                // closed by the engine while idle: try once more on a new connection when that cannot do a thing twice
                if (!e.sendFailed && !IDEMPOTENT.contains(request.method())) {
                    throw failure(request, e.getCause());
                }
            } catch (IOException | RuntimeException e) {
                reused.close();
                throw e instanceof IOException io ? failure(request, io) : (RuntimeException) e;
            }
        }
        SocketConnection fresh = null;
        try {
            fresh = SocketConnection.open(address, responseTimeout);
            return exchange(fresh, request, bytes, stream, false);
        } catch (IOException | RuntimeException e) {
            if (fresh != null) {
                fresh.close();
            }
            throw e instanceof IOException io ? failure(request, io) : (RuntimeException) e;
        }
    }

    private Response exchange(SocketConnection connection, Request request, byte[] bytes, InputStream stream, boolean reused)
            throws IOException {
        ResponseHead head;
        try {
            connection.send(request.method(), request.path(), request.headers(), bytes, stream);
        } catch (IOException sendFailed) {
            if (reused) {
                throw new StaleConnection(sendFailed, true);
            }
            // the engine may have answered (a refused build context) and closed before taking the whole body
            try {
                head = connection.receive();
            } catch (IOException noAnswer) {
                throw sendFailed;
            }
            return new SocketResponse(connection, head, connection.body(request.method(), head), false);
        }
        try {
            head = connection.receive();
        } catch (ResponseHead.NoAnswer e) {
            throw reused ? new StaleConnection(e, false) : e;
        }
        return new SocketResponse(connection, head, connection.body(request.method(), head), !head.hasToken("Connection", "close"));
    }

    private UncheckedIOException failure(Request request, IOException e) {
        return new UncheckedIOException(request.method() + " " + request.path() + " on " + address + ": " + e.getMessage(), e);
    }

    /** A reused connection that turned out closed: the request never reached the engine, or got no answer. */
    private static final class StaleConnection extends IOException {
        final boolean sendFailed;

        StaleConnection(IOException cause, boolean sendFailed) {
            super(cause.getMessage(), cause);
            this.sendFailed = sendFailed;
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private SocketConnection idleConnection() {
        for (SocketConnection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            if (c.usable()) {
                return c;
            }
            c.close();
        }
        return null;
    }

    private void release(SocketConnection connection) {
        if (closed || idle.size() >= MAX_IDLE) {
            connection.close();
            return;
        }
        idle.addFirst(connection);
        if (closed && idle.remove(connection)) {
            connection.close(); // closed meanwhile
        }
    }

    @Override
    public void close() {
        closed = true;
        for (SocketConnection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            c.close();
        }
    }

    /** An answer; closing it hands its connection back when the body was read to its end, else closes the connection. */
    private final class SocketResponse implements Response {
        private final SocketConnection connection;
        private final ResponseHead head;
        private final BodyStreams.Body body;
        private final boolean keepAlive;
        private boolean done;

        SocketResponse(SocketConnection connection, ResponseHead head, BodyStreams.Body body, boolean keepAlive) {
            this.connection = connection;
            this.head = head;
            this.body = body;
            this.keepAlive = keepAlive;
        }

        @Override
        public int getStatusCode() {
            return head.status();
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            return head.headers();
        }

        @Override
        public String getHeader(String name) {
            return head.header(name);
        }

        @Override
        public InputStream getBody() {
            return body;
        }

        @Override
        public synchronized void close() {
            if (done) {
                return;
            }
            done = true;
            boolean reusable;
            try {
                reusable = keepAlive && body.drainBuffered();
            } catch (IOException | RuntimeException e) {
                reusable = false;
            }
            if (reusable) {
                release(connection);
            } else {
                connection.close();
            }
        }
    }
}
