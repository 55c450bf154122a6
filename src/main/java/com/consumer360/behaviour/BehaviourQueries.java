package com.consumer360.behaviour;

import static com.consumer360.jooq.Tables.DIM_CUSTOMER;
import static com.consumer360.jooq.Tables.DIM_REGION;
import static com.consumer360.jooq.Tables.SNAPSHOT;
import static com.consumer360.jooq.Tables.SNAP_CUSTOMER;
import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.groupingSets;
import static org.jooq.impl.DSL.and;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.percentileCont;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.trueCondition;
import static org.jooq.impl.DSL.inline;

import com.consumer360.warehouse.CellCustomer;
import com.consumer360.warehouse.CustomerListQuery;
import com.consumer360.warehouse.CustomerOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record8;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

/**
 * Reads snap_customer of the current snapshot for the behaviour map. No query names the user's regions: row-level
 * security limits snap_customer and dim_customer to the connection's scope; the region filter only narrows it.
 * Every aggregate (counts, sums, means, medians, histograms) is computed by PostgreSQL.
 */
@Component
class BehaviourQueries {

    /**
     * The sampling key: Knuth's multiplicative hash of the customer id modulo 2^32, a bijection on 32-bit ids, so
     * the sample is the same on every call and no two customers tie.
     */
    static final Field<Long> SAMPLE_KEY = field("mod({0} * 2654435761, 4294967296)", Long.class,
            SNAP_CUSTOMER.CUSTOMER_ID);

    /**
     * Customers the map can plot (net revenue &gt; 0; a log axis). Inline, so that the planner proves the predicate of
     * the sample index (V48) in any plan, a generic one included.
     */
    private static final Condition PLOTTABLE = SNAP_CUSTOMER.MONETARY.gt(inline(BigDecimal.ZERO));

    private final DSLContext db;

    BehaviourQueries(DSLContext db) {
        this.db = db;
    }

    /** The current snapshot: id, as-of date and how many customers it scored in all regions (not customer-level). */
    record Snapshot(long id, LocalDate asOf, int customers) {
    }

    Optional<Snapshot> current() {
        return db.select(SNAPSHOT.SNAPSHOT_ID, SNAPSHOT.AS_OF_DATE, SNAPSHOT.RFM_CUSTOMERS).from(SNAPSHOT)
                .where(SNAPSHOT.IS_CURRENT)
                .fetchOptional(r -> new Snapshot(r.value1(), r.value2(), r.value3()));
    }

    /** Index entries the sample may read in key order before sorting the filtered customers is the cheaper way. */
    static final long MAX_KEY_ORDER_READ = 100_000;

    /**
     * Whether to read the sample in key order from the sample index (V48): it holds every region's plottable
     * customers, so finding {@code cap} of the {@code plottable} ones in the filter and scope reads about
     * cap × customers / plottable entries; past {@link #MAX_KEY_ORDER_READ} (a narrow filter, a region outside the
     * scope) the filtered customers are read first and sorted, as before the index.
     */
    static boolean keyOrder(Snapshot snapshot, long plottable, int cap) {
        return plottable > 0 && (long) cap * snapshot.customers() <= plottable * MAX_KEY_ORDER_READ;
    }

    /** Customers the filter selects and those among them with net revenue ≤ 0. */
    long[] counts(long snapshotId, BehaviourFilter filter) {
        var row = db.select(count(), count().filterWhere(SNAP_CUSTOMER.MONETARY.le(BigDecimal.ZERO)))
                .from(SNAP_CUSTOMER)
                .where(population(snapshotId, filter))
                .fetchSingle();
        return new long[] {row.value1(), row.value2()};
    }

