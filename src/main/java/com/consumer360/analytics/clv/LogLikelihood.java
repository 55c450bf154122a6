package com.consumer360.analytics.clv;

/** A log-likelihood of log-transformed parameters, with its analytic gradient. */
interface LogLikelihood {

    /** Number of parameters. */
    int dimension();

    /**
     * Log-likelihood at the log-parameters {@code theta}; writes d(log-likelihood)/d(theta) into
     * {@code gradient}. May return a non-finite value where the model is numerically undefined.
     */
    double valueAndGradient(double[] theta, double[] gradient);
}
