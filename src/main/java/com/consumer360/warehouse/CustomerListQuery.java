package com.consumer360.warehouse;

import static com.consumer360.jooq.Tables.DIM_CUSTOMER;
import static com.consumer360.jooq.Tables.DIM_REGION;
import static com.consumer360.jooq.Tables.SNAPSHOT;
import static com.consumer360.jooq.Tables.SNAP_CUSTOMER;
import static com.consumer360.jooq.Tables.WAREHOUSE_VERSION;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record8;
import org.jooq.SelectLimitStep;
import org.jooq.SortField;

/**
 * The customer lists of the RFM pages and the behaviour map: snapshot customers matching a condition, with name,
 * region, R/F/M, segment and CLV, in a sortable order (ties by customer id). Row-level security applies as for
 * every query; the condition chooses the members of the snapshot {@code snapshotId}, whose customers they are.
 *
 * <p>The names are joined with a LEFT JOIN: a customer the reader sees in the snapshot but whose dim_customer row the
 * reader cannot see (the customer's region changed since, to one outside the reader's scope) is listed without a
 * name, last in name order. In name order that join makes PostgreSQL sort every member by a name from another table
 * (the last page of 600,000 customers by name: 0.9 s as exec at 10 M lines). When the snapshot can have no such
 * customer ({@link #allNamed}), a list in name order joins the names with an inner join instead, the same rows, which
 * the index on dim_customer (name, customer_id) serves in that order (V50). The check and the read are statements of
 * their own: a customer moved between the two (by hand: no load moves customers) can be missing from that one read,
 * never shown to a reader who may not see it.
 */
public final class CustomerListQuery {

    private CustomerListQuery() {
    }

    /** One page of the list (a page in its second half read from its end: {@link ReversiblePage}). */
    public static List<CellCustomer> page(DSLContext db, long snapshotId, Condition members, CustomerOrder order,
                                          int offset, int limit) {
        org.jooq.Table<?> rows = rows(db, snapshotId, order);
        Condition listed = inSnapshot(snapshotId, members);
        return ReversiblePage.read(offset, limit,
                () -> db.selectCount().from(ROWS).where(listed).fetchOne(0, Long.class),
                (reversed, from, count) -> query(db, rows, listed, order, reversed).offset(from).limit(count)
                        .fetch(CustomerListQuery::toCustomer));
    }

    /** The members, of the snapshot whose names were checked ({@link #allNamed}) whatever the condition says. */
    private static Condition inSnapshot(long snapshotId, Condition members) {
        return SNAP_CUSTOMER.SNAPSHOT_ID.eq(snapshotId).and(members);
    }

    /**
     * A list's rows: snapshot customers with their name and region (the members condition chooses them). The
     * region is joined with a LEFT JOIN too, so that counting the rows joins neither table (PostgreSQL removes a
     * LEFT JOIN on a unique key whose columns are not used; dim_region has no row policy and holds every region).
     */
    private static final org.jooq.Table<?> ROWS = SNAP_CUSTOMER
            .leftJoin(DIM_CUSTOMER).on(DIM_CUSTOMER.CUSTOMER_ID.eq(SNAP_CUSTOMER.CUSTOMER_ID))
            .leftJoin(DIM_REGION).on(DIM_REGION.REGION_ID.eq(SNAP_CUSTOMER.REGION_ID));

    /** The same rows when every customer of the snapshot has a name the reader sees ({@link #allNamed}). */
    private static final org.jooq.Table<?> NAMED_ROWS = SNAP_CUSTOMER
            .join(DIM_CUSTOMER).on(DIM_CUSTOMER.CUSTOMER_ID.eq(SNAP_CUSTOMER.CUSTOMER_ID))
            .leftJoin(DIM_REGION).on(DIM_REGION.REGION_ID.eq(SNAP_CUSTOMER.REGION_ID));

    /** The rows to read a list in this order from: in name order, the inner join when it lists the same rows. */
    private static org.jooq.Table<?> rows(DSLContext db, long snapshotId, CustomerOrder order) {
        return order.column() == CustomerOrder.Column.NAME && allNamed(db, snapshotId) ? NAMED_ROWS : ROWS;
    }

    /**
     * Whether every customer a reader sees in the snapshot has a dim_customer row the reader sees: the refresh found
     * every snapshot customer's row in the snapshot row's region, and no customer has changed region or been
     * removed since (V50: {@code snapshot.unnamed_customers}, {@code customer_moves}). False for a snapshot written
     * before V50.
     */
    static boolean allNamed(DSLContext db, long snapshotId) {
        return db.fetchExists(org.jooq.impl.DSL.selectOne().from(SNAPSHOT, WAREHOUSE_VERSION)
                .where(SNAPSHOT.SNAPSHOT_ID.eq(snapshotId), SNAPSHOT.UNNAMED_CUSTOMERS.eq(0),
                        SNAPSHOT.CUSTOMER_MOVES.eq(WAREHOUSE_VERSION.CUSTOMER_MOVES)));
    }

    /** Streams the whole list, in order, to {@code sink}, in one statement. */
    public static void each(DSLContext db, long snapshotId, Condition members, CustomerOrder order,
                            Consumer<CellCustomer> sink) {
        try (Stream<Record8<Long, String, String, Integer, Integer, BigDecimal, String, Double>> rows =
                     query(db, rows(db, snapshotId, order), inSnapshot(snapshotId, members), order, false)
                             .fetchSize(1_000).stream()) {
            rows.map(CustomerListQuery::toCustomer).forEach(sink);
        }
    }

