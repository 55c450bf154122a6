package com.consumer360.rfm;

import com.consumer360.warehouse.CustomerListQuery;
import com.consumer360.warehouse.RegionOption;
import com.consumer360.warehouse.CustomerOrder;
import com.consumer360.warehouse.CellCustomer;
import static com.consumer360.jooq.Tables.DIM_CUSTOMER;
import static com.consumer360.jooq.Tables.DIM_REGION;
import static com.consumer360.jooq.Tables.FACT_SALES;
import static com.consumer360.jooq.Tables.SNAPSHOT;
import static com.consumer360.jooq.Tables.SNAP_CUSTOMER;
import static com.consumer360.jooq.Tables.SNAP_SCORE_RANGE;
import static com.consumer360.jooq.Tables.SNAP_SEGMENT_SUMMARY;
import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.boolOr;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.sum;

import com.consumer360.rfm.CustomerDetail.PastSegment;
import com.consumer360.rfm.CustomerDetail.ScoreRange;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;
import org.jooq.Record6;
import org.jooq.SelectLimitStep;
import org.springframework.stereotype.Component;

/**
 * Reads the snapshot tables. No query names the user's regions: row-level security limits snap_* and
 * dim_customer to the connection's scope. The optional region filter only narrows within that scope.
 */
@Component
class RfmQueries {

    private final DSLContext db;

    RfmQueries(DSLContext db) {
        this.db = db;
    }

    Optional<CurrentSnapshot> current() {
        return db.select(SNAPSHOT.SNAPSHOT_ID, SNAPSHOT.AS_OF_DATE, SNAPSHOT.SEGMENT_MAP_VERSION)
                .from(SNAPSHOT).where(SNAPSHOT.IS_CURRENT)
                .fetchOptional(r -> new CurrentSnapshot(r.value1(), r.value2(), r.value3()));
    }

    /**
     * The latest snapshot of an earlier day than {@code snapshotId}'s: its id and as-of date. A refresh of unchanged
     * data is not "the week before" (every change read ±0 after one); the weekly summary chooses the same way.
     */
    Optional<CurrentSnapshot> previous(long snapshotId) {
        var of = SNAPSHOT.as("of");
        return db.select(SNAPSHOT.SNAPSHOT_ID, SNAPSHOT.AS_OF_DATE, SNAPSHOT.SEGMENT_MAP_VERSION)
                .from(SNAPSHOT).where(SNAPSHOT.SNAPSHOT_ID.lt(snapshotId), SNAPSHOT.AS_OF_DATE.lt(
                        org.jooq.impl.DSL.select(of.AS_OF_DATE).from(of).where(of.SNAPSHOT_ID.eq(snapshotId))))
                .orderBy(SNAPSHOT.AS_OF_DATE.desc(), SNAPSHOT.SNAPSHOT_ID.desc()).limit(1)
                .fetchOptional(r -> new CurrentSnapshot(r.value1(), r.value2(), r.value3()));
    }

    /** Regions with segment rows in the snapshot, as far as the scope lets this connection see them. */
    List<RegionOption> regions(long snapshotId) {
        return db.selectDistinct(SNAP_SEGMENT_SUMMARY.REGION_ID, DIM_REGION.NAME)
                .from(SNAP_SEGMENT_SUMMARY)
                .join(DIM_REGION).on(DIM_REGION.REGION_ID.eq(SNAP_SEGMENT_SUMMARY.REGION_ID))
                .where(SNAP_SEGMENT_SUMMARY.SNAPSHOT_ID.eq(snapshotId))
                .orderBy(SNAP_SEGMENT_SUMMARY.REGION_ID)
                .fetch(r -> new RegionOption(r.value1(), r.value2()));
    }

