package io.github.dockerstack.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;

/**
 * Go's {@code json.MarshalIndent(v, "", "  ")} layout and escaping for a Jackson generator: one
 * entry per line, {@code "key": value}, {@code {}} and {@code []} when empty; {@code <}, {@code >}
 * and {@code &} escaped as {@code \u003c} etc., control characters in lower-case hex.
 */
final class GoJsonStyle {
    private GoJsonStyle() {
    }

    /** A layout for one document; it keeps the nesting depth, so use a new one per document. */
    static PrettyPrinter layout() {
        return new Layout();
    }

    static CharacterEscapes escapes() {
        return new Escapes();
    }

    private static final class Layout implements PrettyPrinter {
        private int depth;

        private void newline(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
            for (int i = 0; i < depth; i++) {
                g.writeRaw("  ");
            }
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
            depth++;
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            newline(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            depth--;
            if (entries > 0) {
                newline(g);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
            depth++;
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            newline(g);
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            depth--;
            if (values > 0) {
                newline(g);
            }
            g.writeRaw(']');
        }
    }

    private static final class Escapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        Escapes() {
            for (int c = 0; c < 0x20; c++) {
                ascii[c] = ESCAPE_CUSTOM;
            }
            ascii['<'] = ESCAPE_CUSTOM;
            ascii['>'] = ESCAPE_CUSTOM;
            ascii['&'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case '\b' -> new SerializedString("\\b");
                case '\f' -> new SerializedString("\\f");
                case '\n' -> new SerializedString("\\n");
                case '\r' -> new SerializedString("\\r");
                case '\t' -> new SerializedString("\\t");
                case '<', '>', '&', 0x2028, 0x2029 -> unicode(ch);
                default -> ch < 0x20 ? unicode(ch) : null;
            };
        }

        private static SerializedString unicode(int ch) {
            return new SerializedString(String.format("\\u%04x", ch));
        }
    }
}
