package io.github.dockerstack.engine.transport;

import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

/** The framings of HTTP/1.1 message bodies: a known length, chunks, or until the connection closes. */
final class BodyStreams {
    /** How far ahead a chunk boundary is looked for in what is buffered. */
    private static final int MARK_LIMIT = 1024;

    private BodyStreams() {
    }

    /** A response body; {@link #complete()} tells whether it was read to its end, so the connection can serve again. */
    abstract static class Body extends InputStream {
        final InputStream in;
        volatile boolean complete;
        /** Held by a read; a close from another thread (a stream being stopped) must not wait for it. */
        private final ReentrantLock reading = new ReentrantLock();

        Body(InputStream in) {
            this.in = in;
        }

        boolean complete() {
            return complete;
        }

        /**
         * Reads the rest of the body if it has all arrived, without waiting for more: a JSON answer's
         * reader stops at the closing brace, before the newline and the last chunk. True when the body
         * is complete afterwards; false at once when another thread is reading it.
         */
        final boolean drainBuffered() throws IOException {
            if (complete) {
                return true;
            }
            if (!reading.tryLock()) {
                return false;
            }
            try {
                return drain();
            } finally {
                reading.unlock();
            }
        }

        boolean drain() throws IOException {
            return complete;
        }

        abstract int readBody(byte[] b, int off, int len) throws IOException;

        @Override
        public final int read(byte[] b, int off, int len) throws IOException {
            reading.lock();
            try {
                return readBody(b, off, len);
            } finally {
                reading.unlock();
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }
    }

    static Body empty(InputStream in) {
        Body body = new Body(in) {
            @Override
            int readBody(byte[] b, int off, int len) {
                return -1;
            }
        };
        body.complete = true;
        return body;
    }

    /** {@code Content-Length: n}. */
    static Body ofLength(InputStream in, long length) {
        return new Body(in) {
            private long left = length;

            {
                complete = length == 0;
            }

            @Override
            int readBody(byte[] b, int off, int len) throws IOException {
                if (left == 0) {
                    return -1;
                }
                if (len == 0) {
                    return 0;
                }
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n < 0) {
                    throw new EOFException("the engine closed the connection with " + left + " bytes of the answer unsent");
                }
                left -= n;
                complete = left == 0;
                return n;
            }

            @Override
            public int available() throws IOException {
                return (int) Math.min(in.available(), left);
            }

            @Override
            boolean drain() throws IOException {
                left = skipBuffered(in, left);
                complete = left == 0;
                return complete;
            }
        };
    }

    /** {@code Transfer-Encoding: chunked}: hex size lines, data, and a last chunk of size 0 with optional trailers. */
    static Body chunked(InputStream in) {
        return new Body(in) {
            private long left; // of the current chunk
            private boolean started;

            @Override
            int readBody(byte[] b, int off, int len) throws IOException {
                if (complete) {
                    return -1;
                }
                if (len == 0) {
                    return 0;
                }
                if (left == 0 && !nextChunk()) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n < 0) {
                    throw new EOFException("the engine closed the connection inside a chunk");
                }
                left -= n;
                return n;
            }

            /** Moves to the next chunk; false at the last one. */
            private boolean nextChunk() throws IOException {
                if (started && !ResponseHead.line(in, false).isEmpty()) {
                    throw new ProtocolException("a chunk does not end with CRLF");
                }
                started = true;
                left = chunkSize(ResponseHead.line(in, false));
                if (left == 0) {
                    while (!ResponseHead.line(in, false).isEmpty()) {
                        // trailers: none the engine sends matter
                    }
                    complete = true;
                    return false;
                }
                return true;
            }

            @Override
            public int available() throws IOException {
                return complete ? 0 : (int) Math.min(in.available(), left);
            }

            @Override
            boolean drain() throws IOException {
                while (!complete) {
                    left = skipBuffered(in, left);
                    if (left > 0) {
                        return false;
                    }
                    // the next size line (and the last chunk's trailers) must be there whole, or nothing is consumed
                    in.mark(MARK_LIMIT);
                    if (!bufferedLines()) {
                        in.reset();
                        return false;
                    }
                    in.reset();
                    nextChunk();
                }
                return true;
            }

            /** Whether the chunk boundary ahead (CRLF, size line, and for the last chunk its trailers) is all buffered. */
            private boolean bufferedLines() throws IOException {
                if (started && bufferedLine() == null) {
                    return false;
                }
                String size = bufferedLine();
                if (size == null) {
                    return false;
                }
                if (chunkSize(size) > 0) {
                    return true;
                }
                for (String trailer = bufferedLine(); ; trailer = bufferedLine()) {
                    if (trailer == null) {
                        return false;
                    }
                    if (trailer.isEmpty()) {
                        return true;
                    }
                }
            }

            private String bufferedLine() throws IOException {
                StringBuilder line = new StringBuilder();
                while (in.available() > 0) {
                    int b = in.read();
                    if (b == '\n') {
                        int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
                        return line.substring(0, end);
                    }
                    if (line.length() >= MARK_LIMIT / 2) {
                        return null;
                    }
                    line.append((char) b);
                }
                return null;
            }
        };
    }

    /** The size on a chunk's size line, after which an extension ({@code ;name=value}) may follow. */
    private static long chunkSize(String line) throws ProtocolException {
        int extension = line.indexOf(';');
        try {
            long size = Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
            if (size >= 0) {
                return size;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new ProtocolException("not a chunk size: " + line);
    }

    /** Skips up to {@code left} bytes that are already buffered; returns how many are left. */
    private static long skipBuffered(InputStream in, long left) throws IOException {
        while (left > 0) {
            int buffered = in.available();
            if (buffered <= 0) {
                break;
            }
            long skipped = in.skip(Math.min(buffered, left));
            if (skipped <= 0) {
                break;
            }
            left -= skipped;
        }
        return left;
    }

    /** No framing: the body ends when the engine closes the connection, which cannot serve again. */
    static Body untilClose(InputStream in) {
        return new Body(in) {
            @Override
            int readBody(byte[] b, int off, int len) throws IOException {
                return in.read(b, off, len);
            }

            @Override
            public int available() throws IOException {
                return in.available();
            }
        };
    }

    /** Writes a request body of unknown length in chunks (a build context streamed from disk). */
    static final class ChunkedOutput extends FilterOutputStream {
        ChunkedOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return; // a zero-size chunk would end the body
            }
            out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(b, off, len);
            out.write('\r');
            out.write('\n');
        }

        /** Writes the last chunk; the underlying stream stays open for the response. */
        void finish() throws IOException {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() {
            // the connection outlives the body
        }
    }
}
