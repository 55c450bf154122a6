package com.consumer360.summary;

import java.math.BigDecimal;

/**
 * The headline figures of one snapshot against an earlier one, over the reader's customers (definitions: docs/analytics-methods.md,
 * "Weekly summary"). Figures that need the earlier snapshot are null without one.
 *
 * @param active      customers whose last purchase is at most {@link SummaryService#ACTIVE_DAYS} days before the as-of date
 * @param newCustomers customers in this snapshot who were not in the earlier one
 * @param lost        customers active in the earlier snapshot and not active in this one
 * @param revenue     net revenue between the two as-of dates: Σ monetary now − Σ monetary then
 * @param orders      purchase invoices between the two: Σ frequency now − Σ frequency then
 * @param totalClv    Σ expected CLV over the model's horizon
 */
public record Figures(SnapshotRef snapshot, long customers, long active, Long newCustomers, Long lost,
                      BigDecimal revenue, Long orders, double totalClv) {

    /** Average order value in the period: revenue / orders; null without orders. */
    public BigDecimal averageOrderValue() {
        return revenue == null || orders == null || orders <= 0 ? null
                : revenue.divide(BigDecimal.valueOf(orders), 2, java.math.RoundingMode.HALF_EVEN);
    }
}
