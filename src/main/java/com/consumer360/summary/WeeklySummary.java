package com.consumer360.summary;

import java.math.BigDecimal;
import java.util.List;

/**
 * One snapshot ({@code current}) against an earlier one ({@code previous}) in the reader's scope: headline figures, their
 * history over the last snapshots, the segments, the segment-to-segment movement, the notable moves in words and, for
 * readers of several regions, the headline figures per region.
 */
public record WeeklySummary(Figures current, Figures previous, List<Figures> history, List<SegmentRow> segments,
                            List<Move> movement, List<String> notableMoves, List<RegionRow> regions) {

    /** The empty summary: no snapshot yet. */
    public static final WeeklySummary NONE = new WeeklySummary(null, null, List.of(), List.of(), List.of(), List.of(),
            List.of());

    /** A segment in both snapshots: customers, net revenue and mean CLV now and then. */
    public record SegmentRow(String segment, long customers, long previousCustomers, BigDecimal revenue,
                             BigDecimal previousRevenue, Double meanClv, Double previousMeanClv) {

        public long customerChange() {
            return customers - previousCustomers;
        }
    }

    /**
     * Customers whose segment was {@code from} in the earlier snapshot and is {@code to} now; {@code (new)} and
     * {@code (gone)} for customers entering or leaving the scored base. {@code shareOfOrigin} = customers / the origin
     * segment's customers in the earlier snapshot (null for {@code (new)}).
     */
    public record Move(String from, String to, long customers, Double shareOfOrigin) {
    }

    /** The headline figures of one region. */
    public record RegionRow(short regionId, String region, long active, long newCustomers, long lost,
                            BigDecimal revenue, double totalClv) {
    }
}
