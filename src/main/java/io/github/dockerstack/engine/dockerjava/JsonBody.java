package io.github.dockerstack.engine.dockerjava;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A request body for the engine's API, written with jackson-core: an object whose fields are left
 * out when null (or empty, for lists and maps), so the engine's defaults apply.
 */
final class JsonBody {
    private final JsonGenerator out;

    private JsonBody(JsonGenerator out) {
        this.out = out;
    }

    /** The JSON object {@code fields} writes. */
    static byte[] object(Consumer<JsonBody> fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (JsonGenerator generator = JsonTrees.FACTORY.createGenerator(bytes)) {
            generator.writeStartObject();
            fields.accept(new JsonBody(generator));
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        return bytes.toByteArray();
    }

    JsonBody string(String name, String value) {
        return value == null ? this : io(() -> out.writeStringField(name, value));
    }

    JsonBody number(String name, Long value) {
        return value == null ? this : io(() -> out.writeNumberField(name, value));
    }

    JsonBody number(String name, Integer value) {
        return value == null ? this : io(() -> out.writeNumberField(name, value));
    }

    JsonBody bool(String name, Boolean value) {
        return value == null ? this : io(() -> out.writeBooleanField(name, value));
    }

    JsonBody strings(String name, Collection<String> values) {
        return values == null || values.isEmpty() ? this : io(() -> {
            out.writeArrayFieldStart(name);
            for (String v : values) {
                out.writeString(v);
            }
            out.writeEndArray();
        });
    }

    /** A map of strings; an empty one is left out. */
    JsonBody map(String name, Map<String, String> values) {
        return values == null || values.isEmpty() ? this : object(name, o -> values.forEach(o::string));
    }

    /** A nested object, always written. */
    JsonBody object(String name, Consumer<JsonBody> fields) {
        return io(() -> {
            out.writeObjectFieldStart(name);
            fields.accept(this);
            out.writeEndObject();
        });
    }

    /** An array of objects, one per item; an empty collection is left out. */
    <T> JsonBody objects(String name, Collection<T> items, BiConsumer<T, JsonBody> fields) {
        return items == null || items.isEmpty() ? this : io(() -> {
            out.writeArrayFieldStart(name);
            for (T item : items) {
                out.writeStartObject();
                fields.accept(item, this);
                out.writeEndObject();
            }
            out.writeEndArray();
        });
    }

    /** An array of arrays of strings (device request capabilities). */
    JsonBody stringLists(String name, Collection<? extends Collection<String>> lists) {
        return lists == null || lists.isEmpty() ? this : io(() -> {
            out.writeArrayFieldStart(name);
            for (Collection<String> list : lists) {
                out.writeStartArray();
                for (String v : list) {
                    out.writeString(v);
                }
                out.writeEndArray();
            }
            out.writeEndArray();
        });
    }

    /** An empty array, written as such: the engine reads it differently from a missing field. */
    JsonBody emptyArray(String name) {
        return io(() -> {
            out.writeArrayFieldStart(name);
            out.writeEndArray();
        });
    }

    private interface Write {
        void run() throws IOException;
    }

    private JsonBody io(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
