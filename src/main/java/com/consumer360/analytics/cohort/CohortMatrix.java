package com.consumer360.analytics.cohort;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Monthly acquisition cohorts from per-customer, per-month activity. Feed it one call per transaction line
 * or one per pre-aggregated (customer, month) row from SQL: repeated pairs are summed.
 * A customer's cohort is the month of their first purchase; months before it do not count.
 */
public final class CohortMatrix {

    private final CustomerMonths activity = new CustomerMonths();

    /**
     * @param customerKey a non-negative key identifying the customer (a dictionary code or surrogate key)
     * @param purchase    whether this activity includes a purchase (only purchases make a customer active)
     * @param netRevenue  net revenue, negative for returns
     */
    public CohortMatrix add(int customerKey, YearMonth month, boolean purchase, double netRevenue) {
        return addMonthIndex(customerKey, MonthIndex.of(month), purchase, netRevenue);
    }

    CohortMatrix addMonthIndex(int customerKey, int monthIndex, boolean purchase, double netRevenue) {
        if (customerKey < 0) {
            throw new IllegalArgumentException("customer keys are non-negative, got " + customerKey);
        }
        activity.add(customerKey, monthIndex, purchase, netRevenue);
        return this;
    }

    /** All cells, by cohort month then period, from period 0 to the last month with any activity. */
    public List<CohortCell> cells() {
        Map<Integer, Integer> cohortOf = new HashMap<>();
        int lastMonth = Integer.MIN_VALUE;
        int firstCohort = Integer.MAX_VALUE;
        for (int s = 0; s < activity.capacity(); s++) {
            if (activity.used(s)) {
                lastMonth = Math.max(lastMonth, activity.month(s));
                if (activity.purchased(s)) {
                    int month = activity.month(s);
                    cohortOf.merge(activity.customer(s), month, Math::min);
                    firstCohort = Math.min(firstCohort, month);
                }
            }
        }
        if (cohortOf.isEmpty()) {
            return List.of();
        }
        int months = lastMonth - firstCohort + 1;
        int[][] customers = new int[months][months];
        double[][] revenue = new double[months][months];
        for (int s = 0; s < activity.capacity(); s++) {
            Integer cohort = activity.used(s) ? cohortOf.get(activity.customer(s)) : null;
            if (cohort != null && activity.month(s) >= cohort) {
                int c = cohort - firstCohort;
                int period = activity.month(s) - cohort;
                revenue[c][period] += activity.revenue(s);
                customers[c][period] += activity.purchased(s) ? 1 : 0;
            }
        }
        return toCells(firstCohort, lastMonth, customers, revenue);
    }

    private static List<CohortCell> toCells(int firstCohort, int lastMonth, int[][] customers,
                                            double[][] revenue) {
        List<CohortCell> cells = new ArrayList<>();
        for (int c = 0; c < customers.length; c++) {
            int size = customers[c][0];
            if (size == 0) {
                continue; // nobody made a first purchase in this month
            }
            YearMonth cohort = MonthIndex.toYearMonth(firstCohort + c);
            double base = revenue[c][0];
            for (int period = 0; firstCohort + c + period <= lastMonth; period++) {
                cells.add(new CohortCell(cohort, period, customers[c][period],
                        (double) customers[c][period] / size, revenue[c][period],
                        base > 0 ? revenue[c][period] / base : Double.NaN));
            }
        }
        return cells;
    }
}
