package com.consumer360.analytics.clv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;


/**
 * Multi-start maximum likelihood on log-parameters, with standard errors from the observed
 * information ({@link Curvature}).
 */
final class MaximumLikelihood {

    /** Natural parameters outside [1e-8, 1e8] mean the likelihood has no interior maximum. */
    private static final double LOG_BOUND = Math.log(1e8);
    /**
     * The search stays within [1e-10, 1e10]: further out the log-gamma differences lose all precision
     * and rounding noise can look like an ever-growing likelihood.
     */
    private static final double LOG_BOX = Math.log(1e10);

    /** Best run and all runs, so that tests can check that every start reaches the same optimum. */
    record Estimate(double[] parameters, double logLikelihood, List<Double> standardErrors, List<Bfgs.Result> runs) {
    }

    private MaximumLikelihood() {
    }

    /**
     * Fits from each start (log-parameters) and keeps the best. Throws with {@code what} in the message
     * when no run reaches a finite interior optimum.
     */
    static Estimate fit(LogLikelihood f, List<double[]> starts, double observations, String what, String[] names) {
        LogLikelihood boxed = boxed(f);
        List<Bfgs.Result> runs = new ArrayList<>();
        Bfgs.Result incumbent = null;
        for (double[] start : starts) {
            // Later starts stop once they reach the incumbent optimum; one that finds a better optimum
            // elsewhere never comes near it and runs to convergence.
            Bfgs.Result run = Bfgs.maximise(boxed, start, observations,
                    incumbent == null ? null : incumbent.theta());
            runs.add(run);
            if (run.converged() && !run.joinedKnownOptimum()
                    && (incumbent == null || run.value() > incumbent.value())) {
                incumbent = run;
            }
        }
        Bfgs.Result best = runs.stream()
                .filter(run -> Double.isFinite(run.value()) && !run.joinedKnownOptimum())
                .max(Comparator.comparingDouble(Bfgs.Result::value))
                .orElseThrow(() -> new IllegalStateException(what + " fit failed: the likelihood is not finite at any start"));
        for (int i = 0; i < best.theta().length; i++) {
            if (Math.abs(best.theta()[i]) > LOG_BOUND) {
                throw new IllegalStateException(what + " fit has no interior optimum: " + names[i] + " tends to "
                        + (best.theta()[i] > 0 ? "infinity" : "0")
                        + "; the data are too few, too uniform or too unlike this model to estimate it");
            }
        }
        if (!best.converged()) {
            throw new IllegalStateException(what + " fit did not converge in " + best.evaluations() + " evaluations");
        }
        double[] parameters = new double[best.theta().length];
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = Math.exp(best.theta()[i]);
        }
        return new Estimate(parameters, best.value(), Curvature.standardErrors(f, best.theta()), runs);
    }

    /** f inside the search box, not finite outside it (which makes the line search step back). */
    private static LogLikelihood boxed(LogLikelihood f) {
        return new LogLikelihood() {
            @Override
            public int dimension() {
                return f.dimension();
            }

            @Override
            public double valueAndGradient(double[] theta, double[] gradient) {
                for (double t : theta) {
                    if (Math.abs(t) > LOG_BOX) {
                        return Double.NaN;
                    }
                }
                return f.valueAndGradient(theta, gradient);
            }
        };
    }
}
