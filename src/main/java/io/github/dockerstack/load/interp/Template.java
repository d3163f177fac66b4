package io.github.dockerstack.load.interp;

import io.github.dockerstack.load.ComposeException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The substitution engine behind {@link Interpolator}: one string, one lookup, the forms of
 * compose-go's {@code template} package.
 *
 * <p>compose-go matches {@code ${NAME<op>...}} with a greedy regular expression that runs to the
 * last {@code }} of the line and then cuts the match at the brace that closes the opening one
 * (counting braces, where a {@code {} also skips the character after it). The text after the cut
 * is substituted on its own, which is the same as scanning on; so this scanner takes the operand up
 * to that closing brace, or up to the last {@code }} of the line when the count never closes.
 */
final class Template {
    private static final String OPERATORS = "-+?";

    private final Function<String, String> lookup;
    private final Consumer<String> unset;

    /** @param unset receives the name of each plainly referenced variable the lookup does not know */
    Template(Function<String, String> lookup, Consumer<String> unset) {
        this.lookup = lookup;
        this.unset = unset;
    }

    /** @throws ComposeException without location: invalid syntax or a required variable missing */
    String substitute(String template) {
        if (template.indexOf('$') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length());
        int i = 0;
        int n = template.length();
        while (i < n) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= n) {
                out.append(c);
                i++;
                continue;
            }
            char next = template.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (isNameStart(next)) {
                int end = nameEnd(template, i + 1);
                out.append(plain(template.substring(i + 1, end)));
                i = end;
            } else if (next == '{') {
                i = braced(template, i, out);
            } else {
                // "$" before anything else ("$ ", "$1", "$}") stays literal, as in compose
                out.append('$');
                i++;
            }
        }
        return out.toString();
    }

    /** Handles {@code ${...}} starting at {@code start}; returns the index after it. */
    private int braced(String s, int start, StringBuilder out) {
        int nameStart = start + 2;
        if (nameStart >= s.length() || !isNameStart(s.charAt(nameStart))) {
            throw invalid(s);
        }
        int nameEnd = nameEnd(s, nameStart);
        String name = s.substring(nameStart, nameEnd);
        if (nameEnd < s.length() && s.charAt(nameEnd) == '}') {
            out.append(plain(name));
            return nameEnd + 1;
        }
        String op = operator(s, nameEnd);
        if (op == null) {
            throw invalid(s);
        }
        int operandStart = nameEnd + op.length();
        int lineEnd = s.indexOf('\n', operandStart);
        int last = s.lastIndexOf('}', (lineEnd < 0 ? s.length() : lineEnd) - 1);
        if (last < operandStart) {
            throw invalid(s);
        }
        int close = closingBrace(s, start, last);
        out.append(apply(name, op, s.substring(operandStart, close)));
        return close + 1;
    }

    /** The operator at {@code at} ({@code :-}, {@code -}, {@code :+}, {@code +}, {@code :?}, {@code ?}), or null. */
    private static String operator(String s, int at) {
        if (at >= s.length()) {
            return null;
        }
        char c = s.charAt(at);
        if (c == ':' && at + 1 < s.length() && OPERATORS.indexOf(s.charAt(at + 1)) >= 0) {
            return s.substring(at, at + 2);
        }
        return OPERATORS.indexOf(c) >= 0 ? String.valueOf(c) : null;
    }

    /** compose-go's brace count over {@code s[start..last]}; {@code last} when it never closes. */
    private static int closingBrace(String s, int start, int last) {
        int open = 0;
        for (int k = start; k <= last; k++) {
            char c = s.charAt(k);
            if (c == '}') {
                open--;
                if (open == 0) {
                    return k;
                }
            } else if (c == '{') {
                open++;
                k++;
            }
        }
        return last;
    }

    private String apply(String name, String op, String operand) {
        String value = lookup.apply(name);
        boolean set = value != null;
        boolean nonEmpty = set && !value.isEmpty();
        boolean colon = op.startsWith(":");
        boolean present = colon ? nonEmpty : set;
        switch (op.charAt(op.length() - 1)) {
            case '-':
                return present ? value : substitute(operand);
            case '+':
                return present ? substitute(operand) : "";
            default:
                if (!present) {
                    throw missing(name, substitute(operand));
                }
                return value;
        }
    }

    private String plain(String name) {
        String value = lookup.apply(name);
        if (value == null) {
            unset.accept(name);
            return "";
        }
        return value;
    }

    private static ComposeException missing(String name, String reason) {
        return new ComposeException("required variable " + name + " is missing a value" + (reason.isEmpty() ? "" : ": " + reason));
    }

    private static ComposeException invalid(String template) {
        return new ComposeException("invalid interpolation format in \"" + template
                + "\": write $NAME or ${NAME} (optionally ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ${NAME?error},"
                + " ${NAME:+replacement}, ${NAME+replacement}); use $$ for a literal $");
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int nameEnd(String s, int from) {
        int k = from;
        while (k < s.length() && (isNameStart(s.charAt(k)) || (s.charAt(k) >= '0' && s.charAt(k) <= '9'))) {
            k++;
        }
        return k;
    }
}
