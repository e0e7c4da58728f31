package io.p4n4.agent.score.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes an IEEE 754 double the way ECMAScript's {@code Number.prototype.toString} does (ECMA-262
 * "Number::toString"), which RFC 8785 section 3.2.2.3 requires. Own code because
 * {@link Double#toString} differs in notation and, before JDK 19, does not always give the shortest
 * digits.
 */
public final class JcsNumbers {

    private JcsNumbers() {
    }

    /**
     * Returns the ECMAScript text of the value.
     *
     * @throws IllegalArgumentException for NaN and the infinities, which JSON cannot carry
     */
    public static String write(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON has no " + value + " (RFC 8785 section 3.2.2.3)");
        }
        if (value == 0) {
            return "0"; // both zeros
        }
        String sign = value < 0 ? "-" : "";
        BigDecimal shortest = shortestRoundTrip(Math.abs(value));
        String digits = shortest.unscaledValue().toString();
        // strip trailing zeros of the digit string, moving them into the exponent
        int k = digits.length();
        while (k > 1 && digits.charAt(k - 1) == '0') {
            k--;
        }
        int n = digits.length() - shortest.scale(); // value = 0.digits * 10^n
        digits = digits.substring(0, k);
        return sign + format(digits, k, n);
    }

    /** The fewest significant digits that read back as the same double; the closest such number. */
    private static BigDecimal shortestRoundTrip(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == value) {
                return candidate;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    /** ECMA-262 Number::toString steps 6-10, for digits s (length k) and point position n. */
    private static String format(String s, int k, int n) {
        if (k <= n && n <= 21) {
            return s + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return s.substring(0, n) + "." + s.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + s;
        }
        int e = n - 1;
        String exponent = (e < 0 ? "-" : "+") + Math.abs(e);
        return k == 1 ? s + "e" + exponent : s.charAt(0) + "." + s.substring(1) + "e" + exponent;
    }
}
