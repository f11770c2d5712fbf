package dev.adjoint.demo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting for the demo's tables. */
public final class Format {

    /** Significant digits shown for values and gradients. */
    public static final int DIGITS = 10;

    private Format() {
    }

    /**
     * Formats a value with {@value #DIGITS} significant digits, without trailing zeros or
     * exponent, e.g. {@code 6}, {@code -5.999}, {@code 0.5}. The relative-error column shows how
     * close the unrounded numbers are.
     *
     * @param value the value
     * @return the formatted value; {@code NaN} and infinities as Java prints them
     */
    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == 0.0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(DIGITS));
        return rounded.stripTrailingZeros().toPlainString();
    }

    /**
     * Formats a relative error in scientific notation with two significant digits.
     *
     * @param error the error
     * @return e.g. {@code 1.3e-13}, or {@code 0} for an exact match
     */
    public static String error(double error) {
        if (error == 0.0) {
            return "0";
        }
        return String.format(Locale.ROOT, "%.1e", error);
    }
}
