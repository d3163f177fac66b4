package io.github.dockerstack.load.interp;

import io.github.dockerstack.load.ComposeException;
import io.github.dockerstack.load.yaml.Paths;
import io.github.dockerstack.load.yaml.SourceMap;
import io.github.dockerstack.load.yaml.Tagged;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Compose interpolation: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR-default}},
 * {@code ${VAR:?error}}, {@code ${VAR?error}}, {@code ${VAR:+replacement}}, {@code ${VAR+replacement}}
 * (operands are interpolated themselves, so forms nest) and {@code $$} for a literal {@code $}.
 *
 * <p>The lookup returns null for an unset variable. An unset variable without an operator becomes ""
 * and produces the warning compose prints. Every String scalar is interpolated, at any depth and
 * inside {@link Tagged} values; map keys never are, and other scalars pass unchanged.
 */
public final class Interpolator {
    private static final Consumer<String> IGNORE = w -> {
    };

    private Interpolator() {
    }

    /** A new tree with every string interpolated; the input is not modified. */
    public static Map<String, Object> interpolate(Map<String, Object> root, SourceMap sources, Function<String, String> lookup) {
        return interpolate(root, sources, lookup, IGNORE);
    }

    /**
     * As {@link #interpolate(Map, SourceMap, Function)}; {@code warnings} receives, per reference of
     * an unset variable, compose's {@code The "X" variable is not set. Defaulting to a blank string.}
     *
     * @throws ComposeException at the string's path and location for invalid syntax or a missing
     *     required variable
     */
    public static Map<String, Object> interpolate(Map<String, Object> root, SourceMap sources, Function<String, String> lookup,
            Consumer<String> warnings) {
        Template template = new Template(lookup, name -> warnings.accept(unsetWarning(name)));
        return map(root, "", sources, template);
    }

    /**
     * One value, for env files and single attributes.
     *
     * @throws ComposeException without location (callers add theirs) for invalid syntax or a missing
     *     required variable
     */
    public static String interpolate(String value, Function<String, String> lookup) {
        return interpolate(value, lookup, IGNORE);
    }

    /** As {@link #interpolate(String, Function)}, with compose's warning for each unset variable. */
    public static String interpolate(String value, Function<String, String> lookup, Consumer<String> warnings) {
        return new Template(lookup, name -> warnings.accept(unsetWarning(name))).substitute(value);
    }

    /** compose's wording, so users recognise it. */
    public static String unsetWarning(String name) {
        return "The \"" + name + "\" variable is not set. Defaulting to a blank string.";
    }

    private static Map<String, Object> map(Map<String, Object> in, String path, SourceMap sources, Template template) {
        Map<String, Object> out = new LinkedHashMap<>();
        in.forEach((key, value) -> out.put(key, value(value, Paths.key(path, key), sources, template)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object value(Object value, String path, SourceMap sources, Template template) {
        if (value instanceof String s) {
            try {
                return template.substitute(s);
            } catch (ComposeException e) {
                throw new ComposeException(sources.locate(path), path, e.problem());
            }
        }
        if (value instanceof Map<?, ?> m) {
            return map((Map<String, Object>) m, path, sources, template);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(value(list.get(i), Paths.index(path, i), sources, template));
            }
            return out;
        }
        if (value instanceof Tagged t) {
            return new Tagged(t.tag(), value(t.value(), path, sources, template));
        }
        return value;
    }
}
