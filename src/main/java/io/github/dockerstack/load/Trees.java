package io.github.dockerstack.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small accessors for the untyped tree. */
final class Trees {
    private Trees() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** The mapping at {@code key}, or an empty (detached) one. */
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof Map<?, ?> m ? cast(m) : new LinkedHashMap<>();
    }

    /** The mapping at {@code key}, created when missing. */
    static Map<String, Object> mapIn(Map<String, Object> parent, String key) {
        if (parent.get(key) instanceof Map<?, ?> m) {
            return cast(m);
        }
        Map<String, Object> created = new LinkedHashMap<>();
        parent.put(key, created);
        return created;
    }

    static List<Object> list(Map<String, Object> parent, String key) {
        if (parent.get(key) instanceof List<?> l) {
            @SuppressWarnings("unchecked")
            List<Object> objects = (List<Object>) l;
            return objects;
        }
        return new ArrayList<>();
    }

    /** A deep copy, so stages can mutate freely. */
    static Object copy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(copy(v)));
            return out;
        }
        return value;
    }

    static Map<String, Object> copyMap(Map<String, Object> map) {
        return cast((Map<?, ?>) copy(map));
    }
}
