package io.github.dockerstack.load.canonical;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command string into words the way compose does (github.com/mattn/go-shellwords 1.0.12,
 * without environment or backtick expansion): blanks separate words; single quotes keep everything;
 * double quotes keep everything but a backslash, which escapes the next character (outside quotes
 * too); {@code $(...)} and backticks stay in the word as typed. An unquoted {@code ; & | < >} ends the
 * command: the rest is ignored, as compose ignores it (a leading {@code 2>} style redirection is
 * dropped too).
 */
public final class ShellWords {
    private ShellWords() {
    }

    /**
     * The words of {@code line}.
     *
     * @throws IllegalArgumentException for an unterminated quote, a trailing backslash or a stray
     *     parenthesis
     */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder buf = new StringBuilder();
        boolean escaped = false;
        boolean single = false;
        boolean dbl = false;
        boolean backQuote = false;
        boolean dollarQuote = false;
        boolean inWord = false;

        loop:
        for (int i = 0; i < line.length(); ) {
            int c = line.codePointAt(i);
            i += Character.charCount(c);
            if (escaped) {
                buf.appendCodePoint(c);
                escaped = false;
                inWord = true;
                continue;
            }
            if (c == '\\') {
                if (single) {
                    buf.append('\\');
                } else {
                    escaped = true;
                }
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                if (single || dbl || backQuote || dollarQuote) {
                    buf.appendCodePoint(c);
                } else if (inWord) {
                    words.add(buf.toString());
                    buf.setLength(0);
                    inWord = false;
                }
                continue;
            }
            switch (c) {
                case '`' -> {
                    if (!single && !dbl && !dollarQuote) {
                        backQuote = !backQuote;
                    }
                }
                case ')' -> {
                    if (!single && !dbl && !backQuote) {
                        dollarQuote = !dollarQuote;
                    }
                }
                case '(' -> {
                    if (!single && !dbl && !backQuote) {
                        if (!dollarQuote && buf.length() > 0 && buf.charAt(buf.length() - 1) == '$') {
                            dollarQuote = true;
                            buf.append('(');
                            continue;
                        }
                        throw new IllegalArgumentException("'(' outside quotes");
                    }
                }
                case '"' -> {
                    if (!single && !dollarQuote) {
                        if (dbl) {
                            inWord = true; // "" is an empty word
                        }
                        dbl = !dbl;
                        continue;
                    }
                }
                case '\'' -> {
                    if (!dbl && !dollarQuote) {
                        if (single) {
                            inWord = true;
                        }
                        single = !single;
                        continue;
                    }
                }
                case ';', '&', '|', '<', '>' -> {
                    if (!single && !dbl && !backQuote && !dollarQuote) {
                        if (c == '>' && buf.length() > 0 && buf.charAt(0) >= '0' && buf.charAt(0) <= '9') {
                            inWord = false; // "2>" names a descriptor, not a word
                        }
                        break loop;
                    }
                }
                default -> {
                    // an ordinary character
                }
            }
            inWord = true;
            buf.appendCodePoint(c);
        }
        if (inWord) {
            words.add(buf.toString());
        }
        if (escaped) {
            throw new IllegalArgumentException("it ends with a backslash");
        }
        if (single || dbl) {
            throw new IllegalArgumentException("a " + (single ? "single" : "double") + " quote is not closed");
        }
        if (backQuote || dollarQuote) {
            throw new IllegalArgumentException("a " + (backQuote ? "backtick" : "$( or )") + " is not closed");
        }
        return words;
    }
}
