package io.github.dockerstack.load;

import java.util.Locale;
import java.util.regex.Pattern;

/** Compose's project-name rule: lowercase letters, digits, dashes and underscores, starting with a letter or digit. */
final class ProjectName {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private ProjectName() {
    }

    static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    /** As compose-go's NormalizeProjectName: lowercase, drop other characters, drop a leading dash or underscore. */
    static String normalize(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
        return lower.replaceFirst("^[_-]+", "");
    }

    static String requireValid(String name, String source) {
        if (!isValid(name)) {
            throw new ComposeException("invalid project name '" + name + "' from " + source
                    + ": it must contain only lowercase letters, digits, dashes and underscores, and start with a letter or digit (for example '"
                    + normalize(name) + "')");
        }
        return name;
    }
}
