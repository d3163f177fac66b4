package io.github.dockerstack.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Writes a rendered tree as Go's indented JSON. Floats (cpus) are float32, doubles float64. */
final class JsonOutput {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonOutput() {
    }

    static String write(Object tree) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(GoJsonStyle.layout());
            g.setCharacterEscapes(GoJsonStyle.escapes());
            value(g, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object item : l) {
                value(g, item);
            }
            g.writeEndArray();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Float f) {
            g.writeNumber(GoNumbers.jsonFloat(f, true));
        } else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                g.writeNull(); // Go refuses these; nothing valid to print
            } else {
                g.writeNumber(GoNumbers.jsonFloat(d, false));
            }
        } else if (v instanceof Number n) {
            g.writeNumber(n.longValue());
        } else {
            g.writeString(String.valueOf(v));
        }
    }
}