    /**
     * The rows {@link #eachFirstRowsEarly} reads in its first statement. Read in one statement, a list joins every
     * member's name and sorts every member before its first row: an RFM cell of 39,000 customers as exec at 10 M
     * lines started its download after 0.48 s. Its first rows read as a page (a top-N sort, names joined for those
     * rows only) start the download sooner; a second statement reads the rest from after the last of them in the
     * same order (a keyset: a customer moved or renamed between the two statements is neither listed twice nor
     * pushes another one out). 1,000 rows: the XLSX writer's first block, the first one its compressor lets out.
     */
    static final int FIRST_ROWS = 1_000;

    /**
     * Streams the whole list, in order, to {@code sink}: its first {@link #FIRST_ROWS} rows, then the rest. For lists
     * whose members are quick to find and slow to sort (an RFM cell or segment, a behaviour group); a list whose
     * members take longer to find than to sort (a cohort cell, the movers) gains nothing from reading them twice
     * (the largest cohort cell's CSV started after 0.25 s either way and took twice as long in all): {@link #each}.
     */
    public static void eachFirstRowsEarly(DSLContext db, long snapshotId, Condition members, CustomerOrder order,
                                          Consumer<CellCustomer> sink) {
        org.jooq.Table<?> rows = rows(db, snapshotId, order);
        Condition listed = inSnapshot(snapshotId, members);
        List<CellCustomer> first = query(db, rows, listed, order, false).limit(FIRST_ROWS)
                .fetch(CustomerListQuery::toCustomer);
        first.forEach(sink);
        if (first.size() < FIRST_ROWS) {
            return;
        }
        try (Stream<Record8<Long, String, String, Integer, Integer, BigDecimal, String, Double>> rest =
                     query(db, rows, listed.and(after(order, first.getLast())), order, false)
                             .fetchSize(1_000).stream()) {
            rest.map(CustomerListQuery::toCustomer).forEach(sink);
        }
    }

    /**
     * The rows after {@code last} in the list's order: (field, customer id) beyond the last row's, nulls last. Names
     * read with the inner join are never null, and then no row is null.
     */
    @SuppressWarnings("unchecked")
    static Condition after(CustomerOrder order, CellCustomer last) {
        Field<Object> field = (Field<Object>) sortColumn(order.column());
        Object value = switch (order.column()) {
            case NAME -> last.name();
            case RECENCY -> last.recencyDays();
            case FREQUENCY -> last.frequency();
            case MONETARY -> last.monetary();
            case CLV -> last.clv();
        };
        Condition laterId = order.descending() ? SNAP_CUSTOMER.CUSTOMER_ID.lt(last.customerId())
                : SNAP_CUSTOMER.CUSTOMER_ID.gt(last.customerId());
        if (value == null) {
            return field.isNull().and(laterId);
        }
        Condition beyond = order.descending() ? field.lt(value) : field.gt(value);
        return beyond.or(field.eq(value).and(laterId)).or(field.isNull());
    }

    /** A list row as a customer: id, name, region name, recency, frequency, monetary, segment, CLV. */
    public static CellCustomer toCustomer(Record8<Long, String, String, Integer, Integer, BigDecimal, String, Double> r) {
        return new CellCustomer(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                r.value8());
    }

    private static SelectLimitStep<Record8<Long, String, String, Integer, Integer, BigDecimal, String, Double>> query(
            DSLContext db, org.jooq.Table<?> rows, Condition members, CustomerOrder order, boolean reversed) {
        boolean descending = order.descending() != reversed;
        return db.select(SNAP_CUSTOMER.CUSTOMER_ID, DIM_CUSTOMER.NAME, DIM_REGION.NAME, SNAP_CUSTOMER.RECENCY_DAYS,
                        SNAP_CUSTOMER.FREQUENCY, SNAP_CUSTOMER.MONETARY, SNAP_CUSTOMER.SEGMENT, SNAP_CUSTOMER.CLV)
                .from(rows)
                .where(members)
                .orderBy(sortField(order, reversed, rows == NAMED_ROWS), descending ? SNAP_CUSTOMER.CUSTOMER_ID.desc()
                        : SNAP_CUSTOMER.CUSTOMER_ID.asc());
    }

    private static Field<?> sortColumn(CustomerOrder.Column column) {
        return switch (column) {
            case NAME -> DIM_CUSTOMER.NAME;
            case RECENCY -> SNAP_CUSTOMER.RECENCY_DAYS;
            case FREQUENCY -> SNAP_CUSTOMER.FREQUENCY;
            case MONETARY -> SNAP_CUSTOMER.MONETARY;
            case CLV -> SNAP_CUSTOMER.CLV;
        };
    }

    /**
     * The order's field, nulls last; reversed: the other direction, nulls first (the exact reverse order). Names read
     * with the inner join are never null: they are sorted with no NULLS clause, so that either direction is a scan of
     * the index on names, forward or backward (a NULLS clause against the index's own order would rule it out).
     */
    private static SortField<?> sortField(CustomerOrder order, boolean reversed, boolean named) {
        Field<?> field = sortColumn(order.column());
        SortField<?> sort = order.descending() != reversed ? field.desc() : field.asc();
        if (named && order.column() == CustomerOrder.Column.NAME) {
            return sort;
        }
        return reversed ? sort.nullsFirst() : sort.nullsLast();
    }
}
