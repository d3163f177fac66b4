package io.github.dockerstack.load.canonical;

import io.github.dockerstack.load.yaml.Tagged;
import java.util.List;
import java.util.Map;

/** Small helpers over untyped tree values. */
final class Values {
    private Values() {
    }

    static boolean isScalar(Object value) {
        return value != null && !(value instanceof Map) && !(value instanceof List) && !(value instanceof Tagged);
    }

    /** A scalar as the text compose would see (numbers and booleans printed), or null if not a scalar. */
    static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            // YAML 80.0 reads as Go prints it: 80
            return Long.toString(d.longValue());
        }
        return isScalar(value) ? value.toString() : null;
    }

    static String describe(Object value) {
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        return value == null ? "null" : "'" + value + "'";
    }
}
