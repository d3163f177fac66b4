package io.github.dockerstack.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile split into instructions with their line numbers, as BuildKit's parser (which the
 * classic builder uses too) reads it: parser directives at the top, comments, line continuations
 * with the escape character, leading {@code --flags}, and heredocs ({@code <<EOF}) in RUN, COPY
 * and ADD, whose bodies are skipped. Enough to name the line of "Step N/M", to find the base
 * images and to spot BuildKit-only syntax; not a validator.
 */
public final class Dockerfile {
    private static final Pattern DIRECTIVE = Pattern.compile("^#[ \\t]*([a-zA-Z][a-zA-Z0-9]*)[ \\t]*=[ \\t]*(.+?)[ \\t]*$");
    private static final Pattern HEREDOC = Pattern.compile("<<(-?)\\s*([\"']?)([a-zA-Z_][a-zA-Z0-9_]*)\\2");
    private static final Pattern FLAG = Pattern.compile("--([a-zA-Z][a-zA-Z0-9-]*)(?:=(\\S*))?");
    private static final Pattern VARIABLE = Pattern.compile("\\$(?:\\{([a-zA-Z_][a-zA-Z0-9_]*)(?::?([-+])([^}]*))?\\}|([a-zA-Z_][a-zA-Z0-9_]*))");

    private final String name;
    private final Map<String, Directive> directives;
    private final char escape;
    private final List<Instruction> instructions;

    private Dockerfile(String name, Map<String, Directive> directives, char escape, List<Instruction> instructions) {
        this.name = name;
        this.directives = directives;
        this.escape = escape;
        this.instructions = List.copyOf(instructions);
    }

    /**
     * One instruction.
     *
     * @param line first line (1-based)
     * @param endLine last line, continuation lines and heredoc bodies included
     * @param keyword the instruction in upper case ("RUN")
     * @param flags leading flags by name ("mount" to "type=cache,target=/x"; a flag without "=" maps to "")
     * @param arguments the arguments after the flags, continuation lines joined
     * @param heredocs heredoc words used ("EOF"), empty without heredocs
     */
    public record Instruction(int line, int endLine, String keyword, Map<String, String> flags, String arguments, List<String> heredocs) {
        public Instruction {
            flags = Map.copyOf(flags);
            heredocs = List.copyOf(heredocs);
        }

        /** "RUN --mount=... apt-get ...", as the builder prints a step. */
        public String text() {
            StringBuilder sb = new StringBuilder(keyword);
            flags.forEach((k, v) -> sb.append(" --").append(k).append(v.isEmpty() ? "" : "=" + v));
            return sb.append(arguments.isEmpty() ? "" : " " + arguments).toString();
        }
    }

    /** A parser directive ({@code # syntax=...}) and its line. */
    public record Directive(String name, String value, int line) {
    }

    /** A base image of a FROM: its reference (variables expanded where known) and line. */
    public record BaseImage(String reference, int line) {
    }

