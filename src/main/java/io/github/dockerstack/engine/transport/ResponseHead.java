package io.github.dockerstack.engine.transport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The status line and headers of an HTTP/1.1 response. Interim 1xx answers other than 101 are
 * skipped, as a client must.
 *
 * @param status the status code
 * @param headers header values by name; the map ignores the names' case
 */
record ResponseHead(int status, Map<String, List<String>> headers) {
    /** A header line longer than this is not the engine talking. */
    private static final int MAX_LINE = 64 * 1024;

    /** Nothing at all came back: the engine closed (or reset) the connection before answering. */
    static final class NoAnswer extends IOException {
        NoAnswer(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Reads a head.
     *
     * @throws NoAnswer when the connection ends before the first byte
     */
    static ResponseHead read(InputStream in) throws IOException {
        while (true) {
            String statusLine;
            try {
                in.mark(1);
                if (in.read() < 0) {
                    throw new NoAnswer(new EOFException("the engine closed the connection"));
                }
                in.reset();
            } catch (NoAnswer | SocketTimeoutException | ClosedChannelException e) {
                throw e; // a timeout, an interrupt or a close on this side are not the engine's doing
            } catch (IOException e) {
                throw new NoAnswer(e); // reset by the engine
            }
            statusLine = line(in, true);
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
                throw new ProtocolException("not an HTTP/1.x status line: " + statusLine);
            }
            int status;
            try {
                status = Integer.parseInt(statusLine.substring(9, 12));
            } catch (NumberFormatException e) {
                throw new ProtocolException("not an HTTP/1.x status line: " + statusLine);
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String header = line(in, false); !header.isEmpty(); header = line(in, false)) {
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    throw new ProtocolException("malformed header line: " + header);
                }
                headers.computeIfAbsent(header.substring(0, colon).trim(), k -> new ArrayList<>()).add(header.substring(colon + 1).trim());
            }
            if (status / 100 != 1 || status == 101) {
                return new ResponseHead(status, Collections.unmodifiableMap(headers));
            }
        }
    }

    /** The first value of a header, or null. */
    String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Whether a header holds a token, as in {@code Transfer-Encoding: chunked} or {@code Connection: close}. */
    boolean hasToken(String name, String token) {
        for (String value : headers.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                if (part.trim().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A line without its CRLF (a bare LF is accepted too). */
    static String line(InputStream in, boolean first) throws IOException {
        byte[] buffer = new byte[128];
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (first && length == 0) {
                    throw new EOFException("the engine closed the connection");
                }
                throw new EOFException("the response ended inside its head");
            }
            if (b == '\n') {
                if (length > 0 && buffer[length - 1] == '\r') {
                    length--;
                }
                return new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (length == buffer.length) {
                if (length >= MAX_LINE) {
                    throw new ProtocolException("a response header line is longer than " + MAX_LINE + " bytes");
                }
                buffer = java.util.Arrays.copyOf(buffer, length * 2);
            }
            buffer[length++] = (byte) b;
        }
    }
}
