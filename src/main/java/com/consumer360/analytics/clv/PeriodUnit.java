package com.consumer360.analytics.clv;

/** Time unit in which recency, T and horizons are measured. */
public enum PeriodUnit {
    DAYS(1, 30.0),
    WEEKS(7, 4.345);

    private final int days;
    private final double periodsPerMonth;

    PeriodUnit(int days, double periodsPerMonth) {
        this.days = days;
        this.periodsPerMonth = periodsPerMonth;
    }

    /** Length of {@code dayCount} days in this unit. */
    public double fromDays(long dayCount) {
        return (double) dayCount / days;
    }

    /** Periods in a month, as lifetimes' customer_lifetime_value counts them (30 days, 4.345 weeks). */
    public double periodsPerMonth() {
        return periodsPerMonth;
    }

    /** Periods in a year of 365 days: the default horizon for expected purchases. */
    public double periodsPerYear() {
        return 365.0 / days;
    }
}
