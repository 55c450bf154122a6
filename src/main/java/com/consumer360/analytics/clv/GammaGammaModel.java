package com.consumer360.analytics.clv;

import java.util.Arrays;
import java.util.List;

/**
 * Gamma-Gamma model of spend per purchase (Fader, Hardie and Lee 2005, "The Gamma-Gamma model of
 * monetary value"): a customer's purchase amounts are gamma(p, ν) with ν gamma(q, v) across customers.
 */
public record GammaGammaModel(double p, double q, double v) {

    private static final String[] NAMES = {"p", "q", "v"};
    /** Starting points in log-parameters, for spends divided by their median (so v is unit-free). */
    static final List<double[]> STARTS = List.of(
            new double[] {0, 0, 0},
            new double[] {Math.log(5), Math.log(3), Math.log(3)},
            new double[] {Math.log(0.5), Math.log(10), Math.log(20)});

    public GammaGammaModel {
        if (!(p > 0 && q > 0 && v > 0) || !Double.isFinite(p + q + v)) {
            throw new IllegalArgumentException("Gamma-Gamma parameters must be positive and finite: p=" + p
                    + ", q=" + q + ", v=" + v);
        }
    }

    /**
     * Fits the model to the customers with frequency &gt; 0 and a positive monetary value; the others
     * carry no spend information for it (lifetimes fits on repeat buyers too).
     */
    public static GammaGammaFit fit(List<CustomerSummary> customers) {
        List<CustomerSummary> repeat = customers.stream()
                .filter(c -> c.frequency() > 0 && c.monetaryValue() > 0)
                .toList();
        if (repeat.size() < 2) {
            throw new IllegalArgumentException("Gamma-Gamma needs at least 2 repeat buyers with a positive mean spend, got "
                    + repeat.size());
        }
        double[] spends = repeat.stream().mapToDouble(CustomerSummary::monetaryValue).sorted().toArray();
        double scale = spends[spends.length / 2];
        GammaGammaLikelihood likelihood = new GammaGammaLikelihood(repeat, scale);
        MaximumLikelihood.Estimate e = MaximumLikelihood.fit(likelihood, STARTS, repeat.size(), "Gamma-Gamma", NAMES);
        double[] params = e.parameters();
        GammaGammaModel model = new GammaGammaModel(params[0], params[1], params[2] * scale);
        // Fitting on amounts / scale shifts the log-likelihood by -n ln(scale) (the Jacobian of m).
        double logLikelihood = e.logLikelihood() - repeat.size() * Math.log(scale);
        List<Double> errors = e.standardErrors().isEmpty() ? List.of()
                : List.of(e.standardErrors().get(0), e.standardErrors().get(1), e.standardErrors().get(2) * scale);
        return new GammaGammaFit(model, logLikelihood, errors, repeat.size(), Arrays.stream(spends).sum() / spends.length);
    }

    /**
     * E[M | x, m_x] = (p (v + x m_x)) / (p x + q - 1), the conditional expected average spend. Customers
     * without repeat purchases (or with a non-positive mean) get the population mean p v / (q - 1).
     * Where q &lt;= 1 that mean is infinite; the fallback is {@code fallback}, documented in
     * docs/analytics-methods.md.
     */
    public double expectedAverageValue(CustomerSummary c, double fallback) {
        int x = c.frequency() > 0 && c.monetaryValue() > 0 ? c.frequency() : 0;
        double m = x > 0 ? c.monetaryValue() : 0;
        double denominator = p * x + q - 1;
        if (denominator <= 0) {
            return x > 0 ? m : fallback;
        }
        return p * (v + x * m) / denominator;
    }
}
