package com.consumer360.customsegments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A segment's figures at a snapshot in the reader's scope (custom or RFM): size, share of the scoped base, net
 * revenue, average order value (revenue over invoices), mean recency and frequency, mean expected CLV and mean
 * P(alive) over the members with a CLV fit, and the R, F and M score distributions (index 0 = score 1).
 * {@code source} says what produced the members, e.g. "version 3" or "version 4, evaluated live".
 */
public record SegmentFigures(String name, String source, LocalDate asOf, long customers, long baseCustomers,
                             BigDecimal revenue, BigDecimal averageOrderValue, Double meanRecencyDays,
                             Double meanFrequency, Double meanClv, Double meanPAlive, List<Long> byRScore,
                             List<Long> byFScore, List<Long> byMScore) {

    public double share() {
        return baseCustomers == 0 ? 0 : (double) customers / baseCustomers;
    }
}
