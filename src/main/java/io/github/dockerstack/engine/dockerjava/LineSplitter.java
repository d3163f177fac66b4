package io.github.dockerstack.engine.dockerjava;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts one output stream's bytes into lines. The engine frames output as the process wrote it,
 * so a line may span frames (and a UTF-8 character may too): bytes are kept until the line
 * break arrives. A line's trailing carriage return (TTY output) is dropped.
 */
final class LineSplitter {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** Hands every line {@code bytes} completes to {@code lines}; keeps the rest. */
    void feed(byte[] bytes, Consumer<String> lines) {
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                pending.write(bytes, start, i - start);
                lines.accept(take());
                start = i + 1;
            }
        }
        pending.write(bytes, start, bytes.length - start);
    }

    /** Hands over a last line that had no line break, if any. */
    void flush(Consumer<String> lines) {
        if (pending.size() > 0) {
            lines.accept(take());
        }
    }

    private String take() {
        String line = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
