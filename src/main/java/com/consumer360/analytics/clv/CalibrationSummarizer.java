package com.consumer360.analytics.clv;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the per-customer summaries that BG/NBD and Gamma-Gamma take, with lifetimes'
 * {@code calibration_and_holdout_data} conventions: purchases of a customer on the same day are one
 * purchase (amounts summed); frequency counts repeat purchase days; recency and T are measured from
 * the first purchase; monetary value is the mean of the repeat purchase days' amounts.
 */
public final class CalibrationSummarizer {

    private CalibrationSummarizer() {
    }

    /**
     * Summarises {@code purchases} for a calibration period ending on {@code calibrationEnd}
     * (inclusive). Customers whose first purchase is later are left out: the models describe
     * customers from their first purchase on. Later purchases of the others form the holdout.
     */
    public static CalibrationData summarize(Collection<Purchase> purchases, LocalDate calibrationEnd, PeriodUnit unit) {
        Map<String, TreeMap<LocalDate, Double>> days = new LinkedHashMap<>();
        LocalDate origin = null;
        LocalDate observationEnd = calibrationEnd;
        for (Purchase p : purchases) {
            days.computeIfAbsent(p.customerId(), id -> new TreeMap<>()).merge(p.date(), p.amount(), Double::sum);
            if (origin == null || p.date().isBefore(origin)) {
                origin = p.date();
            }
            if (p.date().isAfter(observationEnd)) {
                observationEnd = p.date();
            }
        }
        if (origin == null || origin.isAfter(calibrationEnd)) {
            throw new IllegalArgumentException("no purchases on or before the calibration end " + calibrationEnd);
        }
        int[] repeatsByDay = new int[(int) ChronoUnit.DAYS.between(origin, observationEnd) + 1];
        List<CustomerSummary> customers = new ArrayList<>();
        for (Map.Entry<String, TreeMap<LocalDate, Double>> e : days.entrySet()) {
            TreeMap<LocalDate, Double> purchaseDays = e.getValue();
            LocalDate first = purchaseDays.firstKey();
            if (first.isAfter(calibrationEnd)) {
                continue;
            }
            customers.add(summarize(e.getKey(), purchaseDays, calibrationEnd, unit));
            for (LocalDate day : purchaseDays.keySet()) {
                if (!day.equals(first)) {
                    repeatsByDay[(int) ChronoUnit.DAYS.between(origin, day)]++;
                }
            }
        }
        return new CalibrationData(unit, origin, calibrationEnd, observationEnd, customers, repeatsByDay);
    }

    private static CustomerSummary summarize(String id, TreeMap<LocalDate, Double> purchaseDays,
            LocalDate calibrationEnd, PeriodUnit unit) {
        LocalDate first = purchaseDays.firstKey();
        LocalDate last = first;
        int frequency = 0;
        int holdout = 0;
        double repeatAmount = 0;
        for (Map.Entry<LocalDate, Double> day : purchaseDays.entrySet()) {
            if (day.getKey().isAfter(calibrationEnd)) {
                holdout++;
            } else if (!day.getKey().equals(first)) {
                frequency++;
                repeatAmount += day.getValue();
                last = day.getKey();
            }
        }
        return new CustomerSummary(id, frequency,
                unit.fromDays(ChronoUnit.DAYS.between(first, last)),
                unit.fromDays(ChronoUnit.DAYS.between(first, calibrationEnd)),
                frequency == 0 ? 0 : repeatAmount / frequency,
                holdout);
    }
}
