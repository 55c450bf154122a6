package com.consumer360.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Core sales metrics of the signed-in user's regions: the trend by month and the regions (the product rankings are
 * {@link ProductRankings}, asked for separately). Net revenue: sales minus cancellations. {@code salesThrough} is the
 * day of the latest sale counted (null when there is none).
 */
public record SalesOverview(List<MonthlySales> byMonth, List<RegionSales> byRegion, LocalDate salesThrough) {

    /**
     * Net revenue, units and invoices in one month; {@code monthToDate} marks a month the data does not cover to
     * its end (the latest sale, or the filter's end date, falls before its last day), so it is not comparable.
     */
    public record MonthlySales(YearMonth month, BigDecimal netRevenue, long units, long invoices,
                               boolean monthToDate) {
    }

    /** A region's net revenue, customers and invoices. */
    public record RegionSales(String region, BigDecimal netRevenue, long customers, long invoices) {
    }
}
