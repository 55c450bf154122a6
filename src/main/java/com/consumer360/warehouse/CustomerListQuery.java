package com.consumer360.warehouse;

import static com.consumer360.jooq.Tables.DIM_CUSTOMER;
import static com.consumer360.jooq.Tables.DIM_REGION;
import static com.consumer360.jooq.Tables.SNAP_CUSTOMER;

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
 * every query; the condition chooses the snapshot and the members.
 */
public final class CustomerListQuery {

    private CustomerListQuery() {
    }

    /** One page of the list (a page in its second half read from its end: {@link ReversiblePage}). */
    public static List<CellCustomer> page(DSLContext db, Condition members, CustomerOrder order, int offset,
                                          int limit) {
        return ReversiblePage.read(offset, limit,
                () -> db.selectCount().from(ROWS).where(members).fetchOne(0, Long.class),
                (reversed, from, rows) -> query(db, members, order, reversed).offset(from).limit(rows)
                        .fetch(CustomerListQuery::toCustomer));
    }

    /** A list's rows: snapshot customers with their name and region (the members condition chooses them). */
    private static final org.jooq.Table<?> ROWS = SNAP_CUSTOMER
            .leftJoin(DIM_CUSTOMER).on(DIM_CUSTOMER.CUSTOMER_ID.eq(SNAP_CUSTOMER.CUSTOMER_ID))
            .join(DIM_REGION).on(DIM_REGION.REGION_ID.eq(SNAP_CUSTOMER.REGION_ID));


    /** Streams the whole list, in order, to {@code sink}. */
    public static void each(DSLContext db, Condition members, CustomerOrder order, Consumer<CellCustomer> sink) {
        try (Stream<Record8<Long, String, String, Integer, Integer, BigDecimal, String, Double>> rows =
                     query(db, members, order, false).fetchSize(1_000).stream()) {
            rows.map(CustomerListQuery::toCustomer).forEach(sink);
        }
    }

    /** A list row as a customer: id, name, region name, recency, frequency, monetary, segment, CLV. */
    public static CellCustomer toCustomer(Record8<Long, String, String, Integer, Integer, BigDecimal, String, Double> r) {
        return new CellCustomer(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                r.value8());
    }

    private static SelectLimitStep<Record8<Long, String, String, Integer, Integer, BigDecimal, String, Double>> query(
            DSLContext db, Condition members, CustomerOrder order, boolean reversed) {
        boolean descending = order.descending() != reversed;
        return db.select(SNAP_CUSTOMER.CUSTOMER_ID, DIM_CUSTOMER.NAME, DIM_REGION.NAME, SNAP_CUSTOMER.RECENCY_DAYS,
                        SNAP_CUSTOMER.FREQUENCY, SNAP_CUSTOMER.MONETARY, SNAP_CUSTOMER.SEGMENT, SNAP_CUSTOMER.CLV)
                .from(ROWS)
                .where(members)
                .orderBy(sortField(order, reversed), descending ? SNAP_CUSTOMER.CUSTOMER_ID.desc()
                        : SNAP_CUSTOMER.CUSTOMER_ID.asc());
    }

    /** The order's field, nulls last; reversed: the other direction, nulls first (the exact reverse order). */
    private static SortField<?> sortField(CustomerOrder order, boolean reversed) {
        Field<?> field = switch (order.column()) {
            case NAME -> DIM_CUSTOMER.NAME;
            case RECENCY -> SNAP_CUSTOMER.RECENCY_DAYS;
            case FREQUENCY -> SNAP_CUSTOMER.FREQUENCY;
            case MONETARY -> SNAP_CUSTOMER.MONETARY;
            case CLV -> SNAP_CUSTOMER.CLV;
        };
        SortField<?> sort = order.descending() != reversed ? field.desc() : field.asc();
        return reversed ? sort.nullsFirst() : sort.nullsLast();
    }
}
