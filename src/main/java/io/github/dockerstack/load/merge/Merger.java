package io.github.dockerstack.load.merge;

import io.github.dockerstack.load.ComposeException;
import io.github.dockerstack.load.yaml.SourceMap;
import io.github.dockerstack.load.yaml.Tagged;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The compose merge of canonical trees, file after file (compose-go override/merge.go and
 * uncity.go): mappings merge by key, scalars are replaced, sequences append and are then made
 * unique by their entries' identity; the exceptions are in {@link MergeRules} and {@link Unicity}.
 * {@code !reset} on a key removes it (earlier files' value and this file's); {@code !override}
 * replaces the earlier value whole. No {@link Tagged} survives: tags in {@code base} (a first file)
 * are resolved as {@link #strip} does.
 *
 * <p>After merging, {@code depends_on} entries get their defaults ({@code condition:
 * service_started}, {@code required: true}); the canonical stage leaves them out so that a later
 * file's partial entry does not reset an earlier file's condition.
 */
public final class Merger {
    private Merger() {
    }

    /** {@code override} merged into {@code base}: a new tree; neither input is modified. */
    public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        return merge(base, override, null);
    }

    /**
     * As {@link #merge(Map, Map)}; {@code overrideSources} locates errors (null: errors carry only the path).
     *
     * @throws ComposeException when a value cannot merge into the earlier one (a list into a mapping)
     */
    public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override, SourceMap overrideSources) {
        Merging merging = new Merging(overrideSources);
        Map<String, Object> merged = merging.mappings(Tags.resolveMap(base), override, TreePath.ROOT);
        return finish(merged, TreePath.ROOT, merging);
    }

    /**
     * A single file's tree as merging makes it: tags resolved ({@code !reset} means absent), sequences
     * unique, depends_on defaults set.
     */
    public static Map<String, Object> strip(Map<String, Object> tree) {
        return merge(new LinkedHashMap<>(), tree, null);
    }

    /** As {@link #strip(Map)}, locating errors with {@code sources}. */
    public static Map<String, Object> strip(Map<String, Object> tree, SourceMap sources) {
        return merge(new LinkedHashMap<>(), tree, sources);
    }

    /**
     * One service definition merged into another, as {@code extends} does (compose-go
     * override.ExtendService): the rules of {@code services.<name>}; tags in {@code override} apply
     * to {@code base}.
     */
    public static Map<String, Object> mergeService(String name, Map<String, Object> base, Map<String, Object> override,
            SourceMap overrideSources) {
        Merging merging = new Merging(overrideSources);
        TreePath at = TreePath.of("services", name);
        Map<String, Object> merged = merging.mappings(Tags.resolveMap(base), override, at);
        return finish(merged, at, merging);
    }

    private static Map<String, Object> finish(Map<String, Object> merged, TreePath at, Merging merging) {
        Unicity.apply(merged, at, merging);
        if (at.segments().isEmpty() && merged.get("services") instanceof Map<?, ?> services) {
            services.values().forEach(Merger::dependsOnDefaults);
        } else if (at.segments().size() == 2) {
            dependsOnDefaults(merged);
        }
        return merged;
    }

    private static void dependsOnDefaults(Object service) {
        if (service instanceof Map<?, ?> s && s.get("depends_on") instanceof Map<?, ?> dependsOn) {
            for (Object entry : dependsOn.values()) {
                if (entry instanceof Map<?, ?> e) {
                    Map<String, Object> dependency = Merging.cast(e);
                    dependency.putIfAbsent("condition", "service_started");
                    dependency.putIfAbsent("required", true);
                }
            }
        }
    }
}
