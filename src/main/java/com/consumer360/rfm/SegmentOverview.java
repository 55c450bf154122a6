package com.consumer360.rfm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * All eleven segments of the current snapshot in the user's scope (and region filter), in the segment map's
 * order. {@code previousAsOf} is null when there is no earlier snapshot; then no row has a change.
 */
public record SegmentOverview(LocalDate asOf, LocalDate previousAsOf, String segmentMapVersion, List<Row> rows) {

    public SegmentOverview {
        rows = List.copyOf(rows);
    }

    /** Customers in all segments. */
    public long customers() {
        return rows.stream().mapToLong(Row::customers).sum();
    }

    /**
     * One segment. Shares are fractions (0.25 = 25 %) of the scored customers and of their net revenue; means
     * are over the segment's customers (mean CLV over those with a CLV, null when none has one);
     * {@code customerChange} is customers now minus customers in the previous snapshot, null without one.
     */
    public record Row(String segment, long customers, BigDecimal revenue, double customerShare, double revenueShare,
                      double meanRecencyDays, double meanFrequency, BigDecimal meanMonetary, Double meanClv,
                      Long customerChange) {
    }
}
