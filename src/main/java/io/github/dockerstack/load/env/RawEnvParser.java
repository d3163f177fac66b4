package io.github.dockerstack.load.env;

import io.github.dockerstack.load.ComposeException;
import io.github.dockerstack.load.yaml.Location;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.function.Function;

/**
 * Reads an {@code env_file} declared with {@code format: raw}, as compose v2 does with the docker
 * CLI's key/value file rules: one {@code KEY=value} per line, nothing interpolated or unescaped.
 *
 * <ul>
 *   <li>leading whitespace is dropped; blank lines and lines starting with {@code #} are skipped;
 *   <li>the key ends at the first {@code =} and may not contain spaces or tabs;
 *   <li>the value is the rest of the line, trailing whitespace included; one pair of matching
 *       quotes around it is removed;
 *   <li>{@code KEY} alone takes the lookup's value, and is left out when the lookup has none.
 * </ul>
 */
public final class RawEnvParser {
    private RawEnvParser() {
    }

    /**
     * The variables of one file, in file order.
     *
     * @param file named in errors only
     * @param lookup the outer environment, for keys without a value (null for unset)
     * @throws ComposeException at the line of a key that is missing or holds whitespace
     */
    public static LinkedHashMap<String, String> parse(Path file, String content, Function<String, String> lookup) {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripLeading();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq);
            if (key.isEmpty()) {
                throw error(file, i, "no variable name before '='; write KEY=value");
            }
            if (key.indexOf(' ') >= 0 || key.indexOf('\t') >= 0) {
                throw error(file, i, "variable '" + key + "' contains whitespace; a raw env file takes KEY=value with nothing around"
                        + " the key");
            }
            String value = eq < 0 ? lookup.apply(key) : line.substring(eq + 1);
            if (value != null) {
                out.put(key, withoutQuotes(value));
            }
        }
        return out;
    }

    private static String withoutQuotes(String value) {
        int last = value.length() - 1;
        if (last > 0 && (value.charAt(0) == '"' || value.charAt(0) == '\'') && value.charAt(last) == value.charAt(0)) {
            return value.substring(1, last);
        }
        return value;
    }

    private static ComposeException error(Path file, int index, String problem) {
        return new ComposeException(new Location(file, index + 1, 1), null, problem);
    }
}
