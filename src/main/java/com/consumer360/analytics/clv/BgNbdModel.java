package com.consumer360.analytics.clv;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BG/NBD model of the purchase process (Fader, Hardie and Lee 2005, "Counting your customers the easy
 * way"): Poisson purchases at a gamma(r, α) distributed rate while alive, and after each purchase the
 * customer drops out with a beta(a, b) distributed probability. Time is in the unit of the summaries.
 */
public record BgNbdModel(double r, double alpha, double a, double b) {

    private static final String[] NAMES = {"r", "alpha", "a", "b"};

    public BgNbdModel {
        if (!(r > 0 && alpha > 0 && a > 0 && b > 0) || !Double.isFinite(r + alpha + a + b)) {
            throw new IllegalArgumentException("BG/NBD parameters must be positive and finite: r=" + r
                    + ", alpha=" + alpha + ", a=" + a + ", b=" + b);
        }
    }

    /** Fits the model to {@code customers} by maximum likelihood. */
    public static BgNbdFit fit(List<CustomerSummary> customers) {
        return fitDetailed(customers).fit();
    }

    /** The fit with every start's run, for tests of the optimiser. */
    static Detailed fitDetailed(List<CustomerSummary> customers) {
        if (customers.size() < 2) {
            throw new IllegalArgumentException("BG/NBD needs at least 2 customers, got " + customers.size());
        }
        if (customers.stream().noneMatch(c -> c.frequency() > 0)) {
            throw new IllegalArgumentException("BG/NBD needs at least one repeat buyer; none of the "
                    + customers.size() + " customers bought again in the calibration period");
        }
        List<double[]> starts = starts(customers);
        BgNbdLikelihood likelihood = new BgNbdLikelihood(customers);
        MaximumLikelihood.Estimate e = MaximumLikelihood.fit(likelihood, starts, customers.size(), "BG/NBD", NAMES);
        double[] p = e.parameters();
        BgNbdModel model = new BgNbdModel(p[0], p[1], p[2], p[3]);
        return new Detailed(new BgNbdFit(model, e.logLikelihood(), e.standardErrors(), customers.size()), e);
    }

    /**
     * Starting points in log-parameters. α is measured in the time unit: scaling it with the customers'
     * mean age makes the same starts work in days and in weeks. Three spread-out starts; the best optimum
     * wins (on CDNOW each of them alone reaches the published optimum, see the tests).
     */
    static List<double[]> starts(List<CustomerSummary> customers) {
        double meanT = customers.stream().mapToDouble(CustomerSummary::T).average().orElseThrow();
        double logScale = Math.log(Math.max(meanT, 1e-3));
        return List.of(
                new double[] {0, logScale, 0, 0},
                new double[] {Math.log(0.1), logScale - Math.log(10), Math.log(0.1), Math.log(0.5)},
                new double[] {Math.log(0.5), logScale - Math.log(100), Math.log(0.2), Math.log(3)});
    }

    /** A fit together with the optimiser's runs. */
    record Detailed(BgNbdFit fit, MaximumLikelihood.Estimate estimate) {
    }

    /** Log-likelihood of one customer's (x, t_x, T) under this model. */
    public double logLikelihood(CustomerSummary c) {
        double[] theta = {Math.log(r), Math.log(alpha), Math.log(a), Math.log(b)};
        return new BgNbdLikelihood(List.of(c)).valueAndGradient(theta, new double[4]);
    }

    /** P(alive | x, t_x, T), Fader, Hardie and Lee (2005). */
    public double probabilityAlive(CustomerSummary c) {
        return 1 / (1 + deathOdds(c));
    }

    /**
     * E[Y(t) | x, t_x, T], expected purchases in the next {@code t} periods, computed in
     * the stable form documented in docs/analytics-methods.md.
     */
    public double expectedPurchases(CustomerSummary c, double t) {
        return expectedPurchases(c.frequency(), c.T(), t) / (1 + deathOdds(c));
    }

    /**
     * {@link #expectedPurchases(CustomerSummary, double)} for many customers: the part that does not depend on
     * t_x, a 2F1 series, is computed once per (x, T, t), which customers share far more often than all of
     * (x, t_x, T). The results are the same, bit for bit. Not thread-safe: one per thread.
     */
    public ConditionalExpectation conditionalExpectation() {
        return new ConditionalExpectation();
    }

    /** See {@link #conditionalExpectation()}. */
    public final class ConditionalExpectation {

        private record Key(int x, double age, double t) {
        }

        private final Map<Key, Double> numerators = new HashMap<>();

        private ConditionalExpectation() {
        }

        /** E[Y(t) | x, t_x, T], as {@link BgNbdModel#expectedPurchases(CustomerSummary, double)}. */
        public double expectedPurchases(CustomerSummary c, double t) {
            double numerator = numerators.computeIfAbsent(new Key(c.frequency(), c.T(), t),
                    key -> BgNbdModel.this.expectedPurchases(key.x(), key.age(), key.t()));
            return numerator / (1 + deathOdds(c));
        }
    }

    /** E[X(t)], expected purchases of a new customer in its first {@code t} periods. */
    public double expectedPurchasesOfNewCustomer(double t) {
        return expectedPurchases(0, 0, t);
    }

    /**
     * (a+b+x-1)/(a-1) [1 - ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; z)], z = t/(α+T+t).
     * Euler's transformation turns (1-z)^(r+x) 2F1(r+x, b+x; c; z) into (1-z)^(a-1) 2F1(a+b-1-r, a-1; c; z),
     * whose upper parameters do not grow with x (no huge terms for frequent buyers), and the division
     * by a-1 is carried out analytically so that a = 1 is no singularity.
     */
    private double expectedPurchases(int x, double age, double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("horizon must be finite and non-negative, got " + t);
        }
        double c = a + b + x - 1;
        double z = t / (alpha + age + t);
        double bParam = a - 1;
        double log1mz = Math.log1p(-z);
        double value;
        if (directIsShorter(x)) {
            // The published form: c/(a-1) [1 - (1-z)^p 2F1(p, q; c; z)], p = r+x, q = b+x, with
            // 1 - (1-z)^p 2F1 = -expm1(p log(1-z)) - (1-z)^p q (2F1 - 1)/q.
            double p = r + x;
            double q = b + x;
            double s = Hypergeometric2F1.minusOneOverB(p, q, c, z);
            value = c / bParam * (-Math.expm1(p * log1mz) - Math.exp(p * log1mz) * q * s);
        } else {
            double g = Math.abs(bParam) < 1e-12 ? -log1mz : -Math.expm1(bParam * log1mz) / bParam;
            double s = Hypergeometric2F1.minusOneOverB(a + b - 1 - r, bParam, c, z);
            value = c * (g - Math.exp(bParam * log1mz) * s);
        }
        if (!Double.isFinite(value)) {
            throw new ArithmeticException("expected purchases are not finite for " + this + ", x=" + x + ", t=" + t);
        }
        return Math.max(value, 0);
    }

    /**
     * Whether the published series 2F1(r+x, b+x; c; z) needs fewer terms than Euler's transform 2F1(a+b-1-r, a-1;
     * c; z): a series grows while (upper + n)(upper' + n) z / ((c + n)(n + 1)) exceeds 1, so the smaller product of
     * upper parameters converges sooner. Fits of a dropout rate the same for every customer drive a and b to the
     * millions (a = 5.4e6, b = 4.2e7 from one demo warehouse): the transform then needed millions of terms, the
     * published form about thirty. Only for a ≥ 2, away from a = 1, where the published form divides by zero;
     * usual fits (a below 2) keep the transform.
     */
    private boolean directIsShorter(int x) {
        return a >= 2 && Math.abs((r + x) * (b + x)) < Math.abs((a + b - 1 - r) * (a - 1));
    }

    /** δ(x>0) a/(b+x-1) ((α+T)/(α+t_x))^(r+x), in log space so that it saturates instead of overflowing. */
    private double deathOdds(CustomerSummary c) {
        int x = c.frequency();
        if (x == 0) {
            return 0;
        }
        double log = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + c.T()) - Math.log(alpha + c.recency()));
        return Math.exp(Math.min(log, 700));
    }
}
