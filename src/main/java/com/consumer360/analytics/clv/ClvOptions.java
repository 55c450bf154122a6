package com.consumer360.analytics.clv;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Settings of a CLV run: calibration end (inclusive), time unit, horizon for expected purchases (in the
 * time unit), CLV months and monthly discount rate.
 */
public record ClvOptions(LocalDate calibrationEnd, PeriodUnit unit, double horizon, int clvMonths, double monthlyDiscountRate) {

    public ClvOptions {
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        Objects.requireNonNull(unit, "unit");
        if (!(horizon >= 0) || !Double.isFinite(horizon)) {
            throw new IllegalArgumentException("horizon must be finite and non-negative, got " + horizon);
        }
        // Validates months and discount rate with the calculator's messages.
        new ClvCalculator(clvMonths, monthlyDiscountRate, unit.periodsPerMonth());
    }

    /** Defaults: a one-year horizon, 12 months of CLV at 1% a month. */
    public static ClvOptions defaults(LocalDate calibrationEnd, PeriodUnit unit) {
        return new ClvOptions(calibrationEnd, unit, unit.periodsPerYear(), 12, 0.01);
    }
}
