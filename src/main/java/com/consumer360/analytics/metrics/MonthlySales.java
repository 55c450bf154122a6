package com.consumer360.analytics.metrics;

import java.time.YearMonth;

/**
 * Sales of one calendar month over all kept lines, customer id or not.
 *
 * @param revenue  net revenue (returns and cancellations subtract)
 * @param quantity net units
 * @param invoices purchase invoices, each counted in the month of its first purchase line
 */
public record MonthlySales(YearMonth month, double revenue, long quantity, int invoices) {
}
