package io.github.dockerstack.load.merge;

import io.github.dockerstack.load.yaml.Tagged;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@code !reset} / {@code !override} in a value no earlier file sets: a {@code !reset} key or
 * list item is absent, an {@code !override} value is just its value. Always returns a deep copy, so
 * the merge owns (and may mutate) what it returns.
 */
final class Tags {
    private Tags() {
    }

    static boolean isReset(Object value) {
        return value instanceof Tagged t && t.tag() == Tagged.Tag.RESET;
    }

    /** A tag-free deep copy; a top-level {@code !reset} yields null (callers drop the key first). */
    static Object resolve(Object value) {
        if (value instanceof Tagged t) {
            return t.tag() == Tagged.Tag.RESET ? null : resolve(t.value());
        }
        if (value instanceof Map<?, ?> map) {
            return resolveMap(map);
        }
        if (value instanceof List<?> list) {
            return resolveList(list);
        }
        return value;
    }

    static Map<String, Object> resolveMap(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!isReset(e.getValue())) {
                out.put(String.valueOf(e.getKey()), resolve(e.getValue()));
            }
        }
        return out;
    }

    static List<Object> resolveList(List<?> list) {
        List<Object> out = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!isReset(item)) {
                out.add(resolve(item));
            }
        }
        return out;
    }
}
