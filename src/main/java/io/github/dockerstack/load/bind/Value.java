package io.github.dockerstack.load.bind;

import io.github.dockerstack.load.ComposeException;
import io.github.dockerstack.load.yaml.Paths;
import io.github.dockerstack.load.yaml.SourceMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One node of the canonical tree with its path, and the casts compose-go applies when it decodes
 * the node into a typed field. Every cast maps null to null and reports a bad value as a
 * {@link ComposeException} located through the {@link SourceMap}, saying which form is expected.
 */
final class Value {
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    private static final Pattern OCTAL = Pattern.compile("(0o|0O)?[0-7]+");

    private final Object raw;
    private final String path;
    private final SourceMap sources;

    Value(Object raw, String path, SourceMap sources) {
        this.raw = raw;
        this.path = path;
        this.sources = sources;
    }

    Object raw() {
        return raw;
    }

    String path() {
        return path;
    }

    boolean isNull() {
        return raw == null;
    }

    boolean isMap() {
        return raw instanceof Map;
    }

    ComposeException error(String problem) {
        return new ComposeException(sources.locate(path), path, problem);
    }

    // ---- structure

    /** The child at {@code key} of this mapping (a null value when absent). */
    Value get(String key) {
        Object child = raw == null ? null : map().get(key);
        return new Value(child, Paths.key(path, key), sources);
    }

    boolean has(String key) {
        return raw != null && map().containsKey(key);
    }

    /** The entries of this mapping, in order; empty when null. */
    Map<String, Value> entries() {
        Map<String, Value> out = new LinkedHashMap<>();
        if (raw != null) {
            map().forEach((k, v) -> out.put(k, new Value(v, Paths.key(path, k), sources)));
        }
        return out;
    }

    /** The items of this list; empty when null. */
    List<Value> items() {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            throw error("must be a list, not " + describe());
        }
        List<Value> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(new Value(list.get(i), Paths.index(path, i), sources));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map() {
        if (!(raw instanceof Map)) {
            throw error("must be a mapping (key: value), not " + describe());
        }
        return (Map<String, Object>) raw;
    }

    // ---- scalars

    /** A string attribute; numbers and booleans are refused, as compose's schema refuses them. */
    String string() {
        if (raw == null || raw instanceof String) {
            return (String) raw;
        }
        if (raw instanceof Map || raw instanceof List) {
            throw error("must be a string, not " + describe());
        }
        throw error("must be a string, not " + describe() + "; quote the value: \"" + GoText.of(raw) + "\"");
    }

    /** Any scalar as text, the way compose prints it: 1 -> "1", true -> "true", 1.5 -> "1.5". */
    String text() {
        return raw == null ? null : GoText.of(scalar());
    }

    Integer integer() {
        Long value = int64();
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw error("the value " + value + " is too large; use an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
        }
        return value.intValue();
    }

