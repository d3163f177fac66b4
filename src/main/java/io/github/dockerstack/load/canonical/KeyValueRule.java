package io.github.dockerstack.load.canonical;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * environment, labels and the like: a list of {@code KEY=VALUE} becomes a mapping. A bare {@code KEY}
 * maps to {@code bare}: null for environment and build args (the variable is taken from the shell),
 * "" for labels. A mapping stays as it is; its values are cast later.
 */
final class KeyValueRule implements Rule {
    private final Object bare;
    private final boolean variables;

    private KeyValueRule(Object bare, boolean variables) {
        this.bare = bare;
        this.variables = variables;
    }

    /** environment, build.args: {@code KEY} alone maps to null. */
    static KeyValueRule variables() {
        return new KeyValueRule(null, true);
    }

    /** labels, annotations, sysctls: {@code KEY} alone maps to "". */
    static KeyValueRule labels() {
        return new KeyValueRule("", false);
    }

    @Override
    public Object apply(Object value, At at) {
        if (!(value instanceof List<?> list)) {
            return value;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        ListItems.forEach(list, at, (item, itemAt) -> {
            String text = Values.text(item);
            if (text == null) {
                throw itemAt.error("expected a KEY=VALUE string, not " + Values.describe(item));
            }
            int eq = text.indexOf('=');
            String key = eq < 0 ? text : text.substring(0, eq);
            if (key.isEmpty()) {
                throw itemAt.error("'" + text + "' has no name before '='; write KEY=VALUE");
            }
            if (variables && Character.isWhitespace(key.charAt(key.length() - 1))) {
                throw itemAt.error("the variable '" + key + "' ends with a space; remove the space before '='");
            }
            map.put(key, eq < 0 ? bare : text.substring(eq + 1));
            itemAt.locateAs(at.key(key));
        });
        return map;
    }
}
