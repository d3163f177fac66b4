package io.github.dockerstack.load.canonical;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A path pattern over a compose tree, as the rule tables of the canonical and merge stages key them:
 * {@code services.*.ports} (a list), {@code services.*.volumes[]} (each of its items),
 * {@code services.*.post_start[].command}. {@code *} matches any mapping key, {@code []} any list
 * index; the empty pattern matches the root. Paths are matched as segment lists, so keys holding dots
 * (service names, sysctls) never confuse it.
 */
public final class PathPattern {
    /** The segment standing for any list index, in patterns and in matched paths. */
    public static final String ITEM = "[]";
    private static final String ANY_KEY = "*";

    private final String text;
    private final List<String> segments;

    private PathPattern(String text, List<String> segments) {
        this.text = text;
        this.segments = segments;
    }

    public static PathPattern of(String pattern) {
        List<String> segs = new ArrayList<>();
        if (!pattern.isEmpty()) {
            for (String part : pattern.split("\\.")) {
                int items = 0;
                while (part.endsWith(ITEM)) {
                    part = part.substring(0, part.length() - ITEM.length());
                    items++;
                }
                if (!part.isEmpty()) {
                    segs.add(part);
                }
                segs.addAll(Collections.nCopies(items, ITEM));
            }
        }
        return new PathPattern(pattern, List.copyOf(segs));
    }

    /** Whether a path, as its keys with {@link #ITEM} for each list index, matches. */
    public boolean matches(List<String> path) {
        if (path.size() != segments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            String want = segments.get(i);
            String got = path.get(i);
            boolean ok = want.equals(ANY_KEY) ? !ITEM.equals(got) : want.equals(got);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A path one segment longer; paths are small, so copying is cheaper than sharing. */
    public static List<String> append(List<String> path, String segment) {
        List<String> next = new ArrayList<>(path.size() + 1);
        next.addAll(path);
        next.add(segment);
        return next;
    }

    @Override
    public String toString() {
        return text;
    }
}
