package com.consumer360.analytics.clv;

import java.util.List;

/**
 * A fitted BG/NBD model with its maximised log-likelihood and the standard errors of (r, α, a, b)
 * (empty when the observed information is not positive definite).
 */
public record BgNbdFit(BgNbdModel model, double logLikelihood, List<Double> standardErrors, int customers) {

    public BgNbdFit {
        standardErrors = List.copyOf(standardErrors);
    }
}
