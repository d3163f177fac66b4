package io.github.dockerstack.engine.transport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A stand-in engine on a unix socket for transport tests: reads HTTP/1.1 requests and writes the answers a script gives. */
final class ScriptedEngine implements AutoCloseable {
    /** A request as the engine received it, on the n-th connection (from 1). */
    record Received(String method, String path, Map<String, String> headers, byte[] body, int connection) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What to do after writing the answer's bytes. */
    enum Then { KEEP_OPEN, CLOSE, HANG }

    record Reply(String raw, Then then) {
        static Reply of(String raw) {
            return new Reply(raw, Then.KEEP_OPEN);
        }
    }

    private final ServerSocketChannel server;
    private final Function<Received, Reply> script;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    ScriptedEngine(Path socket, Function<Received, Reply> script) throws IOException {
        this.script = script;
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread acceptor = new Thread(this::accept, "scripted-engine");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    List<Received> received() {
        return received;
    }

    int connections() {
        return connections.get();
    }

    private void accept() {
        try {
            while (true) {
                SocketChannel channel = server.accept();
                open.add(channel);
                int number = connections.incrementAndGet();
                Thread t = new Thread(() -> serve(channel, number), "scripted-engine-" + number);
                t.setDaemon(true);
                t.start();
            }
        } catch (IOException closed) {
            // the test is over
        }
    }

    private void serve(SocketChannel channel, int number) {
        try (channel) {
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel));
            OutputStream out = Channels.newOutputStream(channel);
            while (true) {
                String requestLine = ResponseHead.line(in, true);
                String[] parts = requestLine.split(" ");
                Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                for (String h = ResponseHead.line(in, false); !h.isEmpty(); h = ResponseHead.line(in, false)) {
                    headers.put(h.substring(0, h.indexOf(':')).trim(), h.substring(h.indexOf(':') + 1).trim());
                }
                byte[] body = body(in, headers);
                Received request = new Received(parts[0], parts[1], headers, body, number);
                received.add(request);
                Reply reply = script.apply(request);
                out.write(reply.raw().getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (reply.then() == Then.CLOSE) {
                    return;
                }
                if (reply.then() == Then.HANG) {
                    Thread.sleep(60_000);
                    return;
                }
            }
        } catch (IOException | InterruptedException gone) {
            // the client went away
        }
    }

    private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
        if (headers.containsKey("Content-Length")) {
            return in.readNBytes(Integer.parseInt(headers.get("Content-Length")));
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equals(headers.get("Transfer-Encoding"))) {
            for (int size = Integer.parseInt(ResponseHead.line(in, false), 16); size > 0;
                 size = Integer.parseInt(ResponseHead.line(in, false), 16)) {
                body.write(in.readNBytes(size));
                ResponseHead.line(in, false);
            }
            ResponseHead.line(in, false);
        }
        return body.toByteArray();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel c : open) {
            c.close();
        }
    }
}
