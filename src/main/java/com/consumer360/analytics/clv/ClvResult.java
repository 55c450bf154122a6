package com.consumer360.analytics.clv;

import java.util.List;

/**
 * Everything a CLV run produces: the fitted models, the fit time of both models in milliseconds, per
 * customer values, and the holdout checks (empty when the data end at the calibration end).
 */
public record ClvResult(ClvOptions options, BgNbdFit bgNbd, GammaGammaFit gammaGamma, double fitMillis,
        List<CustomerValue> customers, List<HoldoutRow> holdout, List<CumulativePoint> cumulative) {

    public ClvResult {
        customers = List.copyOf(customers);
        holdout = List.copyOf(holdout);
        cumulative = List.copyOf(cumulative);
    }
}
