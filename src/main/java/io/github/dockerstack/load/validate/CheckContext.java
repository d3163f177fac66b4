package io.github.dockerstack.load.validate;

import io.github.dockerstack.load.ComposeException;
import io.github.dockerstack.load.yaml.Paths;
import io.github.dockerstack.load.yaml.SourceMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The merged tree under validation, read leniently: checks after the shape checks may assume the
 * main containers have the right kind, but skip anything else instead of failing on a cast.
 */
final class CheckContext {
    private final Map<String, Object> root;
    private final SourceMap sources;

    CheckContext(Map<String, Object> root, SourceMap sources) {
        this.root = root;
        this.sources = sources;
    }

    Map<String, Object> root() {
        return root;
    }

    /** A top-level section ({@code services}, {@code networks}, ...), empty when absent. */
    Map<String, Object> section(String name) {
        return mapping(root.get(name));
    }

    /** Services by name, in document order; a null service reads as an empty one. */
    Map<String, Map<String, Object>> services() {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        section("services").forEach((name, s) -> {
            if (s == null || s instanceof Map) {
                services.put(name, mapping(s));
            }
        });
        return services;
    }

    static String servicePath(String service) {
        return Paths.key("services", service);
    }

    /** A user error at {@code path}, located through the source map. */
    ComposeException problem(String path, String problem) {
        return new ComposeException(sources.locate(path), path, problem);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mapping(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** A list; a lone value (short syntax left as is) reads as a one-item list. */
    static List<Object> items(Object value) {
        if (value instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return value == null ? List.of() : List.of(value);
    }

    /** A scalar as text; null for null or containers. */
    static String text(Object value) {
        return value == null || value instanceof Map || value instanceof List ? null : String.valueOf(value);
    }

    /**
     * A boolean as compose reads it (Go's strconv.ParseBool, since interpolated values are still
     * strings here); null when absent or not a boolean.
     */
    static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String t = text(value);
        if (t == null) {
            return null;
        }
        return switch (t) {
            case "1", "t", "T", "true", "TRUE", "True" -> Boolean.TRUE;
            case "0", "f", "F", "false", "FALSE", "False" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** A value as an error message names it. */
    static String describe(Object value) {
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof String s) {
            return "the string '" + s + "'";
        }
        if (value instanceof Boolean b) {
            return "the boolean " + b;
        }
        if (value instanceof Number n) {
            return "the number " + n;
        }
        return value == null ? "null" : "the value '" + value + "'";
    }
}
