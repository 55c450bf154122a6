package com.consumer360.analytics.clv;

/**
 * A customer's calibration-period summary, as lifetimes and BTYD define it: {@code frequency} repeat
 * purchase days, {@code recency} from first to last purchase, {@code T} from first purchase to the end
 * of calibration (both in the time unit), {@code monetaryValue} the mean of the repeat purchase days'
 * amounts (0 without repeats), and {@code holdoutFrequency} purchase days after calibration.
 */
public record CustomerSummary(String customerId, int frequency, double recency, double T,
        double monetaryValue, int holdoutFrequency) {

    public CustomerSummary {
        if (frequency < 0 || !(recency >= 0) || !(T >= recency) || !Double.isFinite(T)
                || !Double.isFinite(monetaryValue) || holdoutFrequency < 0) {
            throw new IllegalArgumentException("inconsistent summary for customer " + customerId
                    + ": frequency=" + frequency + ", recency=" + recency + ", T=" + T
                    + ", monetary=" + monetaryValue + ", holdout=" + holdoutFrequency);
        }
        if (frequency == 0 && recency != 0) {
            throw new IllegalArgumentException("customer " + customerId + " has no repeat purchase but recency " + recency);
        }
    }

    /** A summary without holdout information. */
    public CustomerSummary(String customerId, int frequency, double recency, double T, double monetaryValue) {
        this(customerId, frequency, recency, T, monetaryValue, 0);
    }
}
