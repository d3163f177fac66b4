package io.github.dockerstack.plan;

import io.github.dockerstack.engine.ContainerSpec;
import io.github.dockerstack.engine.Labels;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code com.docker.compose.config-hash} of a container: SHA-256 (hex) of a canonical text of
 * its {@link ContainerSpec}, so a service whose configuration did not change gets the same hash in
 * any JVM, and any change that matters to the container changes it.
 *
 * <p>Canonical: record components in declaration order, map entries sorted by key (environment and
 * label order do not matter, as in Compose), lists in order; null, false and empty values are left
 * out, so a field added to the spec later does not change the hash of specs that do not use it.
 * Left out as well: the hash label itself and the labels that describe the run rather than the
 * container (container number, depends_on, tool version, working directory, compose and env file
 * lists), as Compose leaves them out of its hash. The image id label stays in: a new image means
 * a new container. {@link ContainerSpecs} hashes a service's first replica, so all replicas share
 * one hash.
 *
 * <p>The hash is not Compose's own (that one is the JSON of compose-go's service struct), so a
 * stack started by Compose is recreated once by the plugin and the other way round.
 */
public final class ConfigHash {
    private static final Set<String> RUN_LABELS = Set.of(Labels.CONFIG_HASH, Labels.CONTAINER_NUMBER, Labels.DEPENDS_ON, Labels.VERSION,
            Labels.WORKING_DIR, Labels.CONFIG_FILES, Labels.ENVIRONMENT_FILE, Labels.REPLACE, Labels.DOCKER_STACK_VERSION);

    private ConfigHash() {
    }

    public static String of(ContainerSpec spec) {
        return sha256(canonical(spec));
    }

    /** The text that is hashed (JSON-like), for diagnostics and tests; a file written into the container counts by its digest. */
    public static String canonical(ContainerSpec spec) {
        Map<String, String> labels = new TreeMap<>(spec.labels());
        labels.keySet().removeAll(RUN_LABELS);
        List<ContainerSpec.FileCopy> files = spec.files().stream()
                .map(f -> new ContainerSpec.FileCopy(f.target(), "sha256:" + sha256(f.content()), f.mode(), f.uid(), f.gid())).toList();
        StringBuilder out = new StringBuilder();
        write(out, spec.toBuilder().labels(labels).files(files).build());
        return out.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(StringBuilder out, Object value) {
        if (value instanceof Record record) {
            out.append('{');
            boolean first = true;
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                Object v = component(record, c);
                if (omitted(v)) {
                    continue;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, c.getName());
                out.append(':');
                write(out, v);
            }
            out.append('}');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, String.valueOf(e.getKey()));
                out.append(':');
                write(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(out, item);
            }
            out.append(']');
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Enum<?> e) {
            string(out, e.name());
        } else {
            out.append(value); // numbers, booleans, null inside collections
        }
    }

    private static boolean omitted(Object v) {
        return v == null || Boolean.FALSE.equals(v) || (v instanceof Collection<?> c && c.isEmpty()) || (v instanceof Map<?, ?> m && m.isEmpty());
    }

    private static Object component(Record record, RecordComponent c) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }
}
