package com.consumer360.cohorts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Cohorts of the current snapshot in the user's scope and filter: one row per cohort month with customers, in
 * month order, each with its cells from period 0 to the snapshot's last month (months without activity as zeros).
 * {@code asOf} is null when there is no snapshot yet.
 */
public record RetentionMatrix(LocalDate asOf, YearMonth lastMonth, List<CohortRow> rows) {

    public RetentionMatrix {
        rows = List.copyOf(rows);
    }

    /** The longest row's last period; -1 without rows. */
    public int maxPeriod() {
        return rows.stream().mapToInt(r -> r.cells().size() - 1).max().orElse(-1);
    }

    /** Customers in all cohorts shown. */
    public long customers() {
        return rows.stream().mapToLong(CohortRow::size).sum();
    }

    public java.util.Optional<CohortRow> row(YearMonth cohort) {
        return rows.stream().filter(r -> r.cohort().equals(cohort)).findFirst();
    }

    /**
     * The snapshot's last month when the data ends before that month does (the as-of date, the day after the latest
     * sale, is not after its last day): its cells, the last diagonal, cover part of a month and read low. Null when
     * that month is complete or there is no snapshot.
     */
    public YearMonth partialMonth() {
        return asOf != null && lastMonth != null && !asOf.isAfter(lastMonth.atEndOfMonth()) ? lastMonth : null;
    }

    /** Whether a cell covers a whole month: it is not in the {@link #partialMonth()}. */
    public boolean complete(RetentionCell cell) {
        return !cell.month().equals(partialMonth());
    }

    /**
     * The size-weighted average curve over the rows: at period k, the cohorts that have reached k in a complete
     * month contribute Σ customers(c, k) / Σ size(c) (customer retention) or Σ revenue(c, k) / Σ revenue(c, 0)
     * (revenue retention). A cell of the {@link #partialMonth()} is left out: with it, the last periods, where few
     * cohorts reach, would show a drop that is only the month being unfinished.
     */
    public RetentionCurve averageCurve(String name, boolean revenue) {
        List<Double> values = new ArrayList<>();
        for (int k = 0; k <= maxPeriod(); k++) {
            double numerator = 0;
            double denominator = 0;
            for (CohortRow row : rows) {
                if (k < row.cells().size() && complete(row.cells().get(k))) {
                    RetentionCell cell = row.cells().get(k);
                    numerator += revenue ? cell.revenue().doubleValue() : cell.customers();
                    denominator += revenue ? row.cells().getFirst().revenue().doubleValue() : row.size();
                }
            }
            values.add(denominator > 0 ? numerator / denominator : null);
        }
        return new RetentionCurve(name, values);
    }

    /** One cohort: its month, size (customers with their first purchase in it) and cells by period. */
    public record CohortRow(YearMonth cohort, long size, List<RetentionCell> cells) {

        public CohortRow {
            cells = List.copyOf(cells);
        }
    }

    /**
     * Period {@code period} of a cohort: customers who purchased in month cohort + period, their net revenue in
     * that month, retention = customers / size, revenue retention = revenue / revenue of period 0 (null when that
     * is not positive).
     */
    public record RetentionCell(YearMonth cohort, int period, long customers, BigDecimal revenue, double retention,
                                Double revenueRetention) {

        public YearMonth month() {
            return cohort.plusMonths(period);
        }

        /** The figure the heatmap shows for {@code metric}: a fraction for the retentions, a count otherwise. */
        public Double value(CohortMetric metric) {
            return switch (metric) {
                case CUSTOMER_RETENTION -> retention;
                case REVENUE_RETENTION -> revenueRetention;
                case CUSTOMERS -> (double) customers;
            };
        }
    }
}
