package com.consumer360.analytics.clv;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the CLV analysis: summaries, BG/NBD and Gamma-Gamma fits, per-customer values, fit checks. */
public final class ClvEngine {

    private ClvEngine() {
    }

    /**
     * Analyses {@code purchases}. Throws {@link IllegalArgumentException} or {@link IllegalStateException}
     * with a message saying why when the data cannot support the models (for example no repeat buyers).
     */
    public static ClvResult run(Collection<Purchase> purchases, ClvOptions options) {
        return analyse(purchases, options, true);
    }

    /**
     * Fits the models and computes the fit checks only, with no per-customer values: what a holdout check of
     * the models needs. Throws as {@link #run} does.
     */
    public static ClvResult fitCheck(Collection<Purchase> purchases, ClvOptions options) {
        return analyse(purchases, options, false);
    }

    private static ClvResult analyse(Collection<Purchase> purchases, ClvOptions options, boolean perCustomer) {
        CalibrationData data = CalibrationSummarizer.summarize(purchases, options.calibrationEnd(), options.unit());
        List<CustomerSummary> customers = data.customers();

        long start = System.nanoTime();
        BgNbdFit bgNbd = BgNbdModel.fit(customers);
        GammaGammaFit gammaGamma = GammaGammaModel.fit(customers);
        double fitMillis = (System.nanoTime() - start) / 1e6;

        List<CustomerValue> values = perCustomer ? values(customers, bgNbd, gammaGamma, options) : List.of();
        return new ClvResult(options, bgNbd, gammaGamma, fitMillis, values,
                FitDiagnostics.holdoutTable(bgNbd.model(), data),
                FitDiagnostics.cumulativeRepeatPurchases(bgNbd.model(), data));
    }

    /**
     * Every customer's values. They depend only on the summary's frequency, recency, T and monetary value, so
     * customers sharing all four (many one-time buyers share a first purchase day) are computed once.
     */
    private static List<CustomerValue> values(List<CustomerSummary> customers, BgNbdFit bgNbd,
                                              GammaGammaFit gammaGamma, ClvOptions options) {
        BgNbdModel purchaseModel = bgNbd.model();
        GammaGammaModel spendModel = gammaGamma.model();
        ClvCalculator calculator = new ClvCalculator(options.clvMonths(), options.monthlyDiscountRate(),
                options.unit().periodsPerMonth());
        BgNbdModel.ConditionalExpectation expectation = purchaseModel.conditionalExpectation();
        Map<Inputs, CustomerValue> computed = new HashMap<>();
        List<CustomerValue> values = new ArrayList<>(customers.size());
        for (CustomerSummary c : customers) {
            CustomerValue same = computed.computeIfAbsent(new Inputs(c.frequency(), c.recency(), c.T(),
                    c.monetaryValue()), key -> {
                double value = spendModel.expectedAverageValue(c, gammaGamma.observedMeanSpend());
                return finite(new CustomerValue(c, purchaseModel.probabilityAlive(c),
                        expectation.expectedPurchases(c, options.horizon()), value,
                        calculator.clv(expectation, c, value)));
            });
            values.add(same.summary() == c ? same : new CustomerValue(c, same.probabilityAlive(),
                    same.expectedPurchases(), same.expectedAverageValue(), same.clv()));
        }
        return values;
    }

    /** What a customer's values depend on. */
    private record Inputs(int frequency, double recency, double T, double monetaryValue) {
    }

    /** The models' formulas are finite for valid parameters; a non-finite output is a bug, not data. */
    private static CustomerValue finite(CustomerValue v) {
        if (!Double.isFinite(v.probabilityAlive() + v.expectedPurchases() + v.expectedAverageValue() + v.clv())) {
            throw new ArithmeticException("non-finite CLV output for customer " + v.summary().customerId() + ": " + v);
        }
        return v;
    }
}
