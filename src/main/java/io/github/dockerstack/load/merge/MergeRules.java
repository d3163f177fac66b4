package io.github.dockerstack.load.merge;

import io.github.dockerstack.load.canonical.PathPattern;
import io.github.dockerstack.load.yaml.Tagged;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The paths where compose does not merge by its default (compose-go override/merge.go), one rule
 * each. Sequences that are made unique afterwards are in {@link Unicity}.
 */
final class MergeRules {
    private static final Map<PathPattern, MergeRule> RULES = new LinkedHashMap<>();

    static {
        for (String path : List.of("services.*.command", "services.*.entrypoint", "services.*.healthcheck.test",
                "services.*.ulimits.*")) {
            rule(path, MergeRules::replace);
        }
        for (String path : List.of("services.*.environment", "services.*.labels", "services.*.annotations",
                "services.*.sysctls", "services.*.deploy.labels", "services.*.build.args", "services.*.build.labels",
                "services.*.build.additional_contexts", "networks.*.labels", "volumes.*.labels")) {
            rule(path, MergeRules::byKey);
        }
        rule("services.*.extra_hosts", MergeRules::appendMissing);
        rule("services.*.build.extra_hosts", MergeRules::appendMissing);
        rule("services.*.logging", MergeRules::logging);
        rule("networks.*.ipam.config", MergeRules::bySubnet);
    }

    private MergeRules() {
    }

    private static void rule(String pattern, MergeRule rule) {
        RULES.put(PathPattern.of(pattern), rule);
    }

    static MergeRule ruleFor(TreePath at) {
        for (Map.Entry<PathPattern, MergeRule> e : RULES.entrySet()) {
            if (at.matches(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    /** command, entrypoint, healthcheck.test, each ulimit: the later value wins whole, even null. */
    static Object replace(Object base, Object override, TreePath at, Merging merging) {
        return Tags.resolve(override);
    }

    /** environment, labels, ...: key by key, and a later null ({@code - KEY}) replaces too. */
    static Object byKey(Object base, Object override, TreePath at, Merging merging) {
        if (override == null) {
            return base;
        }
        Map<String, Object> merged = asMap(base, at, merging);
        Map<String, Object> later = asMapKeepingTags(override, at, merging);
        for (Map.Entry<String, Object> e : later.entrySet()) {
            if (Tags.isReset(e.getValue())) {
                merged.remove(e.getKey());
            } else {
                merged.put(e.getKey(), Tags.resolve(e.getValue()));
            }
        }
        return merged;
    }

    /** extra_hosts: later entries not already present are appended. */
    static Object appendMissing(Object base, Object override, TreePath at, Merging merging) {
        if (!(base instanceof List<?> list) || !(override instanceof List<?> other)) {
            return merging.generic(base, override, at);
        }
        List<Object> merged = Merging.castList(list);
        List<Object> earlier = new ArrayList<>(merged);
        for (Object item : Tags.resolveList(other)) {
            if (!earlier.contains(item)) {
                merged.add(item);
            }
        }
        return merged;
    }

    /** logging: options merge only while the driver stays the same; a new driver drops the old options. */
    static Object logging(Object base, Object override, TreePath at, Merging merging) {
        if (!(base instanceof Map<?, ?> earlier) || !(override instanceof Map<?, ?> later)) {
            return merging.generic(base, override, at);
        }
        Object driver = later.get("driver") instanceof Tagged t ? t.value() : later.get("driver");
        boolean sameDriver = !later.containsKey("driver") || !earlier.containsKey("driver")
                || Objects.equals(earlier.get("driver"), driver);
        return sameDriver ? merging.mappings(Merging.cast(earlier), later, at) : Tags.resolve(later);
    }

    /** ipam.config: an entry for a subnet already configured merges into it; others are appended. */
    static Object bySubnet(Object base, Object override, TreePath at, Merging merging) {
        if (!(base instanceof List<?> list) || !(override instanceof List<?> other)) {
            return merging.generic(base, override, at);
        }
        List<Object> merged = Merging.castList(list);
        for (Object item : Tags.resolveList(other)) {
            int same = item instanceof Map<?, ?> entry && entry.get("subnet") != null ? indexOfSubnet(merged, entry.get("subnet")) : -1;
            if (same >= 0) {
                merged.set(same, merging.mappings(Merging.cast((Map<?, ?>) merged.get(same)), (Map<?, ?>) item, at.index(same)));
            } else {
                merged.add(item);
            }
        }
        return merged;
    }

    private static int indexOfSubnet(List<Object> configs, Object subnet) {
        for (int i = 0; i < configs.size(); i++) {
            if (configs.get(i) instanceof Map<?, ?> config && subnet.equals(config.get("subnet"))) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, Object> asMap(Object value, TreePath at, Merging merging) {
        return Merging.cast(asMapKeepingTags(value, at, merging));
    }

    /** The canonical stage gives mappings; a list of KEY=VALUE (an attribute it left alone) is read as one. */
    private static Map<String, Object> asMapKeepingTags(Object value, TreePath at, Merging merging) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        if (value instanceof List<?> list) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Object item : Tags.resolveList(list)) {
                String text = String.valueOf(item);
                int eq = text.indexOf('=');
                out.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? null : text.substring(eq + 1));
            }
            return out;
        }
        throw merging.error(at, "expected a mapping of KEY: VALUE (or a list of KEY=VALUE), not " + Merging.describe(value));
    }
}
