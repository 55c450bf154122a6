package com.consumer360.analytics.cohort;

import java.time.YearMonth;

/**
 * One cell of the cohort matrix: customers first purchasing in {@code cohort}, seen {@code period} months later.
 *
 * @param customers        cohort customers with at least one purchase in month cohort + period
 * @param retention        customers / cohort size (period 0 is 1)
 * @param revenue          net revenue of the cohort's customers in that month
 * @param revenueRetention revenue / revenue of period 0; NaN when period 0's net revenue is not positive
 */
public record CohortCell(YearMonth cohort, int period, int customers, double retention, double revenue,
                         double revenueRetention) {
}
