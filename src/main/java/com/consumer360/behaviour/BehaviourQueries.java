package com.consumer360.behaviour;

import static com.consumer360.jooq.Tables.DIM_CUSTOMER;
import static com.consumer360.jooq.Tables.DIM_REGION;
import static com.consumer360.jooq.Tables.SNAPSHOT;
import static com.consumer360.jooq.Tables.SNAP_BEHAVIOUR_COLUMNS;
import static com.consumer360.jooq.Tables.SNAP_CUSTOMER;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.and;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.trueCondition;
import static org.jooq.impl.DSL.inline;

import com.consumer360.warehouse.CellCustomer;
import com.consumer360.warehouse.CustomerListQuery;
import com.consumer360.warehouse.CustomerOrder;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record7;
import org.jooq.Record8;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads snap_customer of the current snapshot for the behaviour map. No query names the user's regions: row-level
 * security limits snap_customer and dim_customer to the connection's scope; the region filter only narrows it.
 * The map's counts and sample are computed by PostgreSQL; the group comparison reads each region's customers once
 * per snapshot ({@link #columns}) and is computed from them ({@link Comparisons}).
 */
@Component
class BehaviourQueries {

    private static final Logger log = LoggerFactory.getLogger(BehaviourQueries.class);

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

    /**
     * The regions of the transaction's scope, as row-level security reads them ({@code app_region_ids()}), narrowed
     * by the filter's regions.
     */
    Set<Short> scopeRegions(BehaviourFilter filter) {
        return scopeRegions(db, filter);
    }

    /** {@link #scopeRegions(BehaviourFilter)} on a given connection's context. */
    static Set<Short> scopeRegions(DSLContext db, BehaviourFilter filter) {
        Set<Short> regions = new TreeSet<>(db.select(field("unnest(app_region_ids())", Short.class)).fetch().getValues(0,
                Short.class));
        if (!filter.regions().isEmpty()) {
            regions.retainAll(filter.regions());
        }
        return regions;
    }

    /**
     * Every customer of some regions of a snapshot, column by column, per region (a region without customers
     * included, empty). Row-level security applies: the caller's scope must include the regions
     * ({@link #scopeRegions}) for the columns to be theirs.
     */
    Map<Short, CustomerColumns> columns(long snapshotId, Set<Short> regionIds) {
        return columns(db, snapshotId, regionIds);
    }

    /**
     * {@link #columns(long, Set)} on a given connection's context: the regions' packed columns written by the refresh
     * ({@link #packed}), and the rows of snap_customer for a region without them.
     */
    static Map<Short, CustomerColumns> columns(DSLContext db, long snapshotId, Set<Short> regionIds) {
        Map<Short, CustomerColumns> columns = new TreeMap<>(packed(db, snapshotId, regionIds));
        Set<Short> rest = new TreeSet<>(regionIds);
        rest.removeAll(columns.keySet());
        if (!rest.isEmpty()) {
            log.info("behaviour comparison: regions {} of snapshot {} read from snap_customer (no packed columns)",
                    rest, snapshotId);
            columns.putAll(rows(db, snapshotId, rest));
        }
        return columns;
    }

    /** The columns of some regions of a snapshot from snap_customer's rows (row-level security applies). */
    static Map<Short, CustomerColumns> rows(DSLContext db, long snapshotId, Set<Short> regionIds) {
        Condition where = SNAP_CUSTOMER.SNAPSHOT_ID.eq(snapshotId).and(SNAP_CUSTOMER.REGION_ID.in(regionIds));
        Map<Short, CustomerColumns.Builder> builders = new TreeMap<>();
        regionIds.forEach(region -> builders.put(region, new CustomerColumns.Builder(region)));
        // numeric(14,2) in whole cents: exact, and cheaper to read than a decimal.
        Field<Long> cents = field("({0} * 100)::bigint", Long.class, SNAP_CUSTOMER.MONETARY);
        try (Cursor<Record7<Short, Integer, Integer, Long, Short, String, Double>> rows = db
                .select(SNAP_CUSTOMER.REGION_ID, SNAP_CUSTOMER.RECENCY_DAYS, SNAP_CUSTOMER.FREQUENCY, cents,
                        SNAP_CUSTOMER.M_SCORE, SNAP_CUSTOMER.SEGMENT, SNAP_CUSTOMER.CLV)
                .from(SNAP_CUSTOMER).where(where)
                .fetchSize(10_000).fetchLazy()) {
            for (Record7<Short, Integer, Integer, Long, Short, String, Double> r : rows) {
                builders.get(r.value1()).add(r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7());
            }
        }
        Map<Short, CustomerColumns> columns = new TreeMap<>();
        builders.forEach((region, builder) -> columns.put(region, builder.build()));
        return columns;
    }

    /** Bytes of one customer in snap_behaviour_columns.payload (layout: migration V54). */
    static final int PACKED_RECORD = 4 + 4 + 8 + 2 + 2 + 1 + 8;

    /**
     * The packed columns (snap_behaviour_columns, V54) of those of the regions that have them; row-level security
     * hides the rows of regions outside the caller's scope.
     */
    static Map<Short, CustomerColumns> packed(DSLContext db, long snapshotId, Set<Short> regionIds) {
        Map<Short, CustomerColumns> columns = new TreeMap<>();
        if (regionIds.isEmpty()) {
            return columns;
        }
        db.select(SNAP_BEHAVIOUR_COLUMNS.REGION_ID, SNAP_BEHAVIOUR_COLUMNS.CUSTOMERS,
                        SNAP_BEHAVIOUR_COLUMNS.SEGMENT_LABELS, SNAP_BEHAVIOUR_COLUMNS.PAYLOAD)
                .from(SNAP_BEHAVIOUR_COLUMNS)
                .where(SNAP_BEHAVIOUR_COLUMNS.SNAPSHOT_ID.eq(snapshotId), SNAP_BEHAVIOUR_COLUMNS.REGION_ID.in(regionIds))
                .fetch()
                .forEach(r -> columns.put(r.value1(), unpack(r.value1(), r.value2(), r.value3(), r.value4())));
        return columns;
    }

    /** One region's customers from its packed value. */
    static CustomerColumns unpack(short regionId, int customers, String[] labels, byte[] payload) {
        if (payload.length != (long) customers * PACKED_RECORD) {
            throw new IllegalStateException("packed columns of region " + regionId + ": " + payload.length
                    + " bytes for " + customers + " customers");
        }
        CustomerColumns.Builder builder = new CustomerColumns.Builder(regionId, customers);
        for (String label : labels) {
            builder.code(label);
        }
        ByteBuffer in = ByteBuffer.wrap(payload); // big-endian, as PostgreSQL's send functions write
        for (int i = 0; i < customers; i++) {
            int recency = in.getInt();
            int invoices = in.getInt();
            long cents = in.getLong();
            short m = in.getShort();
            short segment = in.getShort();
            boolean clvKnown = in.get() != 0;
            double clv = in.getDouble();
            if (segment < 0 || segment >= labels.length) {
                throw new IllegalStateException("packed columns of region " + regionId + ": segment index " + segment);
            }
            builder.add(recency, invoices, cents, m, (byte) segment, clvKnown, clv);
        }
        return builder.build();
    }

    /**
     * Writes the packed columns of a snapshot for every region with customers in the caller's scope (the refresh's,
     * before the snapshot becomes current), replacing any written before; returns the customers packed. PostgreSQL
     * builds each region's value from the snapshot's rows (layout: migration V54).
     */
    static int writePacked(DSLContext db, long snapshotId) {
        db.deleteFrom(SNAP_BEHAVIOUR_COLUMNS).where(SNAP_BEHAVIOUR_COLUMNS.SNAPSHOT_ID.eq(snapshotId)).execute();
        return db.fetch("""
                INSERT INTO snap_behaviour_columns (snapshot_id, region_id, customers, segment_labels, payload)
                WITH labels AS (
                    SELECT region_id, array_agg(DISTINCT segment ORDER BY segment) AS labels
                    FROM snap_customer WHERE snapshot_id = {0} GROUP BY region_id)
                SELECT {0}, c.region_id, count(*), l.labels,
                       string_agg(int4send(c.recency_days) || int4send(c.frequency)
                                  || int8send((c.monetary * 100)::BIGINT) || int2send(c.m_score)
                                  || int2send((array_position(l.labels, c.segment) - 1)::SMALLINT)
                                  || CASE WHEN c.clv IS NULL THEN decode('00', 'hex') || float8send(0::FLOAT8)
                                          ELSE decode('01', 'hex') || float8send(c.clv) END, ''::BYTEA)
                FROM snap_customer c JOIN labels l ON l.region_id = c.region_id
                WHERE c.snapshot_id = {0}
                GROUP BY c.region_id, l.labels
                RETURNING customers""", DSL.val(snapshotId)).stream().mapToInt(r -> r.get(0, Integer.class)).sum();
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
        // Explicitly TRUE for an empty rule, so that it reads as "everyone" wherever it is combined.
        return conditions.isEmpty() ? trueCondition() : and(conditions);
    }
}