    /**
     * The first {@code cap} customers with net revenue > 0 by sampling key: all of them when there are fewer; in key
     * order from the sample index or by sorting the filtered customers ({@link #keyOrder}; the same rows either way).
     */
    List<BehaviourMap.Point> sample(long snapshotId, BehaviourFilter filter, int cap, boolean keyOrder) {
        Table<?> sample = sampleTable(snapshotId, filter, cap, keyOrder);
        return db.select(sample.field(SNAP_CUSTOMER.CUSTOMER_ID), sample.field(SNAP_CUSTOMER.RECENCY_DAYS),
                        sample.field(SNAP_CUSTOMER.FREQUENCY), sample.field(SNAP_CUSTOMER.MONETARY),
                        sample.field(SNAP_CUSTOMER.SEGMENT))
                .from(sample)
                .orderBy(sample.field("sample_key", Long.class))
                .fetch(r -> new BehaviourMap.Point(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /**
     * The sample's customers with the sampling key: read in key order from the index and cut at {@code cap}; or,
     * for a narrow filter, the filtered customers read first (a materialized step, which the planner cannot turn
     * into that key-order read) and then sorted and cut.
     */
    private Table<?> sampleTable(long snapshotId, BehaviourFilter filter, int cap, boolean keyOrder) {
        var columns = List.<Field<?>>of(SNAP_CUSTOMER.CUSTOMER_ID, SNAP_CUSTOMER.REGION_ID, SNAP_CUSTOMER.RECENCY_DAYS,
                SNAP_CUSTOMER.FREQUENCY, SNAP_CUSTOMER.MONETARY, SNAP_CUSTOMER.SEGMENT, SNAP_CUSTOMER.CLV,
                SAMPLE_KEY.as("sample_key"));
        var plotted = db.select(columns).from(SNAP_CUSTOMER).where(population(snapshotId, filter), PLOTTABLE);
        if (keyOrder) {
            return plotted.orderBy(SAMPLE_KEY).limit(cap).asTable("sample");
        }
        var filtered = org.jooq.impl.DSL.name("filtered").asMaterialized(plotted);
        return db.with(filtered).select(filtered.fields()).from(filtered)
                .orderBy(filtered.field("sample_key")).limit(cap).asTable("sample");
    }

    /** The sampled points with names and regions, in sample order, for the map's export. */
    void eachSampledCustomer(long snapshotId, BehaviourFilter filter, int cap, boolean keyOrder,
                             Consumer<CellCustomer> sink) {
        Table<?> sample = sampleTable(snapshotId, filter, cap, keyOrder);
        Field<Long> id = sample.field(SNAP_CUSTOMER.CUSTOMER_ID);
        try (Stream<Record8<Long, String, String, Integer, Integer, BigDecimal, String, Double>> rows =
                     db.select(id, DIM_CUSTOMER.NAME, DIM_REGION.NAME, sample.field(SNAP_CUSTOMER.RECENCY_DAYS),
                                     sample.field(SNAP_CUSTOMER.FREQUENCY), sample.field(SNAP_CUSTOMER.MONETARY),
                                     sample.field(SNAP_CUSTOMER.SEGMENT), sample.field(SNAP_CUSTOMER.CLV))
                             .from(sample)
                             .leftJoin(DIM_CUSTOMER).on(DIM_CUSTOMER.CUSTOMER_ID.eq(id))
                             .join(DIM_REGION).on(DIM_REGION.REGION_ID.eq(sample.field(SNAP_CUSTOMER.REGION_ID)))
                             .orderBy(sample.field("sample_key", Long.class))
                             .fetchSize(1_000).stream()) {
            rows.map(CustomerListQuery::toCustomer).forEach(sink);
        }
    }

    /** Size, revenue, means, medians and mean CLV of both groups and of the whole filtered population. */
    Figures figures(long snapshotId, BehaviourFilter filter, GroupRule a, GroupRule b) {
        Condition inA = rule(a);
        Condition inB = rule(b);
        List<Field<?>> fields = new ArrayList<>(List.of(count(), coalesce(sum(SNAP_CUSTOMER.MONETARY), BigDecimal.ZERO),
                count().filterWhere(inA.and(inB))));
        for (Condition in : List.of(inA, inB)) {
            fields.add(count().filterWhere(in));
            fields.add(coalesce(sum(SNAP_CUSTOMER.MONETARY).filterWhere(in), BigDecimal.ZERO));
            fields.add(avg(SNAP_CUSTOMER.RECENCY_DAYS).filterWhere(in));
            fields.add(percentileCont(0.5).withinGroupOrderBy(SNAP_CUSTOMER.RECENCY_DAYS).filterWhere(in));
            fields.add(avg(SNAP_CUSTOMER.FREQUENCY).filterWhere(in));
            fields.add(percentileCont(0.5).withinGroupOrderBy(SNAP_CUSTOMER.FREQUENCY).filterWhere(in));
            fields.add(avg(SNAP_CUSTOMER.MONETARY).filterWhere(in));
            fields.add(percentileCont(0.5).withinGroupOrderBy(SNAP_CUSTOMER.MONETARY).filterWhere(in));
            fields.add(avg(SNAP_CUSTOMER.CLV).filterWhere(in));
        }
        Record row = db.select(fields).from(SNAP_CUSTOMER).where(population(snapshotId, filter)).fetchSingle();
        long shown = row.get(0, Long.class);
        BigDecimal revenue = row.get(1, BigDecimal.class);
        return new Figures(shown, revenue, row.get(2, Long.class), group(a, row, 3, revenue), group(b, row, 12, revenue));
    }

    record Figures(long customersShown, BigDecimal revenueShown, long inBoth, GroupComparison.Group a,
                   GroupComparison.Group b) {
    }

    private static GroupComparison.Group group(GroupRule rule, Record row, int at, BigDecimal revenueShown) {
        long customers = row.get(at, Long.class);
        BigDecimal revenue = row.get(at + 1, BigDecimal.class);
        return new GroupComparison.Group(rule, customers, revenue,
                revenueShown.signum() <= 0 ? 0 : revenue.doubleValue() / revenueShown.doubleValue(),
                row.get(at + 2, Double.class), row.get(at + 3, Double.class), row.get(at + 4, Double.class),
                row.get(at + 5, Double.class), money(row.get(at + 6, BigDecimal.class)),
                money(row.get(at + 7, BigDecimal.class)), row.get(at + 8, Double.class));
    }

    private static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_EVEN);
    }

    /** Histograms of group A and group B over recency, frequency and monetary. */
    record Histograms(GroupComparison.Histogram recency, GroupComparison.Histogram frequency,
                      GroupComparison.Histogram monetary) {
    }

    /**
     * Customers of group A and of group B per bin ({@link Bins}) of recency, frequency and monetary, in one scan:
     * one grouping set per measure.
     */
    Histograms histograms(long snapshotId, BehaviourFilter filter, GroupRule a, GroupRule b) {
        Field<Integer> recency = widthBucket(SNAP_CUSTOMER.RECENCY_DAYS,
                inline(Bins.RECENCY_DAYS, SQLDataType.INTEGER.array()));
        Field<Integer> frequency = widthBucket(SNAP_CUSTOMER.FREQUENCY,
                inline(Bins.FREQUENCY, SQLDataType.INTEGER.array()));
        Field<Integer> monetary = widthBucket(SNAP_CUSTOMER.MONETARY,
                inline(Bins.MONETARY, SQLDataType.NUMERIC.array()));
        long[][] counts = {new long[Bins.RECENCY_DAYS.length + 1], new long[Bins.RECENCY_DAYS.length + 1],
            new long[Bins.FREQUENCY.length + 1], new long[Bins.FREQUENCY.length + 1],
            new long[Bins.MONETARY.length + 1], new long[Bins.MONETARY.length + 1]};
        Condition inA = rule(a);
        Condition inB = rule(b);
        db.select(recency, frequency, monetary, count().filterWhere(inA), count().filterWhere(inB))
                .from(SNAP_CUSTOMER)
                .where(population(snapshotId, filter), inA.or(inB))
                .groupBy(groupingSets(new Field<?>[] {recency}, new Field<?>[] {frequency}, new Field<?>[] {monetary}))
                .forEach(r -> {
                    int measure = r.value1() != null ? 0 : r.value2() != null ? 1 : 2;
                    int bin = measure == 0 ? r.value1() : measure == 1 ? r.value2() : r.value3();
                    counts[2 * measure][bin] = r.value4();
                    counts[2 * measure + 1][bin] = r.value5();
                });
        return new Histograms(
                histogram(Bins.RECENCY_NAME, Bins.integerLabels(Bins.RECENCY_DAYS), counts[0], counts[1]),
                histogram(Bins.FREQUENCY_NAME, Bins.integerLabels(Bins.FREQUENCY), counts[2], counts[3]),
                histogram(Bins.MONETARY_NAME, Bins.monetaryLabels(), counts[4], counts[5]));
    }

    private static GroupComparison.Histogram histogram(String name, List<String> labels, long[] a, long[] b) {
        return new GroupComparison.Histogram(name, labels, Arrays.stream(a).boxed().toList(),
                Arrays.stream(b).boxed().toList());
    }

    private static Field<Integer> widthBucket(Field<?> value, Field<?> thresholds) {
        return field("width_bucket({0}, {1})", Integer.class, value, thresholds);
    }

    /** One page of a group's customers in the given order. */
    List<CellCustomer> groupCustomers(long snapshotId, BehaviourFilter filter, GroupRule group, CustomerOrder order,
                                      int offset, int limit) {
        return CustomerListQuery.page(db, snapshotId, population(snapshotId, filter).and(rule(group)), order, offset, limit);
    }

    /** Streams every customer of a group, in the given order, to {@code sink}. */
    void eachGroupCustomer(long snapshotId, BehaviourFilter filter, GroupRule group, CustomerOrder order,
                           Consumer<CellCustomer> sink) {
        CustomerListQuery.eachFirstRowsEarly(db, snapshotId, population(snapshotId, filter).and(rule(group)), order,
                sink);
    }


    /** The map's population: the snapshot's customers within the filter (and, by row-level security, the scope). */
    private static Condition population(long snapshotId, BehaviourFilter filter) {
        return SNAP_CUSTOMER.SNAPSHOT_ID.eq(snapshotId)
                .and(filter.segments().isEmpty() ? noCondition() : SNAP_CUSTOMER.SEGMENT.in(filter.segments()))
                .and(filter.minRecencyDays() == null ? noCondition()
                        : SNAP_CUSTOMER.RECENCY_DAYS.ge(filter.minRecencyDays()))
                .and(filter.maxRecencyDays() == null ? noCondition()
                        : SNAP_CUSTOMER.RECENCY_DAYS.le(filter.maxRecencyDays()))
                .and(filter.regions().isEmpty() ? noCondition() : SNAP_CUSTOMER.REGION_ID.in(filter.regions()));
    }

    /** A group's rule as a condition; every value is a bind parameter. An empty rule selects everyone. */
    static Condition rule(GroupRule rule) {
        List<Condition> conditions = new ArrayList<>();
        if (!rule.segments().isEmpty()) {
            conditions.add(SNAP_CUSTOMER.SEGMENT.in(rule.segments()));
        }
        if (rule.minRecencyDays() != null) {
            conditions.add(SNAP_CUSTOMER.RECENCY_DAYS.ge(rule.minRecencyDays()));
        }
        if (rule.maxRecencyDays() != null) {
            conditions.add(SNAP_CUSTOMER.RECENCY_DAYS.le(rule.maxRecencyDays()));
        }
        if (rule.minFrequency() != null) {
            conditions.add(SNAP_CUSTOMER.FREQUENCY.ge(rule.minFrequency()));
        }
        if (rule.maxFrequency() != null) {
            conditions.add(SNAP_CUSTOMER.FREQUENCY.le(rule.maxFrequency()));
        }
        if (rule.minMonetary() != null) {
            conditions.add(SNAP_CUSTOMER.MONETARY.ge(rule.minMonetary()));
        }
        if (rule.maxMonetary() != null) {
            conditions.add(SNAP_CUSTOMER.MONETARY.le(rule.maxMonetary()));
        }
        if (rule.minMScore() != null) {
            conditions.add(SNAP_CUSTOMER.M_SCORE.ge(rule.minMScore().shortValue()));
        }
        // Explicitly TRUE rather than noCondition(), which jOOQ may drop from FILTER (WHERE …) and OR.
        return conditions.isEmpty() ? trueCondition() : and(conditions);
    }
}
