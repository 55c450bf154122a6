package com.consumer360.analytics.clv;

import org.hipparchus.util.FastMath;

/**
 * Gaussian hypergeometric function 2F1(a, b; c; z) for real parameters and z &lt; 1.
 *
 * <p>Hipparchus has no 2F1. The Gauss series converges for |z| &lt; 1; negative z is first mapped into
 * [0, 1/2) with Pfaff's transformation so that the series never alternates (no cancellation). The
 * series stops once the remaining terms, bounded by a geometric tail, are below the relative
 * tolerance; if that does not happen within the term budget it throws rather than return a guess.
 */
final class Hypergeometric2F1 {

    private static final double RELATIVE_TOLERANCE = 1e-15;
    private static final int MAX_TERMS = 1_000_000;

    private Hypergeometric2F1() {
    }

    /** 2F1(a, b; c; z). c must not be a non-positive integer; z must be below 1. */
    static double value(double a, double b, double c, double z) {
        checkArguments(c, z);
        if (z < 0) {
            // Pfaff: 2F1(a,b;c;z) = (1-z)^-a 2F1(a, c-b; c; z/(z-1)), with z/(z-1) in (0, 1).
            double w = z / (z - 1);
            return FastMath.pow(1 - z, -a) * series(a, c - b, c, w, 0, 1.0);
        }
        return series(a, b, c, z, 0, 1.0);
    }

    /**
     * (2F1(a, b; c; z) - 1) / b, for 0 &lt;= z &lt; 1, accurate also when b is at or near 0.
     *
     * <p>The BG/NBD expectations divide by (a - 1) a quantity that vanishes as a tends to 1; summing
     * the series without its first term and with b divided out keeps them finite and accurate there.
     */
    static double minusOneOverB(double a, double b, double c, double z) {
        checkArguments(c, z);
        if (z < 0) {
            throw new IllegalArgumentException("minusOneOverB needs z >= 0, got " + z);
        }
        return series(a, b, c, z, 1, a * z / c);
    }

    /** Sum of the Gauss series from term index {@code n0} (whose value is {@code first}) onwards. */
    private static double series(double a, double b, double c, double z, int n0, double first) {
        double term = first;
        double sum = first;
        for (int n = n0; n < MAX_TERMS; n++) {
            double ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            term *= ratio;
            sum += term;
            // The term ratios tend to z, eventually monotonically, so once they are below 1 the tail is
            // bounded by a geometric series with ratio max(|ratio|, |z|).
            double rho = Math.max(Math.abs(ratio), Math.abs(z));
            if (Math.abs(ratio) < 1 && Math.abs(term) * rho / (1 - rho) <= RELATIVE_TOLERANCE * Math.abs(sum)) {
                return sum;
            }
            if (term == 0) {
                return sum;
            }
            if (!Double.isFinite(sum)) {
                break;
            }
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge");
    }

    private static void checkArguments(double c, double z) {
        if (!(z < 1) || Double.isNaN(z)) {
            throw new IllegalArgumentException("2F1 series needs z < 1, got " + z);
        }
        if (c <= 0 && c == Math.rint(c)) {
            throw new IllegalArgumentException("2F1 is undefined for c = " + c + " (a non-positive integer)");
        }
    }
}
