package com.consumer360.batch;

/**
 * Reads plain decimals ({@code -12.345}) and whole numbers from a {@link CharSlice} without creating Strings.
 * Doubles take Clinger's fast path: with at most 15 significant digits and 22 decimals, mantissa / 10^scale
 * is one correctly rounded IEEE division of two exact doubles, so the result equals Double.parseDouble's.
 * Anything else (exponents, more digits) goes to Double.parseDouble.
 */
final class DecimalText {

    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private DecimalText() {
    }

    /** The number, or NaN when the text is not a finite number. */
    static double parseDouble(CharSlice text) {
        int i = 0;
        int n = text.length();
        boolean negative = n > 0 && text.charAt(0) == '-';
        if (n > 0 && (negative || text.charAt(0) == '+')) {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = -1;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                scale += scale >= 0 ? 1 : 0;
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                return slowPath(text);
            }
        }
        if (digits == 0 || digits > 15 || scale > 22) {
            return slowPath(text);
        }
        double value = scale > 0 ? mantissa / POWERS_OF_TEN[scale] : mantissa;
        return negative ? -value : value;
    }

    /** The whole number, or throws NumberFormatException. */
    static int parseInt(CharSlice text) {
        int n = text.length();
        int i = n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        if (i == n || n - i > 9) {
            return Integer.parseInt(text.toString()); // empty, or long enough to need overflow checks
        }
        int value = 0;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(text.toString());
            }
            value = value * 10 + (c - '0');
        }
        return text.charAt(0) == '-' ? -value : value;
    }

    private static double slowPath(CharSlice text) {
        try {
            double value = Double.parseDouble(text.toString());
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
