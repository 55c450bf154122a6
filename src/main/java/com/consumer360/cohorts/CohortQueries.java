package com.consumer360.cohorts;

import static com.consumer360.jooq.Tables.DIM_CUSTOMER;
import static com.consumer360.jooq.Tables.DIM_REGION;
import static com.consumer360.jooq.Tables.SNAPSHOT;
import static com.consumer360.jooq.Tables.SNAP_COHORT;
import static com.consumer360.jooq.Tables.SNAP_COHORT_CUSTOMER;
import static com.consumer360.jooq.Tables.SNAP_COHORT_GROUP;
import static com.consumer360.jooq.Tables.SNAP_CUSTOMER;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.val;

import com.consumer360.warehouse.CellCustomer;
import com.consumer360.warehouse.CustomerListQuery;
import com.consumer360.warehouse.CustomerOrder;
import com.consumer360.warehouse.RegionOption;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

/**
 * Reads the cohort tables of a snapshot. No query names the user's regions: row-level security limits snap_*,
 * dim_customer and dim_region's use to the connection's scope; the filter's region and country only narrow.
 * Without a country or segment the per-region matrix snap_cohort is summed (a few hundred rows); otherwise the
 * per-customer rows of snap_cohort_customer (V15) are, joined to the customer's country or segment.
 */
@Component
class CohortQueries {

    private final DSLContext db;

    CohortQueries(DSLContext db) {
        this.db = db;
    }

    /** The current snapshot's id and as-of date. */
    record Snapshot(long id, LocalDate asOf) {
    }

    /** Summed figures of one (cohort, period) cell. */
    record CellFigures(YearMonth cohort, int period, long customers, BigDecimal revenue) {
    }

    Optional<Snapshot> current() {
        return db.select(SNAPSHOT.SNAPSHOT_ID, SNAPSHOT.AS_OF_DATE).from(SNAPSHOT).where(SNAPSHOT.IS_CURRENT)
                .fetchOptional(r -> new Snapshot(r.value1(), r.value2()));
    }

    /** Regions with cohort rows in the snapshot, as far as the scope lets this connection see them. */
    List<RegionOption> regions(long snapshotId) {
        return db.selectDistinct(SNAP_COHORT.REGION_ID, DIM_REGION.NAME)
                .from(SNAP_COHORT)
                .join(DIM_REGION).on(DIM_REGION.REGION_ID.eq(SNAP_COHORT.REGION_ID))
                .where(SNAP_COHORT.SNAPSHOT_ID.eq(snapshotId))
                .orderBy(SNAP_COHORT.REGION_ID)
                .fetch(r -> new RegionOption(r.value1(), r.value2()));
    }

    /** Countries of the customers this connection can see, in the region when one is given. */
    List<String> countries(Short region) {
        return db.selectDistinct(DIM_CUSTOMER.COUNTRY).from(DIM_CUSTOMER)
                .where(region == null ? noCondition() : DIM_CUSTOMER.REGION_ID.eq(region))
                .orderBy(DIM_CUSTOMER.COUNTRY)
                .fetch(DIM_CUSTOMER.COUNTRY);
    }

