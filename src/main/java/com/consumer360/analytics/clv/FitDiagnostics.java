package com.consumer360.analytics.clv;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Model checks against a holdout period, as Fader, Hardie and Lee (2005) validate on CDNOW. */
final class FitDiagnostics {

    /** Calibration frequencies 0..6 get a row each, 7 and more share the last one. */
    static final int POOLED_FREQUENCY = 7;

    private FitDiagnostics() {
    }

    /** Mean actual against predicted holdout purchases by calibration frequency; empty without holdout. */
    static List<HoldoutRow> holdoutTable(BgNbdModel model, CalibrationData data) {
        double length = data.holdoutLength();
        if (length <= 0) {
            return List.of();
        }
        int[] customers = new int[POOLED_FREQUENCY + 1];
        double[] actual = new double[POOLED_FREQUENCY + 1];
        double[] predicted = new double[POOLED_FREQUENCY + 1];
        for (CustomerSummary c : data.customers()) {
            int row = Math.min(c.frequency(), POOLED_FREQUENCY);
            customers[row]++;
            actual[row] += c.holdoutFrequency();
            predicted[row] += model.expectedPurchases(c, length);
        }
        List<HoldoutRow> rows = new ArrayList<>();
        for (int row = 0; row <= POOLED_FREQUENCY; row++) {
            String label = row == POOLED_FREQUENCY ? POOLED_FREQUENCY + "+" : String.valueOf(row);
            int n = customers[row];
            rows.add(new HoldoutRow(label, n, n == 0 ? 0 : actual[row] / n, n == 0 ? 0 : predicted[row] / n));
        }
        return List.copyOf(rows);
    }

    /**
     * Cumulative repeat purchases at the end of each whole period from the first day in the data to
     * the end of observation. A customer who first bought on day b contributes E[X(τ − b)] at time τ.
     */
    static List<CumulativePoint> cumulativeRepeatPurchases(BgNbdModel model, CalibrationData data) {
        int[] repeatsByDay = data.repeatPurchasesByDay();
        int unitDays = (int) Math.round(1 / data.unit().fromDays(1));
        int calibrationEndDay = (int) ChronoUnit.DAYS.between(data.origin(), data.calibrationEnd());
        int[] customersByBirthDay = new int[repeatsByDay.length];
        for (CustomerSummary c : data.customers()) {
            // T is a whole number of days in the time unit, so this recovers the first purchase day.
            customersByBirthDay[calibrationEndDay - (int) Math.round(c.T() * unitDays)]++;
        }
        // E[X(t)] depends on the lag only: compute it once per lag in days.
        double[] expectedByLag = new double[repeatsByDay.length + 1];
        for (int lag = 1; lag < expectedByLag.length; lag++) {
            expectedByLag[lag] = model.expectedPurchasesOfNewCustomer(data.unit().fromDays(lag));
        }
        List<CumulativePoint> points = new ArrayList<>();
        long actual = 0;
        int day = 0;
        for (int period = 1; period * unitDays <= repeatsByDay.length; period++) {
            int end = period * unitDays;
            for (; day < end; day++) {
                actual += repeatsByDay[day];
            }
            double predicted = 0;
            for (int birth = 0; birth < end; birth++) {
                predicted += customersByBirthDay[birth] * expectedByLag[end - birth];
            }
            points.add(new CumulativePoint(period, actual, predicted));
        }
        return List.copyOf(points);
    }
}
