package io.github.dockerstack.load.bind;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses byte sizes as compose-go does ({@code UnitBytes}, docker's {@code RAMInBytes}): a plain
 * integer (negative allowed, for {@code memswap_limit: -1}), or a non-negative number with an
 * optional space and a binary unit {@code b}, {@code k}, {@code m}, {@code g}, {@code t}, {@code p}
 * (case-insensitive, optionally followed by {@code b} or {@code ib}): {@code 512m}, {@code 1gb},
 * {@code 2G}, {@code 1.5g}, {@code 100k}. Fractions of a byte are dropped.
 */
final class ByteSizes {
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern SIZE = Pattern.compile("([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+) ?(?:([kmgtp])(?:i?b)?|b)?");

    private ByteSizes() {
    }

    /** The number of bytes, or null when {@code text} is not a size. */
    static Long parse(String text) {
        try {
            if (INTEGER.matcher(text).matches()) {
                return Long.parseLong(text);
            }
            Matcher m = SIZE.matcher(text.toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                return null;
            }
            BigDecimal size = new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
            String unit = m.group(2);
            int shift = unit == null ? 0 : 10 * ("kmgtp".indexOf(unit.charAt(0)) + 1);
            return size.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(shift))).setScale(0, RoundingMode.DOWN).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
