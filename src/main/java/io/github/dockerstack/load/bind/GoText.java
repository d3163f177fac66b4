package io.github.dockerstack.load.bind;

import java.math.BigDecimal;

/**
 * Scalars as text, the way compose-go turns a YAML scalar into a string value (Go's
 * {@code fmt.Sprint}): {@code 1 -> "1"}, {@code true -> "true"}, {@code 1.5 -> "1.5"},
 * {@code 1.0 -> "1"}, {@code 1e6 -> "1e+06"}.
 */
final class GoText {
    private GoText() {
    }

    static String of(Object scalar) {
        if (scalar instanceof Double d) {
            return float64(d);
        }
        return String.valueOf(scalar);
    }

    /** Go's %v for a float64: the shortest digits, in %e form when the exponent is below -4 or at least 6. */
    static String float64(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int exp = digits.length() - exact.scale() - 1;
        String sign = d < 0 ? "-" : "";
        if (exp < -4 || exp >= 6) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String e = String.valueOf(Math.abs(exp));
            return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
        }
        return sign + exact.toPlainString();
    }
}
