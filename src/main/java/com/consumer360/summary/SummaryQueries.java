package com.consumer360.summary;

import static com.consumer360.jooq.Tables.SNAPSHOT;
import static com.consumer360.jooq.Tables.SNAP_CUSTOMER;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import com.consumer360.jooq.tables.SnapCustomer;
import com.consumer360.warehouse.CellCustomer;
import com.consumer360.warehouse.CustomerListQuery;
import com.consumer360.warehouse.CustomerOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The summary's SQL over the snapshot tables. No region predicate scopes anything (row-level security does); the
 * {@code regions} array only narrows to some of the visible regions (empty: all visible).
 */
@Component
class SummaryQueries {

    /** "Narrow to these regions, or none when the array is empty", for plain SQL with the array bound as {0}. */
    private static final String NARROW = "(cardinality({0}::SMALLINT[]) = 0 OR region_id = ANY ({0}::SMALLINT[]))";

    private final DSLContext db;

    SummaryQueries(DSLContext db) {
        this.db = db;
    }

    /** Snapshots, newest first (snapshots are not customer-level: every reader sees the list). */
    List<SnapshotRef> snapshots(int limit) {
        return db.select(SNAPSHOT.SNAPSHOT_ID, SNAPSHOT.AS_OF_DATE).from(SNAPSHOT)
                .orderBy(SNAPSHOT.AS_OF_DATE.desc(), SNAPSHOT.CREATED_AT.desc()).limit(limit)
                .fetch(Records.mapping(SnapshotRef::new));
    }

    /** The current snapshot's id, if any. */
    Long currentId() {
        return db.select(SNAPSHOT.SNAPSHOT_ID).from(SNAPSHOT).where(SNAPSHOT.IS_CURRENT).fetchOne(SNAPSHOT.SNAPSHOT_ID);
    }

    /**
     * Per snapshot: customers, Σ monetary, Σ frequency and Σ CLV from the refresh's segment summary (a few rows per
     * snapshot), and active customers as the refresh stored them per region (V46, {@link SummaryPairs}), counted on
     * the (snapshot, recency) index for a snapshot without them in the scope.
     */
    Map<Long, Totals> totals(List<Long> snapshotIds, Short[] regions) {
        Map<Long, Long> active = new HashMap<>();
        db.resultQuery("SELECT snapshot_id, sum(customers) FROM snap_active_customers "
                        + "WHERE snapshot_id = ANY ({1}::BIGINT[]) AND " + NARROW + " GROUP BY snapshot_id",
                        val(regions), val(snapshotIds.toArray(Long[]::new)))
                .forEach(r -> active.put(r.get(0, Long.class), r.get(1, Long.class)));
        Long[] unstored = snapshotIds.stream().filter(id -> !active.containsKey(id)).toArray(Long[]::new);
        if (unstored.length > 0) {
            db.resultQuery("SELECT snapshot_id, count(*) FROM snap_customer WHERE snapshot_id = ANY ({1}::BIGINT[]) "
                            + "AND recency_days <= " + SummaryService.ACTIVE_DAYS + " AND " + NARROW
                            + " GROUP BY snapshot_id", val(regions), val(unstored))
                    .forEach(r -> active.put(r.get(0, Long.class), r.get(1, Long.class)));
        }
        Map<Long, Totals> totals = new HashMap<>();
        db.resultQuery("SELECT snapshot_id, coalesce(sum(customers), 0), coalesce(sum(revenue), 0), "
                        + "coalesce(sum(sum_frequency), 0), coalesce(sum(sum_clv), 0) FROM snap_segment_summary "
                        + "WHERE snapshot_id = ANY ({1}::BIGINT[]) AND " + NARROW + " GROUP BY snapshot_id",
                        val(regions), val(snapshotIds.toArray(Long[]::new)))
                .forEach(r -> totals.put(r.get(0, Long.class), new Totals(r.get(1, Long.class),
                        active.getOrDefault(r.get(0, Long.class), 0L), r.get(2, BigDecimal.class), r.get(3, Long.class),
                        r.get(4, Double.class))));
        return totals;
    }

    /**
     * The pair in one pass: customers of either snapshot joined on customer id, grouped by region and by the segment
     * in each ((new) and (gone) for customers in one only), with the new, lost and active counts of each group. The
     * pairs a refresh wrote after itself (its snapshot and the latest one of each earlier day, {@link SummaryPairs})
     * are read from snap_pair_cell instead: the join took 0.7 s as exec at 10 M lines.
     */
    List<PairCell> pair(long previous, long current, Short[] regions) {
        List<PairCell> stored = db.resultQuery("SELECT region_id, from_segment, to_segment, customers, entered, lost, "
                        + "active, revenue, clv FROM snap_pair_cell WHERE previous_id = {1} AND current_id = {2} AND "
                        + NARROW, val(regions), val(previous), val(current))
                .fetch(r -> new PairCell(r.get(0, Short.class), r.get(1, String.class), r.get(2, String.class),
                        r.get(3, Long.class), r.get(4, Long.class), r.get(5, Long.class), r.get(6, Long.class),
                        r.get(7, BigDecimal.class), r.get(8, Double.class)));
        return !stored.isEmpty() ? stored : db.resultQuery(PAIR, val(regions), val(previous), val(current))
                .fetch(r -> new PairCell(r.get(0, Short.class), r.get(1, String.class), r.get(2, String.class),
                        r.get(3, Long.class), r.get(4, Long.class), r.get(5, Long.class), r.get(6, Long.class),
                        r.get(7, BigDecimal.class), r.get(8, Double.class)));
    }

