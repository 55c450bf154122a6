package com.consumer360.analytics.clv;

/**
 * Maximises a smooth log-likelihood with the BFGS quasi-Newton method and a backtracking line search.
 *
 * <p>Hipparchus offers non-linear conjugate gradients (with a derivative-free line search) and
 * derivative-free simplex methods, but no quasi-Newton method for unconstrained problems. With four
 * parameters and an analytic gradient BFGS needs a few dozen evaluations, which is what keeps a fit on
 * 100,000 customers well under a second.
 */
final class Bfgs {

    /**
     * Result of one run: the arg-max in log-parameters, the maximum, whether it converged, and whether it
     * stopped early on entering the neighbourhood of an optimum found by an earlier run.
     */
    record Result(double[] theta, double value, int evaluations, boolean converged, boolean joinedKnownOptimum) {

        Result(double[] theta, double value, int evaluations, boolean converged) {
            this(theta, value, evaluations, converged, false);
        }
    }

    /** A run within this distance (in every log-parameter, i.e. 0.1%) of a known optimum has found it again. */
    static final double JOIN_DISTANCE = 1e-3;

    private static final int MAX_ITERATIONS = 1_000;
    private static final double GRADIENT_TOLERANCE = 1e-9;
    private static final double ARMIJO = 1e-4;
    /** Relative decrease below which an iteration counts as a stall (rounding noise level). */
    private static final double STALL = 1e-14;
    /** A stalled run counts as converged when its gradient per observation is below this. */
    private static final double STALLED_GRADIENT_TOLERANCE = 1e-5;

    private Bfgs() {
    }

    /**
     * Runs from {@code start}. The gradient tolerance applies to the log-likelihood per observation
     * ({@code scale}), so that it means the same for 100 and for 100,000 customers. With a
     * {@code knownOptimum} (else null) the run stops once it is within {@link #JOIN_DISTANCE} of it: it
     * has shown it leads to the same optimum, and polishing it again would only cost time.
     */
    static Result maximise(LogLikelihood f, double[] start, double scale, double[] knownOptimum) {
        int n = f.dimension();
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = -f.valueAndGradient(x, g) / scale;
        negate(g, scale);
        int evaluations = 1;
        if (!Double.isFinite(fx)) {
            return new Result(x, Double.NEGATIVE_INFINITY, evaluations, false);
        }
        // The likelihoods here are ill-conditioned (Gamma-Gamma's q and v move together): starting from
        // the true curvature instead of the identity saves most of the iterations, for 2n gradients.
        double[][] h = Curvature.inverseInformation(f, x);
        evaluations += 2 * n;
        boolean scaleFirstStep = h == null;
        if (h == null) {
            h = Vectors.identity(n);
        } else {
            for (double[] row : h) {
                for (int j = 0; j < n; j++) {
                    row[j] *= scale;
                }
            }
        }
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        double[] direction = new double[n];
        int stalls = 0;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            if (Vectors.maxAbs(g) < GRADIENT_TOLERANCE) {
                return new Result(x, -fx * scale, evaluations, true);
            }
            Vectors.multiply(h, g, direction);
            double slope = 0;
            for (int i = 0; i < n; i++) {
                direction[i] = -direction[i];
                slope += direction[i] * g[i];
            }
            if (slope >= 0) {
                // The curvature estimate went bad: fall back to steepest descent.
                h = Vectors.identity(n);
                for (int i = 0; i < n; i++) {
                    direction[i] = -g[i];
                }
                slope = -Vectors.dot(g, g);
            }
            // Steps in log-parameters beyond ~5 (a factor of 150) are never sensible; cap them.
            double step = Math.min(1.0, 5.0 / Vectors.maxAbs(direction));
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int backtrack = 0; backtrack < 60; backtrack++) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * direction[i];
                }
                fNew = -f.valueAndGradient(xNew, gNew) / scale;
                evaluations++;
                if (Double.isFinite(fNew) && fNew <= fx + ARMIJO * step * slope) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            // Near the optimum the decrease drowns in rounding noise and the gradient cannot get any
            // smaller; stop there instead of taking ever tinier steps.
            stalls = accepted && fx - fNew > STALL * Math.abs(fx) ? 0 : stalls + 1;
            if (!accepted || stalls >= 3) {
                return new Result(x, -fx * scale, evaluations, Vectors.maxAbs(g) < STALLED_GRADIENT_TOLERANCE);
            }
            negate(gNew, scale);
            if (iteration == 0 && scaleFirstStep) {
                scaleIdentity(h, xNew, x, gNew, g);
            }
            update(h, xNew, x, gNew, g);
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            if (knownOptimum != null && Vectors.maxAbsDifference(x, knownOptimum) < JOIN_DISTANCE) {
                return new Result(x, -fx * scale, evaluations, true, true);
            }
        }
        return new Result(x, -fx * scale, evaluations, false);
    }

    /** BFGS update of the inverse Hessian approximation; skipped when the curvature condition fails. */
    private static void update(double[][] h, double[] xNew, double[] x, double[] gNew, double[] g) {
        int n = x.length;
        double[] s = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = xNew[i] - x[i];
            y[i] = gNew[i] - g[i];
        }
        double sy = Vectors.dot(s, y);
        if (sy <= 1e-12 * Math.sqrt(Vectors.dot(s, s) * Vectors.dot(y, y))) {
            return;
        }
        double[] hy = new double[n];
        Vectors.multiply(h, y, hy);
        double yhy = Vectors.dot(y, hy);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] += ((sy + yhy) * s[i] * s[j]) / (sy * sy) - (hy[i] * s[j] + s[i] * hy[j]) / sy;
            }
        }
    }

    /**
     * Rescales the initial identity by s'y / y'y (Nocedal and Wright, eq. 6.20) so that the first
     * quasi-Newton step has the right length; this saves most of the early backtracking.
     */
    private static void scaleIdentity(double[][] h, double[] xNew, double[] x, double[] gNew, double[] g) {
        double sy = 0;
        double yy = 0;
        for (int i = 0; i < x.length; i++) {
            double y = gNew[i] - g[i];
            sy += (xNew[i] - x[i]) * y;
            yy += y * y;
        }
        if (sy > 0 && yy > 0) {
            for (int i = 0; i < x.length; i++) {
                h[i][i] = sy / yy;
            }
        }
    }

    private static void negate(double[] g, double scale) {
        for (int i = 0; i < g.length; i++) {
            g[i] = -g[i] / scale;
        }
    }
}
