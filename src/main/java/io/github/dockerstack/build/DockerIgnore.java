package io.github.dockerstack.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * The patterns of a {@code .dockerignore} file and the matching Docker applies to them, rule for
 * rule as moby's {@code patternmatcher} and {@code ignorefile} (which the Docker CLI and Compose
 * use): comments are lines starting with "#"; patterns are trimmed, cleaned like paths and lose a
 * leading "/"; "*" and "?" do not cross "/", "**" does; a "!" pattern re-includes; the last
 * matching pattern wins; a pattern matching a directory matches everything below it.
 */
public final class DockerIgnore {
    /** The file's name in the context root. */
    public static final String FILE = ".dockerignore";

    private final List<IgnorePattern> patterns;
    private final boolean exclusions;

    private DockerIgnore(List<IgnorePattern> patterns) {
        this.patterns = List.copyOf(patterns);
        this.exclusions = patterns.stream().anyMatch(IgnorePattern::exclusion);
    }

    /** No patterns: everything is sent. */
    public static DockerIgnore none() {
        return new DockerIgnore(List.of());
    }

    /** The context's .dockerignore, or {@link #none()} when it has none. */
    public static DockerIgnore read(Path contextDir) throws IOException {
        Path file = contextDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return none();
        }
        return of(parse(Files.readString(file, StandardCharsets.UTF_8)));
    }

    /**
     * The patterns of a .dockerignore text, as {@code ignorefile.ReadAll} reads them: a UTF-8 BOM
     * is dropped, lines starting with "#" are comments, the rest is trimmed, cleaned and loses a
     * leading "/" (also after "!"); empty lines are skipped.
     */
    public static List<String> parse(String content) {
        List<String> result = new ArrayList<>();
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        for (String raw : text.split("\r?\n|\r", -1)) {
            if (raw.startsWith("#")) {
                continue;
            }
            String pattern = raw.strip();
            if (pattern.isEmpty()) {
                continue;
            }
            boolean invert = pattern.charAt(0) == '!';
            if (invert) {
                pattern = pattern.substring(1).strip();
            }
            if (!pattern.isEmpty()) {
                pattern = SlashPaths.clean(pattern);
                if (pattern.length() > 1 && pattern.charAt(0) == '/') {
                    pattern = pattern.substring(1);
                }
            }
            result.add(invert ? "!" + pattern : pattern);
        }
        return result;
    }

    /**
     * Compiles patterns as {@code patternmatcher.New}: blank ones are skipped, "!" alone and
     * malformed ones are refused with {@link IllegalArgumentException}.
     */
    public static DockerIgnore of(List<String> patterns) {
        List<IgnorePattern> compiled = new ArrayList<>();
        for (String p : patterns) {
            String pattern = p.strip();
            if (pattern.isEmpty()) {
                continue;
            }
            pattern = SlashPaths.clean(pattern);
            boolean exclusion = pattern.charAt(0) == '!';
            if (exclusion) {
                if (pattern.length() == 1) {
                    throw new IllegalArgumentException("illegal exclusion pattern: \"!\"");
                }
                pattern = pattern.substring(1);
            }
            try {
                compiled.add(IgnorePattern.compile(pattern, exclusion));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("syntax error in pattern '" + p + "'", e);
            }
        }
        return new DockerIgnore(compiled);
    }

    /** The patterns, exclusions with their "!". */
    public List<String> patterns() {
        return patterns.stream().map(p -> (p.exclusion() ? "!" : "") + p.text()).toList();
    }

    List<IgnorePattern> compiled() {
        return patterns;
    }

    /** True when a "!" pattern exists: an excluded directory may still hold included files. */
    public boolean hasExclusions() {
        return exclusions;
    }

    /**
     * Whether {@code path} (relative, slash-separated) is left out, looking at every parent
     * directory too: {@code MatchesOrParentMatches}.
     */
    public boolean excludes(String path) {
        String file = SlashPaths.clean(path);
        if (file.equals(".")) {
            return false;
        }
        return matches(file, null).excluded();
    }

    /**
     * {@code MatchesUsingParentResults}: the walk knows which patterns matched the parent
     * directory, so a child needs no parent check of its own.
     *
     * @param parent the parent's result, or null when unknown (then every parent is checked)
     */
    Match matches(String file, Match parent) {
        boolean[] parentMatched = parent == null ? null : parent.matched;
        boolean matched = false;
        boolean[] result = new boolean[patterns.size()];
        for (int i = 0; i < patterns.size(); i++) {
            IgnorePattern pattern = patterns.get(i);
            boolean match = parentMatched != null && parentMatched[i];
            if (!match) {
                if (pattern.exclusion() != matched) {
                    continue;
                }
                match = pattern.matches(file);
                if (!match && parentMatched == null) {
                    String parentPath = SlashPaths.dir(file);
                    if (!parentPath.equals(".")) {
                        String[] dirs = parentPath.split("/");
                        for (int d = 0; d < dirs.length && !match; d++) {
                            match = pattern.matches(String.join("/", Arrays.asList(dirs).subList(0, d + 1)));
                        }
                    }
                }
            }
            result[i] = match;
            if (match) {
                matched = !pattern.exclusion();
            }
        }
        return new Match(matched, result);
    }

    /**
     * The deprecated {@code patternmatcher.Matches}, which checks one parent level only; the
     * Docker CLI still uses it to decide whether the Dockerfile and .dockerignore need a "!"
     * exception to be sent.
     */
    boolean legacyMatches(String path) {
        String file = SlashPaths.clean(path);
        if (file.equals(".")) {
            return false;
        }
        boolean matched = false;
        String parentPath = SlashPaths.dir(file);
        String[] parentDirs = parentPath.split("/");
        for (IgnorePattern pattern : patterns) {
            if (pattern.exclusion() != matched) {
                continue;
            }
            boolean match = pattern.matches(file);
            if (!match && !parentPath.equals(".") && pattern.depth() <= parentDirs.length) {
                match = pattern.matches(String.join("/", Arrays.asList(parentDirs).subList(0, pattern.depth())));
            }
            if (match) {
                matched = !pattern.exclusion();
            }
        }
        return matched;
    }

    /**
     * These patterns plus "!" exceptions for .dockerignore and the Dockerfile when they would be
     * left out ({@code TrimBuildFilesFromExcludes}): the engine reads both from the context and
     * drops them itself afterwards.
     */
    public DockerIgnore keeping(String dockerfile) {
        List<String> result = new ArrayList<>(patterns());
        if (legacyMatches(FILE)) {
            result.add("!" + FILE);
        }
        if (dockerfile != null && legacyMatches(dockerfile)) {
            result.add("!" + dockerfile);
        }
        return result.size() == patterns.size() ? this : of(result);
    }

    /** Whether a skipped directory must still be walked because a "!" pattern may re-include something below it. */
    boolean mayIncludeBelow(String dir) {
        String prefix = dir + "/";
        for (IgnorePattern p : patterns) {
            if (p.exclusion() && (p.text() + "/").startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** A match result and which patterns matched, for the children of a directory. */
    record Match(boolean excluded, boolean[] matched) {
    }
}