    /** The pair computed from both snapshots' customers (parameters: regions, previous, current). */
    static final String PAIR = "SELECT coalesce(b.region_id, a.region_id), coalesce(a.segment, '(new)'), "
                        + "coalesce(b.segment, '(gone)'), count(*), "
                        + "count(*) FILTER (WHERE a.customer_id IS NULL), "
                        + "count(*) FILTER (WHERE a.recency_days <= " + SummaryService.ACTIVE_DAYS
                        + " AND (b.customer_id IS NULL OR b.recency_days > " + SummaryService.ACTIVE_DAYS + ")), "
                        + "count(*) FILTER (WHERE b.recency_days <= " + SummaryService.ACTIVE_DAYS + "), "
                        + "coalesce(sum(b.monetary), 0) - coalesce(sum(a.monetary), 0), coalesce(sum(b.clv), 0) "
                        + "FROM (SELECT customer_id, region_id, segment, recency_days, monetary FROM snap_customer "
                        + "WHERE snapshot_id = {1} AND " + NARROW + ") a "
                        + "FULL JOIN (SELECT customer_id, region_id, segment, recency_days, monetary, clv FROM snap_customer "
                        + "WHERE snapshot_id = {2} AND " + NARROW + ") b ON a.customer_id = b.customer_id "
                        + "GROUP BY 1, 2, 3";

    /** Region names by id (not customer-level). */
    Map<Short, String> regionNames() {
        Map<Short, String> names = new HashMap<>();
        db.resultQuery("SELECT region_id, name FROM dim_region").forEach(r -> names.put(r.get(0, Short.class),
                r.get(1, String.class)));
        return names;
    }

    /** Per segment of one snapshot: customers, revenue, Σ CLV. */
    Map<String, Object[]> segments(long snapshotId, Short[] regions) {
        Map<String, Object[]> rows = new HashMap<>();
        db.resultQuery("SELECT segment, sum(customers), sum(revenue), sum(sum_clv) FROM snap_segment_summary "
                        + "WHERE snapshot_id = {1} AND " + NARROW + " GROUP BY segment", val(regions), val(snapshotId))
                .forEach(r -> rows.put(r.get(0, String.class), new Object[] {r.get(1, Long.class),
                        r.get(2, BigDecimal.class), r.get(3, Double.class)}));
        return rows;
    }

    /** The refresh's movement rows into {@code snapshotId} (from its predecessor at the time), by (from, to). */
    Map<String, Long> storedMovement(long snapshotId, Short[] regions) {
        Map<String, Long> moves = new HashMap<>();
        db.resultQuery("SELECT from_segment, to_segment, sum(customers) FROM snap_segment_movement "
                        + "WHERE snapshot_id = {1} AND " + NARROW + " GROUP BY 1, 2", val(regions), val(snapshotId))
                .forEach(r -> moves.put(r.get(0, String.class) + "→" + r.get(1, String.class), r.get(2, Long.class)));
        return moves;
    }

    /** One page of the customers who moved from {@code from} to {@code to}. */
    List<CellCustomer> movers(long previous, long current, String from, String to, Set<Short> regions,
                              CustomerOrder order, int offset, int limit) {
        return CustomerListQuery.page(db, listedFrom(previous, current, to), movers(previous, current, from, to, regions),
                order, offset, limit);
    }

    void eachMover(long previous, long current, String from, String to, Set<Short> regions, CustomerOrder order,
                   Consumer<CellCustomer> sink) {
        CustomerListQuery.each(db, listedFrom(previous, current, to), movers(previous, current, from, to, regions),
                order, sink);
    }

    /** The snapshot whose customers a movers list lists: the earlier one for those gone since, else the later. */
    private static long listedFrom(long previous, long current, String to) {
        return SummaryService.GONE.equals(to) ? previous : current;
    }

    /**
     * The members of one movement cell, listed from the snapshot they are in: the current one, or for {@code (gone)}
     * the earlier one.
     */
    private static Condition movers(long previous, long current, String from, String to, Set<Short> regions) {
        SnapCustomer other = SNAP_CUSTOMER.as("other");
        Field<Long> id = SNAP_CUSTOMER.CUSTOMER_ID;
        Condition narrow = regions.isEmpty() ? DSL.noCondition() : SNAP_CUSTOMER.REGION_ID.in(regions);
        if (SummaryService.GONE.equals(to)) {
            return SNAP_CUSTOMER.SNAPSHOT_ID.eq(previous).and(SNAP_CUSTOMER.SEGMENT.eq(from)).and(narrow)
                    .and(notExists(selectOne().from(other).where(other.SNAPSHOT_ID.eq(current))
                            .and(other.CUSTOMER_ID.eq(id))));
        }
        Condition here = SNAP_CUSTOMER.SNAPSHOT_ID.eq(current).and(SNAP_CUSTOMER.SEGMENT.eq(to)).and(narrow);
        if (SummaryService.NEW.equals(from)) {
            return here.and(notExists(selectOne().from(other).where(other.SNAPSHOT_ID.eq(previous))
                    .and(other.CUSTOMER_ID.eq(id))));
        }
        return here.and(exists(selectOne().from(other).where(other.SNAPSHOT_ID.eq(previous))
                .and(other.CUSTOMER_ID.eq(id)).and(other.SEGMENT.eq(from))));
    }

    /** Σ over one snapshot's customers in scope. */
    record Totals(long customers, long active, BigDecimal monetary, long frequency, double clv) {
    }

    /** One group of the pair: region, segment then and now, its customers and their new / lost / active counts. */
    record PairCell(short regionId, String from, String to, long customers, long entered, long lost, long active,
                    BigDecimal revenue, double clv) {
    }
}
