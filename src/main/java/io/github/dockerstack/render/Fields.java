package io.github.dockerstack.render;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds one Go struct's output in field order, with the encoders' rules for leaving fields out:
 * {@link #opt} is {@code omitempty} on a value (empty string, false, 0, empty collection),
 * {@link #ptr} is {@code omitempty} on a pointer (only null is left out), {@link #struct} is a
 * nested struct value, which JSON always prints and YAML leaves out when all its fields are.
 */
final class Fields {
    private final Flavor flavor;
    private final Map<String, Object> out = new LinkedHashMap<>();

    Fields(Flavor flavor) {
        this.flavor = flavor;
    }

    Fields put(String key, Object value) {
        out.put(key, value);
        return this;
    }

    Fields opt(String key, Object value) {
        if (!isEmpty(value)) {
            out.put(key, value);
        }
        return this;
    }

    Fields ptr(String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
        return this;
    }

    Fields struct(String key, Map<String, Object> value) {
        if (flavor == Flavor.JSON || !value.isEmpty()) {
            out.put(key, value);
        }
        return this;
    }

    /** A Go map (string keys) with its values converted, keys in this flavor's order. */
    <V> Fields map(String key, Map<String, V> value, Function<V, Object> convert) {
        return opt(key, goMap(flavor, value, convert));
    }

    /** A Go map of strings. */
    Fields map(String key, Map<String, String> value) {
        return map(key, value, v -> v);
    }

    <T> Fields list(String key, Collection<T> value, Function<T, Object> convert) {
        if (value == null || value.isEmpty()) {
            return this;
        }
        List<Object> items = new ArrayList<>();
        value.forEach(v -> items.add(convert.apply(v)));
        out.put(key, items);
        return this;
    }

    /** x-* attributes: inlined at the end of the struct in YAML, not printed in JSON ({@code json:"-"}). */
    Fields extensions(Map<String, Object> extensions) {
        if (flavor == Flavor.YAML && extensions != null) {
            goMap(flavor, extensions, v -> goValue(flavor, v)).forEach(out::put);
        }
        return this;
    }

    Map<String, Object> done() {
        return out;
    }

    static <V> Map<String, Object> goMap(Flavor flavor, Map<String, V> value, Function<V, Object> convert) {
        Map<String, Object> sorted = new LinkedHashMap<>();
        if (value != null) {
            value.keySet().stream().sorted(flavor.keyOrder()).forEach(k -> sorted.put(k, convert.apply(value.get(k))));
        }
        return sorted;
    }

    /** A free-form value (x-* content) as Go re-encodes it: its maps sorted, the rest as is. */
    static Object goValue(Flavor flavor, Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> strings = new LinkedHashMap<>();
            m.forEach((k, v) -> strings.put(String.valueOf(k), v));
            return goMap(flavor, strings, v -> goValue(flavor, v));
        }
        if (value instanceof List<?> l) {
            List<Object> items = new ArrayList<>();
            l.forEach(v -> items.add(goValue(flavor, v)));
            return items;
        }
        return value;
    }

    private static boolean isEmpty(Object value) {
        return value == null
                || value instanceof String s && s.isEmpty()
                || value instanceof Boolean b && !b
                || value instanceof Collection<?> c && c.isEmpty()
                || value instanceof Map<?, ?> m && m.isEmpty()
                || value instanceof Number n && n.doubleValue() == 0;
    }
}
