package com.consumer360.refresh;

import com.consumer360.analytics.clv.CustomerValue;
import com.consumer360.analytics.cohort.CohortCell;
import com.consumer360.analytics.rfm.RfmScore;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.postgresql.PGConnection;

/** Writes the region-level tables of a snapshot: segment summaries, segment products, movement and cohorts. */
final class SnapshotAggregatesWriter {

    private final Connection connection;
    private final long snapshotId;
    private final Map<String, Long> rows;

    SnapshotAggregatesWriter(Connection connection, long snapshotId, Map<String, Long> rows) {
        this.connection = connection;
        this.snapshotId = snapshotId;
        this.rows = rows;
    }

    /** The tables of RFM and cohorts alone: written while CLV may still be being fitted. */
    void writeWithoutModels(SnapshotContent content) throws SQLException {
        segmentProducts(content);
        cohorts(content);
        rows.put("snap_cohort_customer",
                CohortCustomersWriter.write(connection, snapshotId, content.inputs().cohortActivity()));
    }

    /** The tables that need CLV or the snapshot's customers (written before this). */
    void writeWithModels(SnapshotContent content) throws SQLException {
        segmentSummaries(content);
        movement();
    }

    /** Sums per region and segment, so that the views can add up any set of regions exactly. */
    private void segmentSummaries(SnapshotContent content) throws SQLException {
        Map<String, Double> clv = new HashMap<>();
        if (content.clv() != null) {
            for (CustomerValue value : content.clv().customers()) {
                clv.put(value.summary().customerId(), value.clv());
            }
        }
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal> revenue = new HashMap<>();
        Map<String, Double> clvSums = new HashMap<>();
        for (RfmScore score : content.rfm()) {
            String key = content.inputs().regionOfCustomer().get(score.customerId()) + "|" + score.segment().label();
            long[] sums = counts.computeIfAbsent(key, k -> new long[3]);
            sums[0]++;
            sums[1] += score.recencyDays();
            sums[2] += score.frequency();
            revenue.merge(key, BigDecimal.valueOf(score.monetary()), BigDecimal::add);
            clvSums.merge(key, clv.getOrDefault(score.customerId(), 0.0), Double::sum);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO snap_segment_summary (snapshot_id, "
                + "region_id, segment, customers, revenue, sum_recency, sum_frequency, sum_clv) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, long[]> entry : counts.entrySet()) {
                String[] key = entry.getKey().split("\\|", 2);
                insert.setLong(1, snapshotId);
                insert.setShort(2, Short.parseShort(key[0]));
                insert.setString(3, key[1]);
                insert.setLong(4, entry.getValue()[0]);
                insert.setBigDecimal(5, revenue.get(entry.getKey()));
                insert.setLong(6, entry.getValue()[1]);
                insert.setLong(7, entry.getValue()[2]);
                insert.setDouble(8, clvSums.get(entry.getKey()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        rows.put("snap_segment_summary", (long) counts.size());
        segmentProfiles();
    }

    /**
     * Adds to the summary rows what the segment profiles count (V39): customers per score value, with a CLV and a
     * P(alive), the P(alive) sum, and customers per country, from the snapshot's customers as written; and what
     * each score value covers per region (V44).
     */
    private void segmentProfiles() throws SQLException {
        StringBuilder scores = new StringBuilder();
        for (String score : new String[] {"r_score", "f_score", "m_score"}) {
            scores.append(", ARRAY[");
            for (int s = 1; s <= 5; s++) {
                scores.append(s > 1 ? ", " : "").append("count(*) FILTER (WHERE ").append(score).append(" = ")
                        .append(s).append(")");
            }
            scores.append("]::INTEGER[] AS ").append(score).append("s");
        }
        // Both aggregates MATERIALIZED: the snapshot's rows are not analysed yet, so the planner expects a handful
        // of them and joined the two aggregates in a nested loop that computed the country counts again for every
        // (region, segment) row: 12 s of the refresh at 10 M lines (issue 19). Materialized, each runs once.
        try (PreparedStatement update = connection.prepareStatement("""
                WITH a AS MATERIALIZED (
                    SELECT region_id, segment, count(clv)::INTEGER AS clv_count,
                           coalesce(sum(p_alive), 0) AS sum_p_alive, count(p_alive)::INTEGER AS p_alive_count%s
                    FROM snap_customer WHERE snapshot_id = ? GROUP BY region_id, segment),
                c AS MATERIALIZED (
                    SELECT region_id, segment, array_agg(country ORDER BY country) AS countries,
                           array_agg(n ORDER BY country) AS customers
                    FROM (SELECT sc.region_id, sc.segment, d.country, count(*)::INTEGER AS n
                          FROM snap_customer sc JOIN dim_customer d ON d.customer_id = sc.customer_id
                          WHERE sc.snapshot_id = ? GROUP BY 1, 2, 3) x
                    GROUP BY region_id, segment)
                UPDATE snap_segment_summary s
                SET clv_count = a.clv_count, sum_p_alive = a.sum_p_alive, p_alive_count = a.p_alive_count,
                    r_scores = a.r_scores, f_scores = a.f_scores, m_scores = a.m_scores,
                    countries = c.countries, country_customers = c.customers
                FROM a LEFT JOIN c ON c.region_id = a.region_id AND c.segment = a.segment
                WHERE s.snapshot_id = ? AND s.region_id = a.region_id AND s.segment = a.segment""".formatted(scores))) {
            update.setLong(1, snapshotId);
            update.setLong(2, snapshotId);
            update.setLong(3, snapshotId);
            update.executeUpdate();
        }
        // What each score value covers per region (V44), for the customer detail.
        try (PreparedStatement ranges = connection.prepareStatement("""
                INSERT INTO snap_score_range (snapshot_id, region_id, score, value, min_measure, max_measure, customers)
                SELECT snapshot_id, region_id, 'R', r_score, min(recency_days), max(recency_days), count(*)
                FROM snap_customer WHERE snapshot_id = ? GROUP BY snapshot_id, region_id, r_score
                UNION ALL
                SELECT snapshot_id, region_id, 'F', f_score, min(frequency), max(frequency), count(*)
                FROM snap_customer WHERE snapshot_id = ? GROUP BY snapshot_id, region_id, f_score
                UNION ALL
                SELECT snapshot_id, region_id, 'M', m_score, min(monetary), max(monetary), count(*)
                FROM snap_customer WHERE snapshot_id = ? GROUP BY snapshot_id, region_id, m_score""")) {
            for (int i = 1; i <= 3; i++) {
                ranges.setLong(i, snapshotId);
            }
            ranges.executeUpdate();
        }
    }

    /**
     * Net units and revenue per segment, region and product over all warehouse lines of the segment's customers,
     * summed in Java from the invoices' per-product totals the read brought along: one row per segment and region
     * with the products in arrays (migration V12).
     */
    private void segmentProducts(SnapshotContent content) throws SQLException {
        // Customers' places as sorted ids and one shared Placement per region and segment: a map from boxed ids to a
        // Placement each held about 40 MB at 10 M lines (issue 19).
        List<RfmScore> scores = content.rfm();
        long[] ids = new long[scores.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Long.parseLong(scores.get(i).customerId());
        }
        int[] order = java.util.stream.IntStream.range(0, ids.length).boxed()
                .sorted((a, b) -> Long.compare(ids[a], ids[b])).mapToInt(Integer::intValue).toArray();
        long[] sortedIds = new long[ids.length];
        InvoiceProductTotals.Placement[] placeOfSorted = new InvoiceProductTotals.Placement[ids.length];
        Map<InvoiceProductTotals.Placement, InvoiceProductTotals.Placement> shared = new HashMap<>();
        for (int k = 0; k < order.length; k++) {
            RfmScore score = scores.get(order[k]);
            sortedIds[k] = ids[order[k]];
            InvoiceProductTotals.Placement place = new InvoiceProductTotals.Placement(
                    content.inputs().regionOfCustomer().get(score.customerId()), score.segment().label());
            placeOfSorted[k] = shared.computeIfAbsent(place, p -> p);
        }
        var totals = content.inputs().productTotals().bySegment(customer -> {
            int at = java.util.Arrays.binarySearch(sortedIds, customer);
            return at < 0 ? null : placeOfSorted[at];
        });
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO snap_segment_product_totals "
                + "(snapshot_id, segment, region_id, product_ids, units, revenue_cents, buyers) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            // pgjdbc's own createArrayOf takes primitive arrays, so half a million sums are not boxed.
            PGConnection pg = connection.unwrap(PGConnection.class);
            for (var place : totals.entrySet()) {
                insert.setLong(1, snapshotId);
                insert.setString(2, place.getKey().segment());
                insert.setShort(3, place.getKey().regionId());
                insert.setArray(4, pg.createArrayOf("int4", place.getValue().productIds()));
                insert.setArray(5, pg.createArrayOf("int8", place.getValue().units()));
                insert.setArray(6, pg.createArrayOf("int8", place.getValue().cents()));
                insert.setArray(7, pg.createArrayOf("int4", place.getValue().buyers()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        // Counted in product sums, as comparable with the one-row-per-product table of earlier runs.
        rows.put("snap_segment_product_totals", totals.values().stream().mapToLong(sums -> sums.productIds().length)
                .sum());
    }

    /** Transitions from the current snapshot (before the switch) to this one; (new) and (gone) at the edges. */
    private void movement() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO snap_segment_movement (snapshot_id, region_id, from_segment, to_segment, customers)
                SELECT ?, coalesce(n.region_id, p.region_id), coalesce(p.segment, '(new)'), coalesce(n.segment, '(gone)'),
                       count(*)
                FROM (SELECT * FROM snap_customer WHERE snapshot_id = ?) n
                FULL JOIN (SELECT * FROM snap_customer WHERE snapshot_id =
                          (SELECT snapshot_id FROM snapshot WHERE is_current)) p ON p.customer_id = n.customer_id
                GROUP BY 2, 3, 4""")) {
            insert.setLong(1, snapshotId);
            insert.setLong(2, snapshotId);
            rows.put("snap_segment_movement", (long) insert.executeUpdate());
        }
    }

    private void cohorts(SnapshotContent content) throws SQLException {
        long written = 0;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO snap_cohort (snapshot_id, region_id, "
                + "cohort_month, period, cohort_size, customers, revenue) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<Short, List<CohortCell>> region : content.cohortsByRegion().entrySet()) {
                Map<java.time.YearMonth, Integer> sizes = new HashMap<>();
                for (CohortCell cell : region.getValue()) {
                    if (cell.period() == 0) {
                        sizes.put(cell.cohort(), cell.customers());
                    }
                }
                for (CohortCell cell : region.getValue()) {
                    insert.setLong(1, snapshotId);
                    insert.setShort(2, region.getKey());
                    insert.setObject(3, cell.cohort().atDay(1));
                    insert.setInt(4, cell.period());
                    insert.setInt(5, sizes.getOrDefault(cell.cohort(), 0));
                    insert.setInt(6, cell.customers());
                    insert.setBigDecimal(7, BigDecimal.valueOf(cell.revenue()).setScale(2, java.math.RoundingMode.HALF_UP));
                    insert.addBatch();
                    written++;
                }
            }
            insert.executeBatch();
        }
        rows.put("snap_cohort", written);
    }
}
