package com.consumer360.analytics.clv;

import java.util.List;

/**
 * A fitted Gamma-Gamma model with its log-likelihood, standard errors of (p, q, v) (empty when not
 * available), the number of repeat buyers it was fitted on and their mean spend.
 */
public record GammaGammaFit(GammaGammaModel model, double logLikelihood, List<Double> standardErrors,
        int customers, double observedMeanSpend) {

    public GammaGammaFit {
        standardErrors = List.copyOf(standardErrors);
    }
}
