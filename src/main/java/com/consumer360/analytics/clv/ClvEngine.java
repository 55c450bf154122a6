package com.consumer360.analytics.clv;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Runs the CLV analysis: summaries, BG/NBD and Gamma-Gamma fits, per-customer values, fit checks. */
public final class ClvEngine {

    private ClvEngine() {
    }

    /**
     * Analyses {@code purchases}. Throws {@link IllegalArgumentException} or {@link IllegalStateException}
     * with a message saying why when the data cannot support the models (for example no repeat buyers).
     */
    public static ClvResult run(Collection<Purchase> purchases, ClvOptions options) {
        CalibrationData data = CalibrationSummarizer.summarize(purchases, options.calibrationEnd(), options.unit());
        List<CustomerSummary> customers = data.customers();

        long start = System.nanoTime();
        BgNbdFit bgNbd = BgNbdModel.fit(customers);
        GammaGammaFit gammaGamma = GammaGammaModel.fit(customers);
        double fitMillis = (System.nanoTime() - start) / 1e6;

        BgNbdModel purchaseModel = bgNbd.model();
        GammaGammaModel spendModel = gammaGamma.model();
        ClvCalculator calculator = new ClvCalculator(options.clvMonths(), options.monthlyDiscountRate(),
                options.unit().periodsPerMonth());
        List<CustomerValue> values = new ArrayList<>(customers.size());
        for (CustomerSummary c : customers) {
            double value = spendModel.expectedAverageValue(c, gammaGamma.observedMeanSpend());
            values.add(finite(new CustomerValue(c, purchaseModel.probabilityAlive(c),
                    purchaseModel.expectedPurchases(c, options.horizon()), value,
                    calculator.clv(purchaseModel, c, value))));
        }
        return new ClvResult(options, bgNbd, gammaGamma, fitMillis, values,
                FitDiagnostics.holdoutTable(purchaseModel, data),
                FitDiagnostics.cumulativeRepeatPurchases(purchaseModel, data));
    }

    /** The models' formulas are finite for valid parameters; a non-finite output is a bug, not data. */
    private static CustomerValue finite(CustomerValue v) {
        if (!Double.isFinite(v.probabilityAlive() + v.expectedPurchases() + v.expectedAverageValue() + v.clv())) {
            throw new ArithmeticException("non-finite CLV output for customer " + v.summary().customerId() + ": " + v);
        }
        return v;
    }
}
