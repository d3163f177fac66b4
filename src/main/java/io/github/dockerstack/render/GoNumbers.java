package io.github.dockerstack.render;

import java.math.BigDecimal;
import java.time.Duration;

/** Numbers and durations printed the way Go prints them in compose's output. */
final class GoNumbers {
    private GoNumbers() {
    }

    /** The YAML encoder's float: strconv 'g' with the shortest digits; 2.0 prints as 2, 1e6 as 1e+06. */
    static String yamlFloat(double value, boolean float32) {
        if (Double.isNaN(value)) {
            return ".nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? ".inf" : "-.inf";
        }
        Digits d = Digits.of(value, float32);
        if (d == null) {
            return value == 0 && 1 / value < 0 ? "-0" : "0";
        }
        int exp = d.pointExponent();
        return exp < -4 || exp >= 6 ? d.scientific() : d.plain();
    }

    /** encoding/json's float: plain digits, or exponent form below 1e-6 and from 1e21 on ("1e-7", "1e+21"). */
    static String jsonFloat(double value, boolean float32) {
        Digits d = Digits.of(value, float32);
        if (d == null) {
            return value == 0 && 1 / value < 0 ? "-0" : "0";
        }
        double abs = Math.abs(float32 ? (float) value : value);
        if (abs < 1e-6 || abs >= 1e21) {
            return d.scientific().replaceFirst("e-0(\\d)$", "e-$1");
        }
        return d.plain();
    }

    /** Go's time.Duration String: "1m30s", "10s", "1.5s", "500ms", "1h0m0s", "0s". */
    static String duration(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        String sign = nanos < 0 ? "-" : "";
        long u = Math.abs(nanos);
        if (u < 1_000_000_000L) {
            if (u < 1_000) {
                return sign + u + "ns";
            }
            if (u < 1_000_000) {
                return sign + fraction(u, 3) + "\u00b5s";
            }
            return sign + fraction(u, 6) + "ms";
        }
        long seconds = u / 1_000_000_000L;
        String secondsPart = fraction(u % 60_000_000_000L, 9) + "s";
        long minutes = seconds / 60;
        if (minutes == 0) {
            return sign + secondsPart;
        }
        long hours = minutes / 60;
        String minutesPart = (minutes % 60) + "m";
        return sign + (hours > 0 ? hours + "h" : "") + minutesPart + secondsPart;
    }

    /** {@code value / 10^digits} with the remainder as a decimal fraction, trailing zeros dropped. */
    private static String fraction(long value, int digits) {
        return BigDecimal.valueOf(value, digits).stripTrailingZeros().toPlainString();
    }

    /** The shortest decimal digits that identify a float64 (or float32) value. */
    private record Digits(boolean negative, String digits, int pointExponent) {
        static Digits of(double value, boolean float32) {
            if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                return null;
            }
            String text = float32 ? Float.toString(Math.abs((float) value)) : Double.toString(Math.abs(value));
            BigDecimal exact = new BigDecimal(text).stripTrailingZeros();
            String digits = exact.unscaledValue().toString();
            return new Digits(value < 0, digits, digits.length() - exact.scale() - 1);
        }

        String plain() {
            BigDecimal v = new BigDecimal(new java.math.BigInteger(digits), digits.length() - 1 - pointExponent);
            return (negative ? "-" : "") + v.toPlainString();
        }

        String scientific() {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String e = String.valueOf(Math.abs(pointExponent));
            return (negative ? "-" : "") + mantissa + "e" + (pointExponent < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
        }
    }
}
