package com.consumer360.analytics.clv;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the per-customer summaries that BG/NBD and Gamma-Gamma take, with lifetimes'
 * {@code calibration_and_holdout_data} conventions: purchases of a customer on the same day are one
 * purchase (amounts summed); frequency counts repeat purchase days; recency and T are measured from
 * the first purchase; monetary value is the mean of the repeat purchase days' amounts.
 *
 * <p>The purchases are laid out by customer in primitive arrays and each customer's slice sorted by day:
 * a batch run passes millions of lines, and a sorted map per customer cost more than the model fits.
 */
public final class CalibrationSummarizer {

    private CalibrationSummarizer() {
    }

    /**
     * Summarises {@code purchases} for a calibration period ending on {@code calibrationEnd}
     * (inclusive). Customers whose first purchase is later are left out: the models describe
     * customers from their first purchase on. Later purchases of the others form the holdout.
     * Customers come in the order of their first line in {@code purchases}.
     */
    public static CalibrationData summarize(Collection<Purchase> purchases, LocalDate calibrationEnd, PeriodUnit unit) {
        int n = purchases.size();
        Map<String, Integer> index = new HashMap<>();
        List<String> ids = new ArrayList<>();
        int[] customerOf = new int[n];
        long[] dayOf = new long[n];
        double[] amountOf = new double[n];
        long origin = Long.MAX_VALUE;
        long observationEnd = calibrationEnd.toEpochDay();
        int i = 0;
        for (Purchase p : purchases) {
            Integer c = index.putIfAbsent(p.customerId(), ids.size());
            if (c == null) {
                c = ids.size();
                ids.add(p.customerId());
            }
            customerOf[i] = c;
            dayOf[i] = p.date().toEpochDay();
            amountOf[i] = p.amount();
            origin = Math.min(origin, dayOf[i]);
            observationEnd = Math.max(observationEnd, dayOf[i]);
            i++;
        }
        long end = calibrationEnd.toEpochDay();
        if (n == 0 || origin > end) {
            throw new IllegalArgumentException("no purchases on or before the calibration end " + calibrationEnd);
        }
        // Counting sort by customer; within a customer, (day, line) packed in a long sorts by day.
        int[] start = new int[ids.size() + 1];
        for (int c : customerOf) {
            start[c + 1]++;
        }
        for (int c = 0; c < ids.size(); c++) {
            start[c + 1] += start[c];
        }
        long[] byCustomer = new long[n];
        int[] fill = Arrays.copyOf(start, ids.size());
        for (int line = 0; line < n; line++) {
            byCustomer[fill[customerOf[line]]++] = ((dayOf[line] - origin) << 32) | line;
        }
        int[] repeatsByDay = new int[Math.toIntExact(observationEnd - origin + 1)];
        List<CustomerSummary> customers = new ArrayList<>();
        for (int c = 0; c < ids.size(); c++) {
            Arrays.sort(byCustomer, start[c], start[c + 1]);
            CustomerSummary s = summarize(ids.get(c), byCustomer, start[c], start[c + 1], amountOf, end - origin, unit,
                    repeatsByDay);
            if (s != null) {
                customers.add(s);
            }
        }
        return new CalibrationData(unit, LocalDate.ofEpochDay(origin), calibrationEnd, LocalDate.ofEpochDay(observationEnd),
                customers, repeatsByDay);
    }

    /**
     * One customer's summary from its lines {@code from..to} of {@code sorted} (day offset in the high
     * half, line in the low half), or null when the first purchase is after the calibration end. Counts
     * the repeat purchase days into {@code repeatsByDay}.
     */
    private static CustomerSummary summarize(String id, long[] sorted, int from, int to, double[] amountOf,
            long end, PeriodUnit unit, int[] repeatsByDay) {
        long first = sorted[from] >>> 32;
        if (first > end) {
            return null;
        }
        long last = first;
        long previous = first;
        int frequency = 0;
        int holdout = 0;
        double repeatAmount = 0;
        for (int k = from; k < to; k++) {
            long day = sorted[k] >>> 32;
            double amount = amountOf[(int) sorted[k]];
            boolean newDay = day != previous;
            previous = day;
            if (day == first) {
                continue;
            }
            if (newDay) {
                repeatsByDay[(int) day]++;
            }
            if (day > end) {
                holdout += newDay ? 1 : 0;
            } else {
                frequency += newDay ? 1 : 0;
                repeatAmount += amount;
                last = day;
            }
        }
        return new CustomerSummary(id, frequency, unit.fromDays(last - first), unit.fromDays(end - first),
                frequency == 0 ? 0 : repeatAmount / frequency, holdout);
    }
}