    /** The non-empty (R, F) cells: customers and summed monetary. */
    List<RfmMatrix.Cell> matrixCells(long snapshotId, Set<Short> regions) {
        return db.select(SNAP_CUSTOMER.R_SCORE, SNAP_CUSTOMER.F_SCORE, count(), sum(SNAP_CUSTOMER.MONETARY))
                .from(SNAP_CUSTOMER)
                .where(SNAP_CUSTOMER.SNAPSHOT_ID.eq(snapshotId), regionFilter(SNAP_CUSTOMER.REGION_ID, regions))
                .groupBy(SNAP_CUSTOMER.R_SCORE, SNAP_CUSTOMER.F_SCORE)
                .fetch(r -> new RfmMatrix.Cell(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Whose customers a list shows: one (R, F) cell of the matrix, or one segment. */
    sealed interface Members {
    }

    record Cell(int r, int f) implements Members {
    }

    record InSegment(String segment) implements Members {
    }

    List<CellCustomer> customers(long snapshotId, Members members, Set<Short> regions, CustomerOrder order,
                                 int offset, int limit) {
        return CustomerListQuery.page(db, snapshotId, listed(snapshotId, members, regions), order, offset, limit);
    }

    /** Streams every customer of the list, in the list's order, to {@code sink}. */
    void eachCustomer(long snapshotId, Members members, Set<Short> regions, CustomerOrder order,
                      Consumer<CellCustomer> sink) {
        CustomerListQuery.eachFirstRowsEarly(db, snapshotId, listed(snapshotId, members, regions), order, sink);
    }

    private static Condition listed(long snapshotId, Members members, Set<Short> regions) {
        Condition which = switch (members) {
            case Cell cell -> SNAP_CUSTOMER.R_SCORE.eq((short) cell.r()).and(SNAP_CUSTOMER.F_SCORE.eq((short) cell.f()));
            case InSegment segment -> SNAP_CUSTOMER.SEGMENT.eq(segment.segment());
        };
        return SNAP_CUSTOMER.SNAPSHOT_ID.eq(snapshotId).and(which).and(regionFilter(SNAP_CUSTOMER.REGION_ID, regions));
    }

    /** Figures of one segment in the snapshot; mean CLV is null when no customer of it has a CLV. */
    record SegmentFigures(long customers, BigDecimal revenue, double meanRecencyDays, double meanFrequency,
                          Double meanClv) {
    }

    /**
     * Per non-empty segment of the snapshot, by label: added up from the sums the refresh stored per region and
     * segment (snap_segment_summary with its CLV count, V39), or counted over the snapshot's customers where a row
     * lacks the count (written before V39). Counting read every customer in scope: 0.26 s as exec at 10 M lines.
     */
    Map<String, SegmentFigures> segments(long snapshotId, Set<Short> regions) {
        var s = SNAP_SEGMENT_SUMMARY;
        Condition rows = s.SNAPSHOT_ID.eq(snapshotId).and(regionFilter(s.REGION_ID, regions));
        if (db.fetchExists(s, rows) && !db.fetchExists(s, rows.and(s.CLV_COUNT.isNull()))) {
            Map<String, SegmentFigures> figures = new HashMap<>();
            db.select(s.SEGMENT, sum(s.CUSTOMERS), sum(s.REVENUE), sum(s.SUM_RECENCY), sum(s.SUM_FREQUENCY),
                            sum(s.SUM_CLV), sum(s.CLV_COUNT))
                    .from(s).where(rows).groupBy(s.SEGMENT)
                    .forEach(r -> {
                        long customers = r.value2().longValue();
                        long withClv = r.value7().longValue();
                        figures.put(r.value1(), new SegmentFigures(customers, r.value3(),
                                r.value4().doubleValue() / customers, r.value5().doubleValue() / customers,
                                withClv == 0 ? null : r.value6().doubleValue() / withClv));
                    });
            return figures;
        }
        return countedSegments(snapshotId, regions);
    }

    /** {@link #segments} counted over the snapshot's customers (a snapshot written before V39; tests). */
    Map<String, SegmentFigures> countedSegments(long snapshotId, Set<Short> regions) {
        Map<String, SegmentFigures> rows = new HashMap<>();
        db.select(SNAP_CUSTOMER.SEGMENT, count(), sum(SNAP_CUSTOMER.MONETARY), avg(SNAP_CUSTOMER.RECENCY_DAYS),
                        avg(SNAP_CUSTOMER.FREQUENCY), avg(SNAP_CUSTOMER.CLV))
                .from(SNAP_CUSTOMER)
                .where(SNAP_CUSTOMER.SNAPSHOT_ID.eq(snapshotId), regionFilter(SNAP_CUSTOMER.REGION_ID, regions))
                .groupBy(SNAP_CUSTOMER.SEGMENT)
                .forEach(r -> rows.put(r.value1(), new SegmentFigures(r.value2(), r.value3(),
                        r.value4().doubleValue(), r.value5().doubleValue(), r.value6() == null ? null
                        : r.value6().doubleValue())));
        return rows;
    }

    /** Customers per segment in a snapshot's stored segment summary. */
    Map<String, Long> segmentCustomers(long snapshotId, Set<Short> regions) {
        Map<String, Long> customers = new HashMap<>();
        db.select(SNAP_SEGMENT_SUMMARY.SEGMENT, sum(SNAP_SEGMENT_SUMMARY.CUSTOMERS))
                .from(SNAP_SEGMENT_SUMMARY)
                .where(SNAP_SEGMENT_SUMMARY.SNAPSHOT_ID.eq(snapshotId),
                        regionFilter(SNAP_SEGMENT_SUMMARY.REGION_ID, regions))
                .groupBy(SNAP_SEGMENT_SUMMARY.SEGMENT)
                .forEach(r -> customers.put(r.value1(), r.value2().longValue()));
        return customers;
    }

    /** The customer's row in the snapshot with names, if the scope lets this connection see it. */
    Optional<CustomerDetail> customer(CurrentSnapshot snapshot, long customerId) {
        var row = db.select(SNAP_CUSTOMER.asterisk(), DIM_CUSTOMER.CUSTOMER_CODE, DIM_CUSTOMER.NAME,
                        DIM_CUSTOMER.COUNTRY, DIM_REGION.NAME)
                .from(SNAP_CUSTOMER)
                .leftJoin(DIM_CUSTOMER).on(DIM_CUSTOMER.CUSTOMER_ID.eq(SNAP_CUSTOMER.CUSTOMER_ID))
                .join(DIM_REGION).on(DIM_REGION.REGION_ID.eq(SNAP_CUSTOMER.REGION_ID))
                .where(SNAP_CUSTOMER.SNAPSHOT_ID.eq(snapshot.id()), SNAP_CUSTOMER.CUSTOMER_ID.eq(customerId))
                .fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        int r = row.get(SNAP_CUSTOMER.R_SCORE);
        int f = row.get(SNAP_CUSTOMER.F_SCORE);
        int m = row.get(SNAP_CUSTOMER.M_SCORE);
        return Optional.of(new CustomerDetail(customerId, row.get(DIM_CUSTOMER.CUSTOMER_CODE),
                row.get(DIM_CUSTOMER.NAME), row.get(DIM_REGION.NAME), row.get(DIM_CUSTOMER.COUNTRY), snapshot.asOf(),
                row.get(SNAP_CUSTOMER.RECENCY_DAYS), row.get(SNAP_CUSTOMER.FREQUENCY), row.get(SNAP_CUSTOMER.MONETARY),
                r, f, m, row.get(SNAP_CUSTOMER.SEGMENT), snapshot.segmentMapVersion(), row.get(SNAP_CUSTOMER.CLV),
                row.get(SNAP_CUSTOMER.P_ALIVE), row.get(SNAP_CUSTOMER.EXPECTED_PURCHASES),
                range(snapshot.id(), SNAP_CUSTOMER.R_SCORE, r, SNAP_CUSTOMER.RECENCY_DAYS),
                range(snapshot.id(), SNAP_CUSTOMER.F_SCORE, f, SNAP_CUSTOMER.FREQUENCY),
                range(snapshot.id(), SNAP_CUSTOMER.M_SCORE, m, SNAP_CUSTOMER.MONETARY),
                history(snapshot.id(), customerId), latestInvoices(customerId)));
    }

    /**
     * The lowest and highest measure and the customers of one score value in the scope: from the ranges per region
     * the refresh stored (V44), or counted over the snapshot's customers for a snapshot without them.
     */
    private ScoreRange range(long snapshotId, Field<Short> score, int value, Field<? extends Number> measure) {
        String name = score == SNAP_CUSTOMER.R_SCORE ? "R" : score == SNAP_CUSTOMER.F_SCORE ? "F" : "M";
        var s = SNAP_SCORE_RANGE;
        // As text, read as the counted path reads its minimum and maximum (the measure's own scale).
        var stored = db.select(min(s.MIN_MEASURE).cast(SQLDataType.VARCHAR), max(s.MAX_MEASURE).cast(SQLDataType.VARCHAR),
                        sum(s.CUSTOMERS))
                .from(s)
                .where(s.SNAPSHOT_ID.eq(snapshotId), s.SCORE.eq(name), s.VALUE.eq((short) value))
                .fetchSingle();
        if (stored.value3() != null) {
            return new ScoreRange(value, new BigDecimal(stored.value1()), new BigDecimal(stored.value2()),
                    stored.value3().longValue());
        }
        var r = db.select(min(measure), max(measure), count())
                .from(SNAP_CUSTOMER)
                .where(SNAP_CUSTOMER.SNAPSHOT_ID.eq(snapshotId), score.eq((short) value))
                .fetchSingle();
        return new ScoreRange(value, new BigDecimal(r.value1().toString()), new BigDecimal(r.value2().toString()),
                r.value3());
    }

    // Driven from the small snapshot table, so each snapshot is one primary-key lookup of (snapshot_id, customer_id).
    private List<PastSegment> history(long currentId, long customerId) {
        return db.select(SNAPSHOT.SNAPSHOT_ID, SNAPSHOT.AS_OF_DATE, SNAP_CUSTOMER.R_SCORE, SNAP_CUSTOMER.F_SCORE,
                        SNAP_CUSTOMER.M_SCORE, SNAP_CUSTOMER.SEGMENT)
                .from(SNAPSHOT)
                .join(SNAP_CUSTOMER).on(SNAP_CUSTOMER.SNAPSHOT_ID.eq(SNAPSHOT.SNAPSHOT_ID),
                        SNAP_CUSTOMER.CUSTOMER_ID.eq(customerId))
                .orderBy(SNAPSHOT.SNAPSHOT_ID.desc())
                .fetch(r -> new PastSegment(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value1() == currentId));
    }

    private List<CustomerInvoice> latestInvoices(long customerId) {
        return invoiceQuery(customerId).limit(CustomerDetail.LATEST_INVOICES).fetch(RfmQueries::toInvoice);
    }

    /** Streams every invoice of the customer that the scope lets this connection see, newest first. */
    void eachInvoice(long customerId, Consumer<CustomerInvoice> sink) {
        try (Stream<Record6<String, LocalDateTime, Integer, BigDecimal, BigDecimal, Boolean>> rows =
                     invoiceQuery(customerId).fetchSize(1_000).stream()) {
            rows.map(RfmQueries::toInvoice).forEach(sink);
        }
    }

    // fact_sales is under row-level security too; fact_sales_customer_idx serves the customer predicate.
    private SelectLimitStep<Record6<String, LocalDateTime, Integer, BigDecimal, BigDecimal, Boolean>> invoiceQuery(
            long customerId) {
        Field<LocalDateTime> at = min(FACT_SALES.INVOICE_TS);
        return db.select(FACT_SALES.INVOICE_NO, at, count(), sum(FACT_SALES.QUANTITY), sum(FACT_SALES.NET_AMOUNT),
                        boolOr(FACT_SALES.IS_CANCELLATION))
                .from(FACT_SALES)
                .where(FACT_SALES.CUSTOMER_ID.eq(customerId))
                .groupBy(FACT_SALES.INVOICE_NO)
                .orderBy(at.desc(), FACT_SALES.INVOICE_NO.desc());
    }

    private static CustomerInvoice toInvoice(Record6<String, LocalDateTime, Integer, BigDecimal, BigDecimal, Boolean> r) {
        return new CustomerInvoice(r.value1(), r.value2(), r.value3(), r.value4().longValue(), r.value5(), r.value6());
    }

    static Condition regionFilter(Field<Short> region, Set<Short> regions) {
        return regions.isEmpty() ? noCondition() : region.in(regions);
    }
}
