package io.github.dockerstack.build;

import java.util.regex.Pattern;

/**
 * One compiled .dockerignore pattern, translated like moby's {@code patternmatcher}: literal text
 * compares exactly, a trailing "**" is a prefix, a leading "**" a suffix, anything else becomes a
 * regular expression where "*" is {@code [^/]*}, "?" is {@code [^/]}, "**&#47;" is {@code (.*&#47;)?}, "\"
 * escapes the next character and "[...]" stays a character class.
 */
final class IgnorePattern {
    private enum Type { EXACT, PREFIX, SUFFIX, REGEX }

    private static final String ESCAPED = ".+()|{}$";

    private final String text;
    private final boolean exclusion;
    private final int depth;
    private final Type type;
    private final Pattern regex;

    private IgnorePattern(String text, boolean exclusion, Type type, Pattern regex) {
        this.text = text;
        this.exclusion = exclusion;
        this.depth = text.split("/", -1).length;
        this.type = type;
        this.regex = regex;
    }

    static IgnorePattern compile(String text, boolean exclusion) {
        StringBuilder re = new StringBuilder("^");
        Type type = Type.EXACT;
        int[] cps = text.codePoints().toArray();
        int i = 0;
        for (int step = 0; i < cps.length; step++) {
            int ch = cps[i++];
            if (ch == '*') {
                if (i < cps.length && cps[i] == '*') {
                    i++;
                    if (i < cps.length && cps[i] == '/') { // "**/" is "**"
                        i++;
                    }
                    if (i >= cps.length) { // trailing "**": everything below, like .gitignore
                        if (type == Type.EXACT) {
                            type = Type.PREFIX;
                        } else {
                            re.append(".*");
                            type = Type.REGEX;
                        }
                    } else {
                        re.append("(.*/)?");
                        type = Type.REGEX;
                    }
                    if (step == 0) {
                        type = Type.SUFFIX;
                    }
                } else {
                    re.append("[^/]*");
                    type = Type.REGEX;
                }
            } else if (ch == '?') {
                re.append("[^/]");
                type = Type.REGEX;
            } else if (ch < 128 && ESCAPED.indexOf(ch) >= 0) {
                re.append('\\').appendCodePoint(ch);
            } else if (ch == '\\') {
                if (i < cps.length) {
                    re.append('\\').appendCodePoint(cps[i++]);
                    type = Type.REGEX;
                } else {
                    re.append('\\'); // as moby: a trailing "\" escapes the closing "$"
                }
            } else if (ch == '[' || ch == ']') {
                re.appendCodePoint(ch);
                type = Type.REGEX;
            } else {
                re.appendCodePoint(ch); // literal in Go's and Java's syntax alike ("^" stays an anchor in both)
            }
        }
        Pattern regex = null;
        if (type == Type.REGEX) {
            regex = Pattern.compile(re.append('$').toString());
        }
        return new IgnorePattern(text, exclusion, type, regex);
    }

    boolean matches(String path) {
        return switch (type) {
            case EXACT -> path.equals(text);
            case PREFIX -> path.startsWith(text.substring(0, text.length() - 2));
            case SUFFIX -> {
                String suffix = text.substring(2);
                yield path.endsWith(suffix) || (!suffix.isEmpty() && suffix.charAt(0) == '/' && path.equals(suffix.substring(1)));
            }
            case REGEX -> regex.matcher(path).matches();
        };
    }

    String text() {
        return text;
    }

    boolean exclusion() {
        return exclusion;
    }

    /** Number of path elements, for the legacy one-level parent check. */
    int depth() {
        return depth;
    }

    @Override
    public String toString() {
        return (exclusion ? "!" : "") + text;
    }
}