    /** Parses {@code text}; {@code name} is how messages call the file. */
    public static Dockerfile parse(String name, String text) {
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r?\n", -1);
        Map<String, Directive> directives = new LinkedHashMap<>();
        int i = 0;
        for (; i < lines.length; i++) {
            Matcher m = DIRECTIVE.matcher(lines[i]);
            if (!m.matches()) {
                break;
            }
            directives.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), new Directive(m.group(1).toLowerCase(Locale.ROOT), m.group(2), i + 1));
        }
        Directive escapeDirective = directives.get("escape");
        char escape = escapeDirective != null && escapeDirective.value().equals("`") ? '`' : '\\';
        List<Instruction> instructions = new ArrayList<>();
        for (; i < lines.length; i++) {
            String first = lines[i].stripLeading();
            if (first.isEmpty() || first.startsWith("#")) {
                continue;
            }
            int start = i;
            StringBuilder joined = new StringBuilder();
            String current = first;
            while (true) {
                String trimmed = current.stripTrailing();
                if (!trimmed.isEmpty() && trimmed.charAt(trimmed.length() - 1) == escape) {
                    joined.append(trimmed, 0, trimmed.length() - 1);
                    // continuation: comment lines and empty lines inside are skipped
                    i++;
                    while (i < lines.length && (lines[i].isBlank() || lines[i].stripLeading().startsWith("#"))) {
                        i++;
                    }
                    if (i >= lines.length) {
                        break;
                    }
                    current = lines[i];
                } else {
                    joined.append(current);
                    break;
                }
            }
            Instruction instruction = instruction(start + 1, joined.toString());
            List<String> heredocs = new ArrayList<>();
            if (isHeredocInstruction(instruction.keyword())) {
                Matcher h = HEREDOC.matcher(instruction.arguments());
                while (h.find()) {
                    heredocs.add(h.group(3));
                    boolean stripTabs = !h.group(1).isEmpty();
                    i++;
                    while (i < lines.length && !(stripTabs ? lines[i].replaceFirst("^\t+", "") : lines[i]).equals(h.group(3))) {
                        i++;
                    }
                }
            }
            int end = Math.min(i, lines.length - 1) + 1;
            instructions.add(new Instruction(instruction.line(), end, instruction.keyword(), instruction.flags(), instruction.arguments(),
                    heredocs));
        }
        return new Dockerfile(name, directives, escape, instructions);
    }

    private static boolean isHeredocInstruction(String keyword) {
        return keyword.equals("RUN") || keyword.equals("COPY") || keyword.equals("ADD");
    }

    private static Instruction instruction(int line, String text) {
        String trimmed = text.strip();
        int space = indexOfWhitespace(trimmed);
        String keyword = (space < 0 ? trimmed : trimmed.substring(0, space)).toUpperCase(Locale.ROOT);
        String rest = space < 0 ? "" : trimmed.substring(space).stripLeading();
        Map<String, String> flags = new LinkedHashMap<>();
        while (rest.startsWith("--")) {
            int end = indexOfWhitespace(rest);
            String word = end < 0 ? rest : rest.substring(0, end);
            Matcher m = FLAG.matcher(word);
            if (!m.matches()) {
                break;
            }
            flags.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2) == null ? "" : m.group(2));
            rest = end < 0 ? "" : rest.substring(end).stripLeading();
        }
        return new Instruction(line, line, keyword, flags, rest, List.of());
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- queries

    /** How messages name the file. */
    public String name() {
        return name;
    }

    /** Parser directives by lower-case name. */
    public Map<String, Directive> directives() {
        return directives;
    }

    public char escape() {
        return escape;
    }

    public List<Instruction> instructions() {
        return instructions;
    }

    /**
     * The instruction the classic builder prints as "Step {@code n}/M": it numbers the ARGs before
     * the first FROM and then every instruction of the stages up to the target, in file order; a
     * step past them is the LABEL it adds for the build's labels.
     */
    public Instruction step(int n) {
        return n >= 1 && n <= instructions.size() ? instructions.get(n - 1) : null;
    }

    /** Stage names ("AS name"), lower case. */
    public List<String> stageNames() {
        List<String> names = new ArrayList<>();
        for (Instruction in : instructions) {
            if (in.keyword().equals("FROM")) {
                String[] words = in.arguments().split("\\s+");
                if (words.length >= 3 && words[1].equalsIgnoreCase("as")) {
                    names.add(words[2].toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    /**
     * The images the FROMs start from, without "scratch" and earlier stages; ARGs before the first
     * FROM (their defaults, overridden by {@code buildArgs}) are expanded.
     */
    public List<BaseImage> baseImages(Map<String, String> buildArgs) {
        Map<String, String> meta = new LinkedHashMap<>();
        List<String> stages = new ArrayList<>();
        List<BaseImage> result = new ArrayList<>();
        boolean seenFrom = false;
        for (Instruction in : instructions) {
            if (!seenFrom && in.keyword().equals("ARG")) {
                for (String decl : in.arguments().split("\\s+")) {
                    if (decl.isEmpty()) {
                        continue;
                    }
                    int eq = decl.indexOf('=');
                    String key = eq < 0 ? decl : decl.substring(0, eq);
                    String value = buildArgs.containsKey(key) && buildArgs.get(key) != null ? buildArgs.get(key)
                            : eq < 0 ? null : unquote(decl.substring(eq + 1));
                    meta.put(key, value);
                }
            }
            if (in.keyword().equals("FROM")) {
                seenFrom = true;
                String[] words = in.arguments().split("\\s+");
                if (words.length == 0 || words[0].isEmpty()) {
                    continue;
                }
                String image = expand(words[0], meta);
                if (!image.equalsIgnoreCase("scratch") && !stages.contains(image.toLowerCase(Locale.ROOT))) {
                    result.add(new BaseImage(image, in.line()));
                }
                if (words.length >= 3 && words[1].equalsIgnoreCase("as")) {
                    stages.add(words[2].toLowerCase(Locale.ROOT));
                }
            }
        }
        return result;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** $VAR, ${VAR}, ${VAR:-default}, ${VAR:+alternative}; unknown variables become empty, as in the builder. */
    static String expand(String word, Map<String, String> vars) {
        Matcher m = VARIABLE.matcher(word);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String key = m.group(1) != null ? m.group(1) : m.group(4);
            String value = vars.get(key);
            String replacement;
            if ("-".equals(m.group(2))) {
                replacement = value == null || value.isEmpty() ? m.group(3) : value;
            } else if ("+".equals(m.group(2))) {
                replacement = value == null || value.isEmpty() ? "" : m.group(3);
            } else {
                replacement = value == null ? "" : value;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
