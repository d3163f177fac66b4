package io.github.dockerstack.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the Docker CLI's small JSON files (config.json, context meta.json) into maps, lists and scalars. */
public final class JsonFiles {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonFiles() {
    }

    /** The file's value, or null when it is empty; malformed JSON is a {@code JsonProcessingException}. */
    public static Object read(Path file) throws IOException {
        try (JsonParser parser = FACTORY.createParser(file.toFile())) {
            JsonToken first = parser.nextToken();
            return first == null ? null : value(parser);
        }
    }

    /** The string at {@code keys} below {@code root}, or null when any step is missing or not a map. */
    public static String string(Object root, String... keys) {
        Object node = root;
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node instanceof String s ? s : null;
    }

    private static Object value(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    map.put(name, value(parser));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser));
                }
                return list;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return parser.getNumberValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            default -> {
                return null;
            }
        }
    }
}