    Long int64() {
        Object v = scalar();
        if (v == null || v instanceof Long) {
            return (Long) v;
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) {
            return d.longValue();
        }
        if (v instanceof String s && INTEGER.matcher(s).matches()) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw error("the value " + s + " is too large for an integer");
            }
        }
        throw error("must be an integer like 3, not " + describe());
    }

    /** A port number: an integer from 0 to 65535. */
    Integer port() {
        Long value = int64();
        if (value != null && (value < 0 || value > 65535)) {
            throw error("must be a port number from 0 to 65535, not " + value);
        }
        return value == null ? null : value.intValue();
    }

    /** A boolean; strings after interpolation may say true/false (and, with compose, yes/no/on/off/y/n). */
    Boolean bool() {
        Object v = scalar();
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        if (v instanceof String s) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "on":
                    return Boolean.TRUE;
                case "false", "no", "n", "off":
                    return Boolean.FALSE;
                default:
                    break;
            }
        }
        throw error("must be true or false, not " + describe());
    }

    boolean bool(boolean absent) {
        Boolean b = bool();
        return b == null ? absent : b;
    }

    /** A decimal number such as cpus: 0.5, 2 or "1.5". */
    Double number() {
        Object v = scalar();
        if (v == null || v instanceof Double) {
            return (Double) v;
        }
        if (v instanceof Long l) {
            return l.doubleValue();
        }
        if (v instanceof String s && FLOAT.matcher(s).matches()) {
            return Double.parseDouble(s);
        }
        throw error("must be a number like 0.5 or 2, not " + describe());
    }

    /** A duration in Go's syntax: 10s, 1m30s, 1.5h, 500ms (also d and w). */
    Duration duration() {
        Object v = scalar();
        if (v == null) {
            return null;
        }
        Duration d = v instanceof Boolean ? null : GoDurations.parse(GoText.of(v));
        if (d == null) {
            String hint = v instanceof Long || v instanceof String s && INTEGER.matcher(s).matches()
                    ? "; add a unit, e.g. " + GoText.of(v) + "s" : "";
            throw error("must be a duration like 10s or 1m30s (units ns, us, ms, s, m, h, d, w), not " + describe() + hint);
        }
        return d;
    }

    /** A byte size: 1024, 512m, 1gb, 2G, 100k (binary units). */
    Long bytes() {
        Object v = scalar();
        if (v == null || v instanceof Long) {
            return (Long) v;
        }
        Long size = null;
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) {
            size = d.longValue();
        } else if (v instanceof String s) {
            size = ByteSizes.parse(s);
        }
        if (size == null) {
            throw error("must be a byte size like 1024, 512m or 2g (units b, k, m, g, t, p), not " + describe());
        }
        return size;
    }

    /** A file mode: an integer, or a string read as octal ("0440"), as compose-go reads it. */
    Integer fileMode() {
        Object v = scalar();
        if (v == null) {
            return null;
        }
        if (v instanceof Long l && l >= 0 && l <= 07777777) {
            return l.intValue();
        }
        if (v instanceof String s && OCTAL.matcher(s).matches() && s.length() <= 12) {
            return Integer.parseInt(s.replaceFirst("^0[oO]", ""), 8);
        }
        throw error("must be a file mode like 0440 (octal, as a string) or an integer, not " + describe());
    }

    private Object scalar() {
        if (raw instanceof Map || raw instanceof List) {
            throw error("must be a single value, not " + describe());
        }
        return raw;
    }

    // ---- collections of scalars

    /** A list of strings (a single string counts as a one-item list); null is an empty list. */
    List<String> strings() {
        List<String> out = stringsOrNull();
        return out == null ? List.of() : out;
    }

    /** A list of strings, keeping null apart from empty (command, entrypoint). */
    List<String> stringsOrNull() {
        if (raw == null) {
            return null;
        }
        if (raw instanceof String s) {
            return List.of(s);
        }
        List<String> out = new ArrayList<>();
        for (Value item : items()) {
            if (item.isNull()) {
                throw item.error("must be a string, not null");
            }
            out.add(item.string());
        }
        return out;
    }

    /** A list of scalars as text (numbers allowed: expose, group_add). */
    List<String> texts() {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List)) {
            return List.of(text());
        }
        List<String> out = new ArrayList<>();
        for (Value item : items()) {
            if (item.isNull()) {
                throw item.error("must be a value, not null");
            }
            out.add(item.text());
        }
        return out;
    }

    /** A mapping of scalars as text; a null value stays null (environment, build args). */
    Map<String, String> textMapKeepingNull() {
        Map<String, String> out = new LinkedHashMap<>();
        entries().forEach((k, v) -> out.put(k, v.text()));
        return out;
    }

    /** A mapping of scalars as text; a null value becomes "" (labels, options, sysctls). */
    Map<String, String> textMap() {
        Map<String, String> out = new LinkedHashMap<>();
        entries().forEach((k, v) -> out.put(k, v.isNull() ? "" : v.text()));
        return out;
    }

    /** The x-* attributes of this mapping, as they are (immutable copies). */
    Map<String, Object> extensions() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (String.valueOf(k).startsWith("x-")) {
                    out.put(String.valueOf(k), frozen(v));
                }
            });
        }
        return out;
    }

    private static Object frozen(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), frozen(v)));
            return Collections.unmodifiableMap(out);
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(frozen(v)));
            return Collections.unmodifiableList(out);
        }
        return value;
    }

    private String describe() {
        if (raw instanceof Map) {
            return "a mapping";
        }
        if (raw instanceof List) {
            return "a list";
        }
        if (raw instanceof String s) {
            return "'" + s + "'";
        }
        if (raw instanceof Long || raw instanceof Double) {
            return "the number " + GoText.of(raw);
        }
        return String.valueOf(raw);
    }
}
