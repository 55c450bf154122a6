package com.consumer360.analytics.clv;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Calibration summaries of the customers whose first purchase falls on or before the calibration end,
 * with what the holdout period (after calibration end up to {@code observationEnd}) needs for the fit
 * diagnostics: {@code repeatPurchasesByDay[d]} counts these customers' repeat purchase days on day
 * {@code origin + d}.
 */
public record CalibrationData(PeriodUnit unit, LocalDate origin, LocalDate calibrationEnd, LocalDate observationEnd,
        List<CustomerSummary> customers, int[] repeatPurchasesByDay) {

    public CalibrationData {
        customers = List.copyOf(customers);
        repeatPurchasesByDay = repeatPurchasesByDay.clone();
    }

    /** Length of the holdout period in the time unit (0 without holdout). */
    public double holdoutLength() {
        return unit.fromDays(ChronoUnit.DAYS.between(calibrationEnd, observationEnd));
    }

    @Override
    public int[] repeatPurchasesByDay() {
        return repeatPurchasesByDay.clone();
    }
}
