package io.github.dockerstack.load.bind;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;

/**
 * Parses durations as compose-go does (Go's duration syntax plus days and weeks): a signed
 * sequence of decimal numbers, each with a unit, such as {@code 10s}, {@code 1m30s},
 * {@code 1.5h}, {@code 500ms}, {@code 2d}. A bare {@code 0} is zero; other bare numbers have no unit
 * and are rejected, as compose rejects them.
 */
final class GoDurations {
    private static final long SECOND = 1_000_000_000L;
    private static final Map<String, Long> UNITS = Map.of(
            "ns", 1L,
            "us", 1_000L,
            "\u00b5s", 1_000L, // micro sign
            "\u03bcs", 1_000L, // greek mu
            "ms", 1_000_000L,
            "s", SECOND,
            "m", 60 * SECOND,
            "h", 3600 * SECOND,
            "d", 24 * 3600 * SECOND,
            "w", 7 * 24 * 3600 * SECOND);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private GoDurations() {
    }

    /** The duration, or null when {@code text} is not a valid duration. */
    static Duration parse(String text) {
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            return null;
        }
        BigInteger total = BigInteger.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) && s.charAt(i) < 128 || s.charAt(i) == '.')) {
                i++;
            }
            String number = s.substring(start, i);
            if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
                return null;
            }
            int unitStart = i;
            while (i < s.length() && !(s.charAt(i) == '.' || s.charAt(i) >= '0' && s.charAt(i) <= '9')) {
                i++;
            }
            Long unit = UNITS.get(s.substring(unitStart, i));
            if (unit == null) {
                return null;
            }
            BigDecimal value = new BigDecimal(number.startsWith(".") ? "0" + number : number.endsWith(".") ? number + "0" : number);
            total = total.add(value.multiply(BigDecimal.valueOf(unit)).setScale(0, RoundingMode.DOWN).toBigInteger());
            if (total.compareTo(MAX) > 0) {
                return null;
            }
        }
        long nanos = total.longValueExact();
        return Duration.ofNanos(negative ? -nanos : nanos);
    }
}
