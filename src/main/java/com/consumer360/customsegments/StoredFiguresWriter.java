package com.consumer360.customsegments;

import static org.jooq.impl.DSL.val;

import com.consumer360.refresh.InvoiceProductTotals;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Writes the figures the segment pages show for the segments a refresh has just stored members of
 * (custom_segment_figures, migration V36), per segment and region, in the refresh's transaction and scope: the KPI
 * sums and score counts, the countries, the movement against the segment's previous evaluated snapshot (one join of
 * both snapshots' member ids to the snapshot's customers), and the members' product sums (one read of the invoices in
 * customer order for all segments, as the RFM segments' product sums are read).
 */
final class StoredFiguresWriter {

    /**
     * Both evaluations' member ids of the segments {0} at snapshot {1}, grouped by segment and customer: whether a
     * member now, whether a member at the segment's previous evaluation (the latest earlier snapshot with an
     * EVALUATED run; none: no one was). One hash aggregate, no join of the two unnested id lists (the planner takes
     * an unnest for ten rows and may pick a nested loop over hundreds of thousands of ids).
     */
    private static final String MARKED = """
            WITH ids AS (SELECT unnest({0}::BIGINT[]) AS segment_id),
            previous AS (
                SELECT ids.segment_id, (SELECT max(r.snapshot_id) FROM custom_segment_run r
                                        WHERE r.segment_id = ids.segment_id AND r.status = 'EVALUATED'
                                          AND r.snapshot_id < {1}) AS snapshot_id
                FROM ids),
            marked AS (
                SELECT m.segment_id, u.customer_id, TRUE AS now
                FROM custom_segment_member m, unnest(m.customer_ids) AS u(customer_id)
                WHERE m.snapshot_id = {1} AND m.segment_id IN (SELECT segment_id FROM ids)
                UNION ALL
                SELECT m.segment_id, u.customer_id, FALSE
                FROM previous p JOIN custom_segment_member m
                    ON m.segment_id = p.segment_id AND m.snapshot_id = p.snapshot_id,
                    unnest(m.customer_ids) AS u(customer_id)),
            pairs AS (
                SELECT segment_id, customer_id, bool_or(now) AS now, bool_or(NOT now) AS was
                FROM marked GROUP BY segment_id, customer_id)
            """;

    /** The figures and the movement, per segment and region of the snapshot's customers. */
    private static final String FIGURES = """
            INSERT INTO custom_segment_figures (segment_id, snapshot_id, region_id, customers, monetary, invoices,
                recency_sum, clv_sum, clv_count, p_alive_sum, p_alive_count, r_scores, f_scores, m_scores,
                previous_snapshot_id, joined, left_segment, stayed)
            %s
            SELECT p.segment_id, {1}, s.region_id,
                   count(*) FILTER (WHERE p.now),
                   coalesce(sum(s.monetary) FILTER (WHERE p.now), 0),
                   coalesce(sum(s.frequency) FILTER (WHERE p.now), 0),
                   coalesce(sum(s.recency_days) FILTER (WHERE p.now), 0),
                   coalesce(sum(s.clv) FILTER (WHERE p.now), 0), count(s.clv) FILTER (WHERE p.now),
                   coalesce(sum(s.p_alive) FILTER (WHERE p.now), 0), count(s.p_alive) FILTER (WHERE p.now),
                   %s, %s, %s,
                   (SELECT previous.snapshot_id FROM previous WHERE previous.segment_id = p.segment_id),
                   count(*) FILTER (WHERE p.now AND NOT p.was),
                   count(*) FILTER (WHERE p.was AND NOT p.now),
                   count(*) FILTER (WHERE p.now AND p.was)
            FROM pairs p JOIN snap_customer s ON s.snapshot_id = {1} AND s.customer_id = p.customer_id
            GROUP BY p.segment_id, s.region_id""".formatted(MARKED.strip(), scores("r_score"), scores("f_score"),
            scores("m_score"));

    /** The members' countries and how many members each, per segment and region. */
    private static final String COUNTRIES = """
            UPDATE custom_segment_figures f SET countries = c.countries, country_customers = c.customers
            FROM (SELECT segment_id, region_id, array_agg(country ORDER BY country) AS countries,
                         array_agg(n ORDER BY country) AS customers
                  FROM (SELECT m.segment_id, m.region_id, d.country, count(*)::INTEGER AS n
                        FROM custom_segment_member m CROSS JOIN unnest(m.customer_ids) AS u(customer_id)
                        LEFT JOIN dim_customer d ON d.customer_id = u.customer_id
                        WHERE m.snapshot_id = {1} AND m.segment_id = ANY ({0}::BIGINT[])
                        GROUP BY 1, 2, 3) x
                  GROUP BY segment_id, region_id) c
            WHERE f.segment_id = c.segment_id AND f.snapshot_id = {1} AND f.region_id = c.region_id""";

