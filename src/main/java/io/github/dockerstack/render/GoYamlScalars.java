package io.github.dockerstack.render;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * When Go's YAML encoder double-quotes a string: when the plain text would read back as something
 * else (null, a boolean, a number, a timestamp, a YAML 1.1 boolean such as {@code yes}, a
 * sexagesimal number such as {@code 1:20}). {@code published: "8080"} and byte sizes such as
 * {@code "536870912"} come out quoted this way.
 */
final class GoYamlScalars {
    private static final Set<String> KEYWORDS = Set.of(
            "", "~", "null", "Null", "NULL",
            "true", "True", "TRUE", "false", "False", "FALSE",
            ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN",
            "<<",
            // YAML 1.1 booleans, still quoted for older readers
            "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off", "OFF");
    private static final Pattern INT = Pattern.compile("[-+]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|[0-9]+)");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
                    + "([Tt][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]*)?(Z|[-+][0-9]{2}:[0-9]{2})"
                    + "| [0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]*)?)?");
    private static final Pattern BASE60 = Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");

    private GoYamlScalars() {
    }

    static boolean needsDoubleQuotes(String s) {
        if (KEYWORDS.contains(s) || BASE60.matcher(s).matches()) {
            return true;
        }
        char first = s.charAt(0);
        if (!(first >= '0' && first <= '9' || first == '-' || first == '+' || first == '.')) {
            return false;
        }
        String plain = s.replace("_", "");
        return INT.matcher(plain).matches() || FLOAT.matcher(plain).matches() || TIMESTAMP.matcher(s).matches();
    }
}
