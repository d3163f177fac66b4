package io.github.dockerstack.load.env;

import io.github.dockerstack.load.ComposeException;
import io.github.dockerstack.load.interp.Interpolator;
import io.github.dockerstack.load.yaml.Location;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads {@code .env} and {@code env_file} files as compose-go's {@code dotenv} parser does.
 *
 * <ul>
 *   <li>blank lines and lines starting with {@code #} are skipped; an optional {@code export } prefix;
 *   <li>{@code KEY=value} or {@code KEY: value}; spaces around the separator are ignored; keys hold
 *       letters, digits, {@code _ . - [ ]};
 *   <li>{@code KEY} alone takes the lookup's value, and is left out when the lookup has none;
 *       {@code KEY=} is the empty string;
 *   <li>unquoted values end at the line end or at {@code " #"} and are trimmed;
 *   <li>{@code '...'} is literal (only {@code \'} is unescaped) and may span lines;
 *   <li>{@code "..."} may span lines and understands {@code \" \\ \n \t \r \a \b \f \v \$} and
 *       {@code \0NNN} (octal); other backslashes stay;
 *   <li>backticks are ordinary characters (compose-go has no backtick quoting);
 *   <li>unquoted and double-quoted values are interpolated; a variable is taken from the lookup
 *       first, then from the values defined earlier in the same file (compose-go's order);
 *   <li>after a closing quote the rest of the line starts a new statement, as in compose-go.
 * </ul>
 */
public final class DotEnvParser {
    private final Path file;
    private final String src;
    private final LinkedHashMap<String, String> out;
    private final Function<String, String> lookup;
    private final Consumer<String> warnings;
    private int pos;

    private DotEnvParser(Path file, String content, LinkedHashMap<String, String> out, Function<String, String> lookup,
            Consumer<String> warnings) {
        this.file = file;
        this.src = content.startsWith("\uFEFF") ? content.substring(1) : content;
        this.out = out;
        this.lookup = lookup;
        this.warnings = warnings;
    }

    /**
     * The variables of one file, in file order.
     *
     * @param file named in errors only
     * @param lookup the outer environment (null for unset); consulted before the file's own values
     * @throws ComposeException at the line of the first syntax error
     */
    public static LinkedHashMap<String, String> parse(Path file, String content, Function<String, String> lookup) {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        parseInto(file, content, out, lookup, w -> {
        });
        return out;
    }

    /**
     * Parses into {@code out}, which already holds earlier files' values: compose shares one map
     * across the env files of a list, so later files override earlier ones and variable references
     * fall back to everything parsed so far. {@code warnings} receives compose's warning per
     * reference of an unset variable.
     */
    public static void parseInto(Path file, String content, LinkedHashMap<String, String> out, Function<String, String> lookup,
            Consumer<String> warnings) {
        new DotEnvParser(file, content, out, lookup, warnings).statements();
    }

    private void statements() {
        while (skipToStatement()) {
            statement();
        }
    }

    /** Skips whitespace and comment lines; false at the end. */
    private boolean skipToStatement() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '#') {
                int nl = src.indexOf('\n', pos);
                pos = nl < 0 ? src.length() : nl;
            } else if (isWhitespace(c)) {
                pos++;
            } else {
                return true;
            }
        }
        return false;
    }

    private void statement() {
        if (src.startsWith("export", pos) && pos + 6 < src.length() && isBlank(src.charAt(pos + 6))) {
            pos = skipBlanks(pos + 6);
        }
        int keyStart = pos;
        int k = keyStart;
        while (k < src.length()) {
            int cp = src.codePointAt(k);
            if (cp == '=' || cp == ':' || cp == '\n') {
                break;
            }
            if (!isBlank(cp) && !isKeyChar(cp)) {
                throw error(k, "unexpected character '" + Character.toString(cp) + "' in variable name \"" + lineAt(keyStart)
                        + "\"; names may hold letters, digits, '_', '.', '-', '[' and ']'");
            }
            k += Character.charCount(cp);
        }
        String key = stripTrailing(src.substring(keyStart, k));
        for (int i = 0; i < key.length(); i++) {
            if (isWhitespace(key.charAt(i))) {
                throw error(keyStart + i, "variable name \"" + key + "\" contains a space; remove it or put '=' after the name");
            }
        }
        // compose-go turns a last line "KEY" without newline into an empty-named variable; we read it as "KEY\n"
        if (k >= src.length() || src.charAt(k) == '\n') {
            String inherited = lookup.apply(key);
            if (inherited != null) {
                out.put(key, inherited);
            }
            pos = Math.min(k + 1, src.length());
            return;
        }
        pos = skipBlanks(k + 1);
        out.put(key, value(key));
    }

    private String value(String key) {
        int start = pos;
        char quote = start < src.length() ? src.charAt(start) : 0;
        if (quote != '"' && quote != '\'') {
            int nl = src.indexOf('\n', start);
            int end = nl < 0 ? src.length() : nl;
            String raw = src.substring(start, end);
            int comment = raw.indexOf(" #");
            if (comment >= 0) {
                raw = raw.substring(0, comment);
            }
            pos = Math.min(end + 1, src.length());
            return interpolate(stripTrailing(raw), key, start);
        }
        StringBuilder chars = new StringBuilder();
        boolean escaped = false;
        for (int i = start + 1; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == quote) {
                if (escaped) {
                    // \" or \' : the quote itself, without its backslash
                    escaped = false;
                    chars.append(c);
                    continue;
                }
                pos = i + 1;
                return quote == '"' ? interpolate(unescape(chars), key, start) : chars.toString();
            }
            if (c == '\\' && !escaped) {
                escaped = true;
                continue;
            }
            if (escaped) {
                escaped = false;
                chars.append('\\');
            }
            chars.append(c);
        }
        throw error(start, "unterminated quoted value " + lineAt(start) + "; add the closing " + quote);
    }

    private String interpolate(String value, String key, int at) {
        try {
            return Interpolator.interpolate(value, name -> {
                String v = lookup.apply(name);
                return v != null ? v : out.get(name);
            }, warnings);
        } catch (ComposeException e) {
            throw new ComposeException(location(at), key, e.problem());
        }
    }

    /**
     * Shell escapes of double-quoted values. {@code \$} becomes {@code $$}, which interpolation then
     * turns into a literal {@code $}; {@code \0} takes up to three digits and is a character only for
     * exactly three octal digits up to 377, otherwise it stays as written (as in compose-go).
     */
    static String unescape(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                b.append(c);
                i++;
                continue;
            }
            char e = s.charAt(i + 1);
            String simple = switch (e) {
                case 'a' -> "\u0007";
                case 'b' -> "\b";
                case 'f' -> "\f";
                case 'n' -> "\n";
                case 'r' -> "\r";
                case 't' -> "\t";
                case 'v' -> "\u000B";
                case '"' -> "\"";
                case '\\' -> "\\";
                case '$' -> "$$";
                case 'c' -> "\\c";
                default -> null;
            };
            if (simple != null) {
                b.append(simple);
                i += 2;
            } else if (e == '0') {
                int end = i + 2;
                while (end < s.length() && end < i + 5 && s.charAt(end) >= '0' && s.charAt(end) <= '9') {
                    end++;
                }
                b.append(octal(s.subSequence(i, end).toString()));
                i = end;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    /** {@code \0NNN}: the character, or the text unchanged when it is not three octal digits up to 377. */
    private static String octal(String escape) {
        String digits = escape.substring(2);
        if (digits.length() != 3 || !digits.chars().allMatch(d -> d >= '0' && d <= '7')) {
            return escape;
        }
        int value = Integer.parseInt(digits, 8);
        return value > 0377 ? escape : String.valueOf((char) value);
    }

    private ComposeException error(int at, String problem) {
        return new ComposeException(location(at), null, problem);
    }

    private Location location(int at) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at && i < src.length(); i++) {
            if (src.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Location(file, line, at - lineStart + 1);
    }

    private String lineAt(int at) {
        int nl = src.indexOf('\n', at);
        return stripTrailing(src.substring(at, nl < 0 ? src.length() : nl));
    }

    private int skipBlanks(int from) {
        int i = from;
        while (i < src.length() && isBlank(src.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static boolean isKeyChar(int cp) {
        return cp == '_' || cp == '.' || cp == '-' || cp == '[' || cp == ']' || Character.isLetter(cp) || isNumber(cp);
    }

    private static boolean isNumber(int cp) {
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** Whitespace other than a line break (compose-go's isSpace). */
    private static boolean isBlank(int c) {
        return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r' || c == 0x85 || c == 0xA0;
    }

    /** Go's unicode.IsSpace. */
    private static boolean isWhitespace(int c) {
        return c == '\n' || isBlank(c) || Character.isSpaceChar(c);
    }
}