    /**
     * Per segment and region: the members other segments of the snapshot share, and the members per RFM segment.
     * Each customer's segments are gathered first and paired within the customer (a join of two unnested id lists,
     * which the planner takes for ten rows each, may become a nested loop over hundreds of thousands of ids).
     */
    private static final String OVERLAP = """
            WITH segments AS (
                SELECT u.customer_id, array_agg(m.segment_id) AS ids
                FROM custom_segment_member m, unnest(m.customer_ids) AS u(customer_id)
                WHERE m.snapshot_id = {1}
                GROUP BY u.customer_id
                HAVING bool_or(m.segment_id = ANY ({0}::BIGINT[]))),
            counted AS (
                SELECT a.segment_id, s.region_id, b.segment_id AS other, NULL::VARCHAR AS label, count(*)::INTEGER AS n
                FROM segments c JOIN snap_customer s ON s.snapshot_id = {1} AND s.customer_id = c.customer_id
                CROSS JOIN unnest(c.ids) AS a(segment_id) CROSS JOIN unnest(c.ids) AS b(segment_id)
                WHERE a.segment_id <> b.segment_id AND a.segment_id = ANY ({0}::BIGINT[])
                GROUP BY 1, 2, 3
                UNION ALL
                SELECT a.segment_id, s.region_id, NULL, s.segment, count(*)::INTEGER
                FROM segments c JOIN snap_customer s ON s.snapshot_id = {1} AND s.customer_id = c.customer_id
                CROSS JOIN unnest(c.ids) AS a(segment_id)
                WHERE a.segment_id = ANY ({0}::BIGINT[])
                GROUP BY 1, 2, 4)
            UPDATE custom_segment_figures f
            SET shared_segments = o.others, shared_customers = o.shared, rfm_segments = o.labels, rfm_customers = o.rfm
            FROM (SELECT segment_id, region_id,
                         array_agg(other ORDER BY other) FILTER (WHERE other IS NOT NULL) AS others,
                         array_agg(n ORDER BY other) FILTER (WHERE other IS NOT NULL) AS shared,
                         array_agg(label ORDER BY label) FILTER (WHERE label IS NOT NULL) AS labels,
                         array_agg(n ORDER BY label) FILTER (WHERE label IS NOT NULL) AS rfm
                  FROM counted
                  GROUP BY segment_id, region_id) o
            WHERE f.segment_id = o.segment_id AND f.snapshot_id = {1} AND f.region_id = o.region_id""";

    /** How many members with the most net revenue are stored per segment and region: the first page, at most. */
    static final int TOP_MEMBERS = 50;

    /**
     * Per segment and region, the members with the most net revenue, in the list's order, and those of the members
     * who joined since the previous evaluation (all members when there is none), from {@link #MARKED}: a join of the
     * two unnested id lists instead ran for minutes at 10 M lines.
     */
    private static final String TOP = """
            %s,
            ranked AS (
                SELECT p.segment_id, s.region_id, s.customer_id, s.monetary,
                       row_number() OVER (PARTITION BY p.segment_id, s.region_id
                                          ORDER BY s.monetary DESC, s.customer_id DESC) AS member_rank,
                       row_number() OVER (PARTITION BY p.segment_id, s.region_id, p.was
                                          ORDER BY s.monetary DESC, s.customer_id DESC) AS was_rank,
                       p.was
                FROM pairs p JOIN snap_customer s ON s.snapshot_id = {1} AND s.customer_id = p.customer_id
                WHERE p.now)
            UPDATE custom_segment_figures f SET top_members = t.members, top_joined = coalesce(t.joined, '{}')
            FROM (SELECT segment_id, region_id,
                         array_agg(customer_id ORDER BY monetary DESC, customer_id DESC)
                             FILTER (WHERE member_rank <= {2}) AS members,
                         array_agg(customer_id ORDER BY monetary DESC, customer_id DESC)
                             FILTER (WHERE NOT was AND was_rank <= {2}) AS joined
                  FROM ranked
                  WHERE member_rank <= {2} OR (NOT was AND was_rank <= {2})
                  GROUP BY segment_id, region_id) t
            WHERE f.segment_id = t.segment_id AND f.snapshot_id = {1} AND f.region_id = t.region_id""".formatted(
            MARKED.strip());

