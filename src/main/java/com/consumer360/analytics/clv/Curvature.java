package com.consumer360.analytics.clv;

import java.util.ArrayList;
import java.util.List;

import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * The observed information (minus the Hessian of the log-likelihood) by central differences of the
 * analytic gradient: its inverse starts BFGS off with the true curvature, and in the natural parameters
 * it gives the standard errors.
 */
final class Curvature {

    private static final double STEP = 1e-5;

    private Curvature() {
    }

    /** Inverse observed information in the log-parameters at {@code theta}, or null if not positive definite. */
    static double[][] inverseInformation(LogLikelihood f, double[] theta) {
        RealMatrix inverse = inverse(information(f, theta, false));
        return inverse == null ? null : inverse.getData();
    }

    /**
     * Square roots of the diagonal of the inverse observed information in the natural parameters
     * exp(theta), or an empty list when the information is not positive definite (no usable errors).
     */
    static List<Double> standardErrors(LogLikelihood f, double[] theta) {
        RealMatrix inverse = inverse(information(f, theta, true));
        if (inverse == null) {
            return List.of();
        }
        List<Double> errors = new ArrayList<>();
        for (int i = 0; i < theta.length; i++) {
            errors.add(Math.sqrt(inverse.getEntry(i, i)));
        }
        return errors.stream().allMatch(Double::isFinite) ? List.copyOf(errors) : List.of();
    }

    /**
     * Minus the Hessian with respect to theta, or to the natural parameters exp(theta) when {@code natural}
     * (steps relative to each parameter), symmetrised. Null when the likelihood is not finite at a step.
     */
    private static RealMatrix information(LogLikelihood f, double[] theta, boolean natural) {
        int n = theta.length;
        RealMatrix hessian = MatrixUtils.createRealMatrix(n, n);
        for (int j = 0; j < n; j++) {
            double p = natural ? Math.exp(theta[j]) : theta[j];
            double h = natural ? STEP * p : STEP;
            double[] plus = gradient(f, theta, j, natural ? Math.log(p + h) : theta[j] + h, natural);
            double[] minus = gradient(f, theta, j, natural ? Math.log(p - h) : theta[j] - h, natural);
            if (plus == null || minus == null) {
                return null;
            }
            for (int i = 0; i < n; i++) {
                hessian.setEntry(i, j, (plus[i] - minus[i]) / (2 * h));
            }
        }
        return hessian.add(hessian.transpose()).scalarMultiply(-0.5);
    }

    /** The gradient with theta[j] replaced, in the natural parameters when asked; null where not finite. */
    private static double[] gradient(LogLikelihood f, double[] theta, int j, double thetaJ, boolean natural) {
        double[] shifted = theta.clone();
        shifted[j] = thetaJ;
        double[] g = new double[theta.length];
        if (!Double.isFinite(f.valueAndGradient(shifted, g))) {
            return null;
        }
        if (natural) {
            for (int i = 0; i < g.length; i++) {
                g[i] /= Math.exp(shifted[i]);
            }
        }
        return g;
    }

    private static RealMatrix inverse(RealMatrix information) {
        if (information == null) {
            return null;
        }
        try {
            return new CholeskyDecomposition(information).getSolver().getInverse();
        } catch (RuntimeException notPositiveDefinite) {
            return null;
        }
    }
}
