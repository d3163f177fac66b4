package io.github.dockerstack.load.canonical;

import io.github.dockerstack.load.yaml.Tagged;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rules for service attributes, one method each; {@link Canonicalizer} maps paths to them. */
final class ServiceRules {
    private ServiceRules() {
    }

    /** {@code build: ./dir} is {@code build: {context: ./dir}}. */
    static Object build(Object value, At at) {
        if (value instanceof Map) {
            return value;
        }
        String context = Values.text(value);
        if (context == null) {
            throw at.error("expected a build context path or a mapping (context:, dockerfile:, ...), not " + Values.describe(value));
        }
        return single("context", context);
    }

    /** {@code extends: web} is {@code extends: {service: web}}. */
    static Object extendsService(Object value, At at) {
        if (value instanceof Map) {
            return value;
        }
        String service = Values.text(value);
        if (service == null) {
            throw at.error("expected a service name or a mapping (service:, file:), not " + Values.describe(value));
        }
        return single("service", service);
    }

    /** A string is one item; lists stay. */
    static Object stringOrList(Object value, At at) {
        return Values.isScalar(value) ? new ArrayList<>(List.of(value)) : value;
    }

    /** expose: a list of strings ({@code 3000} and {@code "3000"} are the same port). */
    static Object expose(Object value, At at) {
        if (Values.isScalar(value)) {
            return new ArrayList<>(List.of(Values.text(value)));
        }
        if (!(value instanceof List<?> list)) {
            return value;
        }
        List<Object> out = new ArrayList<>();
        for (Object item : list) {
            out.add(Values.isScalar(item) ? Values.text(item) : item);
        }
        return out;
    }

    /** command, entrypoint: a string is split into words as a POSIX shell would (go-shellwords). */
    static Object shellCommand(Object value, At at) {
        if (!(value instanceof String line)) {
            return value;
        }
        try {
            return new ArrayList<Object>(ShellWords.split(line));
        } catch (IllegalArgumentException e) {
            throw at.error("cannot split the command into words: " + e.getMessage()
                    + "; fix the quoting or write it as a list, e.g. [\"sh\", \"-c\", \"...\"]");
        }
    }

    /** healthcheck.test: a string runs in the container's shell. */
    static Object healthcheckTest(Object value, At at) {
        if (value instanceof String command) {
            return new ArrayList<Object>(List.of("CMD-SHELL", command));
        }
        return value;
    }

    /** env_file: entries {path, required}; required defaults to true. */
    static Object envFile(Object value, At at) {
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            At itemAt = value instanceof List ? at.index(i) : at;
            if (item instanceof Tagged t) {
                out.add(new Tagged(t.tag(), envFileEntry(t.value(), itemAt)));
            } else {
                out.add(envFileEntry(item, itemAt));
            }
        }
        return out;
    }

    private static Object envFileEntry(Object item, At at) {
        if (item instanceof Map<?, ?> map) {
            Map<String, Object> entry = copy(map);
            // a later file's entry replaces this one whole (unique by path), so defaulting here is safe
            entry.putIfAbsent("required", true);
            return entry;
        }
        String path = Values.text(item);
        if (path == null) {
            throw at.error("expected a file path or a mapping (path:, required:), not " + Values.describe(item));
        }
        Map<String, Object> entry = single("path", path);
        entry.put("required", true);
        return entry;
    }

    /**
     * depends_on: a list of names becomes {name: {condition: service_started, required: true}}.
     * Long-form entries are left alone: their missing keys must not override an earlier file's, so
     * the merge stage fills the defaults once the files are merged.
     */
    static Object dependsOn(Object value, At at) {
        if (!(value instanceof List<?> list)) {
            return value;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        ListItems.forEach(list, at, (item, itemAt) -> {
            String name = name(item, itemAt, "a service name");
            Map<String, Object> entry = single("condition", "service_started");
            entry.put("required", true);
            map.put(name, entry);
            itemAt.locateAs(at.key(name));
        });
        return map;
    }

    /** service networks: a list of names becomes {name: null}. */
    static Object networks(Object value, At at) {
        if (!(value instanceof List<?> list)) {
            return value;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        ListItems.forEach(list, at, (item, itemAt) -> {
            String name = name(item, itemAt, "a network name");
            map.put(name, null);
            itemAt.locateAs(at.key(name));
        });
        return map;
    }

    /** secrets, configs items: {@code name} is {source: name}. */
    static Object fileMount(Object value, At at) {
        if (value instanceof Map) {
            return value;
        }
        String source = Values.text(value);
        if (source == null) {
            throw at.error("expected a name or a mapping (source:, target:, uid:, gid:, mode:), not " + Values.describe(value));
        }
        return single("source", source);
    }

    /** ulimits entries: a number is {single: n}. */
    static Object ulimit(Object value, At at) {
        if (value instanceof Map) {
            return value;
        }
        if (!Values.isScalar(value)) {
            throw at.error("expected a number or a mapping (soft:, hard:), not " + Values.describe(value));
        }
        return single("single", value);
    }

    /** devices items: {@code SRC[:DST[:PERMISSIONS]]}; DST defaults to SRC, permissions to rwm. */
    static Object device(Object value, At at) {
        if (value instanceof Map) {
            return value;
        }
        String spec = Values.text(value);
        if (spec == null) {
            throw at.error("expected \"SOURCE[:TARGET[:PERMISSIONS]]\" or a mapping (source:, target:, permissions:), not "
                    + Values.describe(value));
        }
        String[] parts = spec.split(":", -1);
        if (parts.length > 3) {
            throw at.error("'" + spec + "' has too many ':'-separated parts; expected SOURCE[:TARGET[:PERMISSIONS]], "
                    + "or use the long syntax (source:, target:, permissions:)");
        }
        String source = parts[0];
        String target = parts.length > 1 && !parts[1].isEmpty() ? parts[1] : source;
        Map<String, Object> device = single("source", source);
        device.put("target", target);
        device.put("permissions", parts.length > 2 ? parts[2] : "rwm");
        return device;
    }

    private static String name(Object item, At at, String what) {
        if (!(item instanceof String name)) {
            throw at.error("expected " + what + ", not " + Values.describe(item));
        }
        return name;
    }

    static Map<String, Object> single(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }

    static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