    private StoredFiguresWriter() {
    }

    private static String scores(String column) {
        StringBuilder array = new StringBuilder("ARRAY[");
        for (int s = 1; s <= 5; s++) {
            array.append(s > 1 ? ", " : "").append("count(*) FILTER (WHERE p.now AND s.").append(column).append(" = ")
                    .append(s).append(")");
        }
        return array.append("]::INTEGER[]").toString();
    }

    /** A segment's members in one region: the key of a row of product sums. */
    private record Place(long segmentId, short regionId) {
    }

    static void write(Connection connection, DSLContext db, long snapshotId, LocalDate asOf, List<Long> segmentIds)
            throws SQLException {
        if (segmentIds.isEmpty()) {
            return;
        }
        Long[] ids = segmentIds.toArray(Long[]::new);
        // The planner takes an unnested id list for ten rows and joins it to snap_customer by one index lookup per
        // member: 7 s per statement at 10 M lines (529,000 lookups), 2.5 s hashed. Hash joins and room to sort for
        // these statements only: the settings are put back afterwards (on a failure the caller's rollback to its
        // savepoint undoes them).
        String nestLoop = String.valueOf(db.fetchValue("SELECT current_setting('enable_nestloop')"));
        String workMem = String.valueOf(db.fetchValue("SELECT current_setting('work_mem')"));
        db.execute("SELECT set_config('enable_nestloop', 'off', true), set_config('work_mem', '64MB', true)");
        db.execute(FIGURES, val(ids), val(snapshotId));
        db.execute(COUNTRIES, val(ids), val(snapshotId));
        db.execute(OVERLAP, val(ids), val(snapshotId));
        db.execute(TOP, val(ids), val(snapshotId), val(TOP_MEMBERS));
        db.execute("SELECT set_config('enable_nestloop', {0}, true), set_config('work_mem', {1}, true)",
                val(nestLoop), val(workMem));
        Members members = new Members();
        db.resultQuery("SELECT segment_id, region_id, customer_ids FROM custom_segment_member "
                        + "WHERE snapshot_id = {0} AND segment_id = ANY ({1}::BIGINT[])", val(snapshotId), val(ids))
                .forEach(r -> members.add(new Place(r.get(0, Long.class), r.get(1, Short.class)),
                        (Long[]) r.get(2, Long[].class)));
        Map<Place, InvoiceProductTotals.ProductSums> sums = InvoiceProductTotals.byPlaces(connection, asOf,
                members::placesOf);
        var update = db.batch(db.query("UPDATE custom_segment_figures SET product_ids = ?, units = ?, "
                + "revenue_cents = ?, buyers = ? WHERE segment_id = ? AND snapshot_id = ? AND region_id = ?",
                null, null, null, null, null, null, null));
        sums.forEach((place, s) -> update.bind(
                Arrays.stream(s.productIds()).boxed().toArray(Integer[]::new),
                Arrays.stream(s.units()).boxed().toArray(Long[]::new),
                Arrays.stream(s.cents()).boxed().toArray(Long[]::new),
                Arrays.stream(s.buyers()).boxed().toArray(Integer[]::new),
                place.segmentId(), snapshotId, place.regionId()));
        if (!sums.isEmpty()) {
            update.execute();
        }
    }

    /**
     * The stored members per place (ids ascending, as stored), handed out in ascending customer order as the
     * invoices stream in: one cursor per place, primitive arrays (a map from boxed ids to places would hold far more
     * at 10 M lines).
     */
    private static final class Members {
        private final List<Place> places = new ArrayList<>();
        private final List<long[]> ids = new ArrayList<>();
        private int[] cursors = new int[0];

        void add(Place place, Long[] members) {
            places.add(place);
            long[] sorted = new long[members.length];
            for (int i = 0; i < members.length; i++) {
                sorted[i] = members[i];
            }
            Arrays.sort(sorted);
            ids.add(sorted);
            cursors = new int[places.size()];
        }

        /** The places of a customer; customers must be asked in ascending order. */
        List<Place> placesOf(long customer) {
            List<Place> found = new ArrayList<>(2);
            for (int p = 0; p < places.size(); p++) {
                long[] members = ids.get(p);
                int at = cursors[p];
                while (at < members.length && members[at] < customer) {
                    at++;
                }
                cursors[p] = at;
                if (at < members.length && members[at] == customer) {
                    found.add(places.get(p));
                }
            }
            return found;
        }
    }
}
