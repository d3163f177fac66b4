package io.github.dockerstack.load.merge;

import io.github.dockerstack.load.canonical.PathPattern;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sequences that hold each thing once (compose-go override/uncity.go): after a merge, an entry whose
 * key an earlier entry has replaces that entry at its position. One key function per path.
 */
final class Unicity {
    /** The identity of a sequence entry. */
    @FunctionalInterface
    interface Key {
        String of(Object item, TreePath at, Merging merging);
    }

    private static final Map<PathPattern, Key> KEYS = new LinkedHashMap<>();

    static {
        key("services.*.ports", Unicity::port);
        key("services.*.volumes", (item, at, m) -> target(item, at, m, "volume"));
        key("services.*.devices", Unicity::device);
        key("services.*.secrets", mount("/run/secrets"));
        key("services.*.configs", mount(""));
        key("services.*.env_file", Unicity::envFile);
        key("services.*.expose", Unicity::scalar);
        for (String path : List.of("services.*.cap_add", "services.*.cap_drop", "services.*.dns", "services.*.dns_opt",
                "services.*.dns_search", "services.*.links", "services.*.profiles", "services.*.tmpfs",
                "services.*.build.tags", "services.*.networks.*.aliases", "services.*.networks.*.link_local_ips")) {
            key(path, Unicity::beforeEquals);
        }
    }

    private Unicity() {
    }

    private static void key(String pattern, Key key) {
        KEYS.put(PathPattern.of(pattern), key);
    }

    /** Makes the matched sequences under {@code value} unique, in place. */
    static Object apply(Object value, TreePath at, Merging merging) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> m = Merging.cast(map);
            for (Map.Entry<String, Object> e : m.entrySet()) {
                e.setValue(apply(e.getValue(), at.key(e.getKey()), merging));
            }
            return m;
        }
        if (value instanceof List<?> list) {
            for (Map.Entry<PathPattern, Key> e : KEYS.entrySet()) {
                if (at.matches(e.getKey())) {
                    return unique(list, e.getValue(), at, merging);
                }
            }
        }
        return value;
    }

    private static List<Object> unique(List<?> list, Key key, TreePath at, Merging merging) {
        List<Object> out = new ArrayList<>(list.size());
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            Integer seen = positions.putIfAbsent(key.of(item, at.index(i), merging), out.size());
            if (seen == null) {
                out.add(item);
            } else {
                out.set(seen, item);
            }
        }
        return out;
    }

    private static String port(Object item, TreePath at, Merging merging) {
        if (!(item instanceof Map<?, ?> port)) {
            return String.valueOf(item);
        }
        if (port.get("target") == null) {
            throw merging.error(at, "a port needs a target (the port in the container)");
        }
        return text(port.get("host_ip"), "0.0.0.0") + ":" + text(port.get("published"), "") + ":" + port.get("target")
                + "/" + text(port.get("protocol"), "tcp");
    }

    private static String target(Object item, TreePath at, Merging merging, String what) {
        if (!(item instanceof Map<?, ?> mount)) {
            return String.valueOf(item);
        }
        if (!(mount.get("target") instanceof String target)) {
            throw merging.error(at, "a " + what + " needs a target (the path in the container)");
        }
        return target;
    }

    private static String device(Object item, TreePath at, Merging merging) {
        if (item instanceof String spec) {
            String[] parts = spec.split(":");
            return parts.length == 1 ? parts[0] : parts[1];
        }
        return target(item, at, merging, "device");
    }

    /** secrets and configs: by target, which defaults to the source's name under {@code dir}. */
    private static Key mount(String dir) {
        return (item, at, merging) -> {
            if (item instanceof Map<?, ?> mount) {
                return mount.get("target") != null ? String.valueOf(mount.get("target")) : dir + "/" + mount.get("source");
            }
            return dir + "/" + item;
        };
    }

    private static String envFile(Object item, TreePath at, Merging merging) {
        if (!(item instanceof Map<?, ?> file)) {
            return String.valueOf(item);
        }
        if (file.get("path") == null) {
            throw merging.error(at, "an env_file entry needs a path");
        }
        return String.valueOf(file.get("path"));
    }

    private static String scalar(Object item, TreePath at, Merging merging) {
        if (item instanceof Map || item instanceof List) {
            throw merging.error(at, "expected a single value, not " + Merging.describe(item));
        }
        return String.valueOf(item);
    }

    /** cap_add, dns, aliases, ...: the entry, or its part before '=' ({@code tmpfs} options aside). */
    private static String beforeEquals(Object item, TreePath at, Merging merging) {
        String text = scalar(item, at, merging);
        int eq = text.indexOf('=');
        return eq < 0 ? text : text.substring(0, eq);
    }

    private static String text(Object value, String absent) {
        return value == null ? absent : String.valueOf(value);
    }
}
