package com.consumer360.analytics.clv;

/**
 * Discounted customer lifetime value over {@code months} months, with lifetimes'
 * {@code customer_lifetime_value} convention: CLV = Σ_{i=1..months} value × (E[Y(i·f)] − E[Y((i−1)·f)])
 * / (1 + d)^i, where f is the number of periods in a month (30 days or 4.345 weeks), E[Y(t)] the BG/NBD
 * conditional expected purchases and value the Gamma-Gamma expected average value. Each month's
 * purchases are discounted at that month's end.
 */
public record ClvCalculator(int months, double monthlyDiscountRate, double periodsPerMonth) {

    public ClvCalculator {
        if (months < 0) {
            throw new IllegalArgumentException("CLV months must not be negative, got " + months);
        }
        if (!(monthlyDiscountRate > -1) || !Double.isFinite(monthlyDiscountRate)) {
            throw new IllegalArgumentException("monthly discount rate must be finite and above -1, got " + monthlyDiscountRate);
        }
        if (!(periodsPerMonth > 0) || !Double.isFinite(periodsPerMonth)) {
            throw new IllegalArgumentException("periods per month must be positive, got " + periodsPerMonth);
        }
    }

    /** CLV of a customer whose expected value per purchase is {@code expectedAverageValue}. */
    public double clv(BgNbdModel model, CustomerSummary customer, double expectedAverageValue) {
        return clv(model.conditionalExpectation(), customer, expectedAverageValue);
    }

    /** The same, with expected purchases from a shared {@link BgNbdModel.ConditionalExpectation}. */
    public double clv(BgNbdModel.ConditionalExpectation model, CustomerSummary customer,
                      double expectedAverageValue) {
        double clv = 0;
        double previous = 0;
        double discount = 1;
        for (int i = 1; i <= months; i++) {
            double cumulative = model.expectedPurchases(customer, i * periodsPerMonth);
            discount /= 1 + monthlyDiscountRate;
            clv += expectedAverageValue * (cumulative - previous) * discount;
            previous = cumulative;
        }
        return clv;
    }
}