    /**
     * The non-empty cells of the filtered cohorts; {@code segment} (null = all) restricts to one RFM segment. With a
     * country or a segment, from the sums per region, country and segment the refresh stored for the snapshot (V41)
     * when there are any in the scope, else from the per-customer rows.
     */
    List<CellFigures> cells(long snapshotId, CohortFilter filter, String segment) {
        if (filter.country() == null && segment == null) {
            return db.select(SNAP_COHORT.COHORT_MONTH, SNAP_COHORT.PERIOD, sum(SNAP_COHORT.CUSTOMERS),
                            sum(SNAP_COHORT.REVENUE))
                    .from(SNAP_COHORT)
                    .where(SNAP_COHORT.SNAPSHOT_ID.eq(snapshotId), months(SNAP_COHORT.COHORT_MONTH, filter),
                            region(SNAP_COHORT.REGION_ID, filter))
                    .groupBy(SNAP_COHORT.COHORT_MONTH, SNAP_COHORT.PERIOD)
                    .fetch(r -> new CellFigures(YearMonth.from(r.value1()), r.value2(), r.value3().longValue(),
                            r.value4()));
        }
        if (db.fetchExists(SNAP_COHORT_GROUP, SNAP_COHORT_GROUP.SNAPSHOT_ID.eq(snapshotId))) {
            var g = SNAP_COHORT_GROUP;
            return db.select(g.COHORT_MONTH, g.PERIOD, sum(g.CUSTOMERS), sum(g.REVENUE_CENTS))
                    .from(g)
                    .where(g.SNAPSHOT_ID.eq(snapshotId), months(g.COHORT_MONTH, filter), region(g.REGION_ID, filter),
                            filter.country() == null ? noCondition() : g.COUNTRY.eq(filter.country()),
                            segment == null ? noCondition() : g.SEGMENT.eq(segment))
                    .groupBy(g.COHORT_MONTH, g.PERIOD)
                    .fetch(r -> new CellFigures(YearMonth.from(r.value1()), r.value2(), r.value3().longValue(),
                            r.value4().movePointLeft(2)));
        }
        var c = SNAP_COHORT_CUSTOMER;
        Condition customers = c.SNAPSHOT_ID.eq(snapshotId).and(months(c.COHORT_MONTH, filter))
                .and(region(c.REGION_ID, filter));
        if (filter.country() != null) {
            customers = customers.and(c.CUSTOMER_ID.in(select(DIM_CUSTOMER.CUSTOMER_ID).from(DIM_CUSTOMER)
                    .where(DIM_CUSTOMER.COUNTRY.eq(filter.country()))));
        }
        if (segment != null) {
            customers = customers.and(c.CUSTOMER_ID.in(select(SNAP_CUSTOMER.CUSTOMER_ID).from(SNAP_CUSTOMER)
                    .where(SNAP_CUSTOMER.SNAPSHOT_ID.eq(snapshotId), SNAP_CUSTOMER.SEGMENT.eq(segment))));
        }
        // One row per customer and month with activity: the revenue arrays unnested in FROM (PostgreSQL's implicit
        // LATERAL); the month counts as active when it is among the customer's purchase months.
        Field<Short> period = field(name("r", "period"), Short.class);
        Field<BigDecimal> cents = field(name("r", "cents"), BigDecimal.class);
        return db.select(c.COHORT_MONTH, period, count().filterWhere(period.eq(any(c.ACTIVE_PERIODS))), sum(cents))
                .from(c, table("unnest({0}, {1})", c.REVENUE_PERIODS, c.REVENUE_CENTS).as("r", "period", "cents"))
                .where(customers)
                .groupBy(c.COHORT_MONTH, period)
                .fetch(r -> new CellFigures(YearMonth.from(r.value1()), r.value2(), r.value3(),
                        r.value4().movePointLeft(2)));
    }

    List<CellCustomer> cellCustomers(long snapshotId, CohortFilter filter, YearMonth cohort, int period,
                                     CustomerOrder order, int offset, int limit) {
        return CustomerListQuery.page(db, snapshotId, members(snapshotId, filter, cohort, period), order, offset, limit);
    }

    void eachCellCustomer(long snapshotId, CohortFilter filter, YearMonth cohort, int period, CustomerOrder order,
                          Consumer<CellCustomer> sink) {
        CustomerListQuery.each(db, snapshotId, members(snapshotId, filter, cohort, period), order, sink);
    }

    /** Snapshot customers of the cohort who purchased in its period {@code period}, within the filter. */
    private static Condition members(long snapshotId, CohortFilter filter, YearMonth cohort, int period) {
        var c = SNAP_COHORT_CUSTOMER;
        return SNAP_CUSTOMER.SNAPSHOT_ID.eq(snapshotId)
                .and(SNAP_CUSTOMER.CUSTOMER_ID.in(select(c.CUSTOMER_ID).from(c).where(c.SNAPSHOT_ID.eq(snapshotId),
                        c.COHORT_MONTH.eq(cohort.atDay(1)), val((short) period).eq(any(c.ACTIVE_PERIODS)))))
                .and(region(SNAP_CUSTOMER.REGION_ID, filter))
                .and(filter.country() == null ? noCondition() : DIM_CUSTOMER.COUNTRY.eq(filter.country()));
    }

    private static Condition months(Field<LocalDate> month, CohortFilter filter) {
        return (filter.from() == null ? noCondition() : month.ge(filter.from().atDay(1)))
                .and(filter.to() == null ? noCondition() : month.le(filter.to().atDay(1)));
    }

    private static Condition region(Field<Short> region, CohortFilter filter) {
        return filter.region() == null ? noCondition() : region.eq(filter.region());
    }
}
