package io.github.dockerstack.render;

import java.util.Comparator;

/** The orders in which Go's encoders print map keys. */
final class GoKeys {
    /** encoding/json: byte order of the UTF-8 keys, which is code point order. */
    static final Comparator<String> BYTES = GoKeys::compareCodePoints;

    /**
     * The YAML encoder's "natural" order: runs of digits compare as numbers ({@code web2} before
     * {@code web10}), letters compare by code point, and a non-letter sorts before a letter unless
     * it follows a digit.
     */
    static final Comparator<String> NATURAL = (a, b) -> naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0;

    private GoKeys() {
    }

    private static int compareCodePoints(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        for (int i = 0; i < x.length && i < y.length; i++) {
            if (x[i] != y[i]) {
                return Integer.compare(x[i], y[i]);
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static boolean naturalLess(String a, String b) {
        int[] ar = a.codePoints().toArray();
        int[] br = b.codePoints().toArray();
        boolean digits = false;
        for (int i = 0; i < ar.length && i < br.length; i++) {
            if (ar[i] == br[i]) {
                digits = Character.isDigit(ar[i]);
                continue;
            }
            boolean al = Character.isLetter(ar[i]);
            boolean bl = Character.isLetter(br[i]);
            if (al && bl) {
                return ar[i] < br[i];
            }
            if (al || bl) {
                return digits ? al : bl;
            }
            long an = 0;
            long bn = 0;
            if (ar[i] == '0' || br[i] == '0') {
                // a zero inside a number that began earlier is a digit like any other
                for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
                    if (ar[j] != '0') {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }
            int ai = i;
            for (; ai < ar.length && Character.isDigit(ar[ai]); ai++) {
                an = an * 10 + (ar[ai] - '0');
            }
            int bi = i;
            for (; bi < br.length && Character.isDigit(br[bi]); bi++) {
                bn = bn * 10 + (br[bi] - '0');
            }
            if (an != bn) {
                return an < bn;
            }
            if (ai != bi) {
                return ai < bi;
            }
            return ar[i] < br[i];
        }
        return ar.length < br.length;
    }
}
