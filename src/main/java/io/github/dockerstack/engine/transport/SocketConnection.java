package io.github.dockerstack.engine.transport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.1 connection to the engine's unix socket: writes a request, reads the answer's head
 * and frames its body. Reads give up after the response timeout (the watchdog closes the channel,
 * which ends a blocked read); an interrupt closes the channel too, as for every NIO channel.
 */
final class SocketConnection implements Closeable {
    private static final int BUFFER = 16 * 1024;

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;
    private final Duration timeout;
    private volatile boolean expired;

    private SocketConnection(SocketChannel channel, Duration timeout) {
        this.channel = channel;
        this.timeout = timeout;
        this.in = new BufferedInputStream(new TimedInput(Channels.newInputStream(channel)), BUFFER);
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
    }

    /** @param timeout how long one read may wait for the engine; null for as long as it takes (streams, stop) */
    static SocketConnection open(UnixDomainSocketAddress address, Duration timeout) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(address);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new SocketConnection(channel, timeout);
    }

    /**
     * Writes a request. A body of unknown length (a build context) goes in chunks.
     *
     * @param bytes the body when its bytes are known, or null
     * @param stream the body when it is a stream, or null
     */
    void send(String method, String path, Map<String, String> headers, byte[] bytes, InputStream stream) throws IOException {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: docker\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (bytes != null) {
            head.append("Content-Length: ").append(bytes.length).append("\r\n");
        } else if (stream != null) {
            head.append("Transfer-Encoding: chunked\r\n");
        } else if (method.equals("POST") || method.equals("PUT")) {
            head.append("Content-Length: 0\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        if (bytes != null) {
            out.write(bytes);
        } else if (stream != null) {
            BodyStreams.ChunkedOutput chunks = new BodyStreams.ChunkedOutput(out);
            stream.transferTo(chunks);
            chunks.finish();
        }
        out.flush();
    }

    ResponseHead receive() throws IOException {
        return ResponseHead.read(in);
    }

    /** The body of the answer to {@code method}, framed as its head says. */
    BodyStreams.Body body(String method, ResponseHead head) {
        int status = head.status();
        if (method.equals("HEAD") || status == 204 || status == 304) {
            return BodyStreams.empty(in);
        }
        if (status != 101) {
            if (head.hasToken("Transfer-Encoding", "chunked")) {
                return BodyStreams.chunked(in);
            }
            String length = head.header("Content-Length");
            if (length != null) {
                try {
                    return BodyStreams.ofLength(in, Long.parseLong(length.trim()));
                } catch (NumberFormatException e) {
                    // read it until the engine closes, as for no length at all
                }
            }
        }
        return BodyStreams.untilClose(in);
    }

    /**
     * Whether an idle connection is still open: the engine may have closed it since. Reads without
     * blocking; anything but "nothing yet" (data, or the end) means it cannot serve a request.
     */
    boolean usable() {
        if (!channel.isOpen()) {
            return false;
        }
        try {
            channel.configureBlocking(false);
            try {
                return channel.read(ByteBuffer.allocate(1)) == 0;
            } finally {
                channel.configureBlocking(true);
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing to do about a failing close
        }
    }

    private void expire() {
        expired = true;
        close();
    }

    /** Arms the watchdog around every read of the channel. */
    private final class TimedInput extends FilterInputStream {
        TimedInput(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            ScheduledFuture<?> alarm = timeout == null ? null : Watchdog.TIMER.schedule(SocketConnection.this::expire,
                    timeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                if (expired) {
                    throw new SocketTimeoutException("the engine did not answer within " + timeout.toSeconds() + " s");
                }
                throw e;
            } finally {
                if (alarm != null) {
                    alarm.cancel(false);
                }
            }
        }
    }

    /** One daemon thread for every connection's read deadline, started on first use, gone when idle. */
    private static final class Watchdog {
        static final ScheduledThreadPoolExecutor TIMER = timer();

        private static ScheduledThreadPoolExecutor timer() {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "docker-stack-read-deadlines");
                t.setDaemon(true);
                return t;
            });
            timer.setRemoveOnCancelPolicy(true);
            timer.setKeepAliveTime(30, TimeUnit.SECONDS);
            timer.allowCoreThreadTimeOut(true);
            return timer;
        }
    }
}
