package com.consumer360.clv;

import java.time.LocalDate;

/**
 * The models the refresh fitted on the whole customer base (every region) and the settings of the CLV: data up to
 * {@code fitEnd}, weeks as the time unit, expected purchases over {@code horizonWeeks}, CLV over {@code clvMonths}
 * months at {@code monthlyDiscountRate}.
 */
public record ClvModel(LocalDate fitEnd, double horizonWeeks, int clvMonths, double monthlyDiscountRate,
                       BgNbdParameters bgNbd, double p, double q, double v, double gammaGammaLogLikelihood) {

    /** BG/NBD parameters, log-likelihood and the number of customers fitted. */
    public record BgNbdParameters(double r, double alpha, double a, double b, double logLikelihood, long customers) {
    }
}
