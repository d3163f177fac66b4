package io.github.dockerstack.load.validate;

import java.util.Collection;

/** "Did you mean ...?" for a misspelt name: the closest candidate within two edits. */
final class Suggestions {
    private static final int MAX_DISTANCE = 2;

    private Suggestions() {
    }

    /** The closest candidate (the first one on ties), or null when none is close enough. */
    static String closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(word, candidate);
            // a distance as large as the word itself would "correct" any short word into another
            if (d <= MAX_DISTANCE && d < word.length() && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** " (did you mean 'x'?)" or "". */
    static String hint(String word, Collection<String> candidates) {
        String c = closest(word, candidates);
        return c == null ? "" : " (did you mean '" + c + "'?)";
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
