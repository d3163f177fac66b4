package io.github.dockerstack.load.merge;

import io.github.dockerstack.load.ComposeException;
import io.github.dockerstack.load.yaml.SourceMap;
import io.github.dockerstack.load.yaml.Tagged;
import java.util.List;
import java.util.Map;

/**
 * The merge walk: looks up the rule for each path in {@link MergeRules} and falls back to compose's
 * default (mappings merge by key, sequences append, scalars are replaced, a null later value keeps
 * the earlier one). Tags are applied where keys meet: {@code !reset} removes the key, {@code !override}
 * replaces the earlier value whole.
 */
final class Merging {
    private final SourceMap sources;

    Merging(SourceMap sources) {
        this.sources = sources;
    }

    /** Merges a later, untagged value into an earlier, tag-free one. */
    Object value(Object base, Object override, TreePath at) {
        if (base == null) {
            return Tags.resolve(override);
        }
        MergeRule rule = MergeRules.ruleFor(at);
        return rule != null ? rule.merge(base, override, at, this) : generic(base, override, at);
    }

    /** compose's default: mappings recurse, sequences append, scalars are replaced, null keeps. */
    Object generic(Object base, Object override, TreePath at) {
        if (override == null) {
            return base;
        }
        if (base instanceof Map<?, ?> map) {
            if (!(override instanceof Map<?, ?> other)) {
                throw mismatch(base, override, at);
            }
            return mappings(cast(map), other, at);
        }
        if (base instanceof List<?> list) {
            if (!(override instanceof List<?> other)) {
                throw mismatch(base, override, at);
            }
            List<Object> merged = castList(list);
            merged.addAll(Tags.resolveList(other));
            return merged;
        }
        return Tags.resolve(override);
    }

    /** Merges a later mapping into an earlier one, key by key; returns {@code base}, mutated. */
    Map<String, Object> mappings(Map<String, Object> base, Map<?, ?> override, TreePath at) {
        for (Map.Entry<?, ?> e : override.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object value = e.getValue();
            if (value instanceof Tagged tagged) {
                if (tagged.tag() == Tagged.Tag.RESET) {
                    base.remove(key);
                } else {
                    base.put(key, Tags.resolve(tagged.value()));
                }
            } else if (!base.containsKey(key)) {
                base.put(key, Tags.resolve(value));
            } else {
                base.put(key, value(base.get(key), value, at.key(key)));
            }
        }
        return base;
    }

    ComposeException error(TreePath at, String problem) {
        return new ComposeException(sources == null ? null : sources.locate(at.text()), at.text(), problem);
    }

    private ComposeException mismatch(Object base, Object override, TreePath at) {
        return error(at, "cannot merge " + describe(override) + " into " + describe(base)
                + " set by an earlier file; write the same form in both files, or tag this value !override to replace it");
    }

    static String describe(Object value) {
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        return "the value '" + value + "'";
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    @SuppressWarnings("unchecked")
    static List<Object> castList(List<?> list) {
        return (List<Object>) list;
    }
}
