package com.consumer360.clv;

import static com.consumer360.jooq.Tables.DIM_CUSTOMER;
import static com.consumer360.jooq.Tables.DIM_REGION;
import static com.consumer360.jooq.Tables.FACT_INVOICE;
import static com.consumer360.jooq.Tables.SNAPSHOT;
import static com.consumer360.jooq.Tables.SNAP_CHURN_COUNTS;
import static com.consumer360.jooq.Tables.SNAP_CLV_SUMS;
import static com.consumer360.jooq.Tables.SNAP_CUSTOMER;
import static com.consumer360.jooq.Tables.SNAP_HOLDOUT_GROUP;
import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.val;

import com.consumer360.warehouse.ReversiblePage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectLimitStep;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

/**
 * Reads the current snapshot's CLV columns and, for the holdout check, the warehouse's invoices. No query names the
 * user's regions: row-level security limits snap_customer, dim_customer and fact_invoice to the connection's scope;
 * the optional region filter only narrows within it.
 */
@Component
class ClvQueries {

    /** The current snapshot: id, as-of date and the model summary the refresh stored with it. */
    record Current(long id, LocalDate asOf, String modelJson) {
    }

    /** Customers of the holdout check sharing calibration repeat purchases and first and last calibration day. */
    record HoldoutInput(int frequency, LocalDate first, LocalDate last, long customers, long holdoutPurchases) {
    }

    /**
     * Sums over valued customers (of one region and segment as stored, or added up): customers, CLV, expected
     * purchases, likely gone, P(alive) sum and count, customers per CLV and per P(alive) histogram bin.
     */
    record ClvSums(String segment, long customers, double clv, double expectedPurchases, long likelyGone,
                   double pAliveSum, long pAliveCount, long[] clvBins, long[] pAliveBins) {

        static ClvSums empty(String segment, int clvThresholds, int pAliveThresholds) {
            return new ClvSums(segment, 0, 0, 0, 0, 0, 0, new long[clvThresholds + 1],
                    new long[pAliveThresholds + 1]);
        }

        ClvSums plus(ClvSums other) {
            long[] clv = clvBins.clone();
            long[] pAlive = pAliveBins.clone();
            for (int i = 0; i < clv.length; i++) {
                clv[i] += other.clvBins[i];
            }
            for (int i = 0; i < pAlive.length; i++) {
                pAlive[i] += other.pAliveBins[i];
            }
            return new ClvSums(segment, customers + other.customers, this.clv + other.clv,
                    expectedPurchases + other.expectedPurchases, likelyGone + other.likelyGone,
                    pAliveSum + other.pAliveSum, pAliveCount + other.pAliveCount, clv, pAlive);
        }
    }

    /**
     * The valued customers' sums the refresh stored for the snapshot (V40) per region and segment, of the scope's
     * regions narrowed by the filter; empty when the scope has none for the snapshot or they were counted with other
     * histogram thresholds than the page's (then the page counts the customers).
     */
    Optional<List<ClvSums>> storedSums(long snapshotId, Set<Short> regions, Double[] clvThresholds,
                                       Double[] pAliveThresholds) {
        var rows = db.selectFrom(SNAP_CLV_SUMS).where(SNAP_CLV_SUMS.SNAPSHOT_ID.eq(snapshotId)).fetch();
        if (rows.isEmpty() || rows.stream().anyMatch(r -> !java.util.Arrays.equals(r.getClvThresholds(), clvThresholds)
                || !java.util.Arrays.equals(r.getPAliveThresholds(), pAliveThresholds))) {
            return Optional.empty();
        }
        return Optional.of(rows.stream().filter(r -> regions.isEmpty() || regions.contains(r.getRegionId()))
                .map(r -> new ClvSums(r.getSegment(), r.getCustomers(), r.getSumClv(), r.getSumExpectedPurchases(),
                        r.getLikelyGone(), r.getSumPAlive(), r.getPAliveCount(), unboxed(r.getClvBins()),
                        unboxed(r.getPAliveBins())))
                .toList());
    }

    private static long[] unboxed(Long[] values) {
        return java.util.Arrays.stream(values).mapToLong(Long::longValue).toArray();
    }

    /** Headline sums over the valued customers. */
    record Totals(long customers, double clv, double expectedPurchases, long likelyGone) {
    }

    static final Field<Double> VALUE_AT_RISK = SNAP_CUSTOMER.MONETARY.cast(SQLDataType.DOUBLE)
            .mul(inline(1.0).minus(SNAP_CUSTOMER.P_ALIVE));

    private final DSLContext db;

    ClvQueries(DSLContext db) {
        this.db = db;
    }

    Optional<Current> current() {
        return db.select(SNAPSHOT.SNAPSHOT_ID, SNAPSHOT.AS_OF_DATE, SNAPSHOT.MODEL_JSON)
                .from(SNAPSHOT).where(SNAPSHOT.IS_CURRENT)
                .fetchOptional(r -> new Current(r.value1(), r.value2(), r.value3()));
    }

    Totals totals(long snapshotId, Set<Short> regions) {
        return db.select(count(), sum(SNAP_CUSTOMER.CLV), sum(SNAP_CUSTOMER.EXPECTED_PURCHASES),
                        count().filterWhere(SNAP_CUSTOMER.P_ALIVE.lt(0.5)))
                .from(SNAP_CUSTOMER)
                .where(valued(snapshotId, regions))
                .fetchOne(r -> new Totals(r.value1(), number(r.value2()), number(r.value3()), r.value4()));
    }

    long valuedCount(long snapshotId, Set<Short> regions) {
        return db.fetchCount(SNAP_CUSTOMER, valued(snapshotId, regions));
    }

    /** Valued customers by CLV, largest first (ties by customer id), from {@code offset}. */
    List<ClvCustomer> highValue(long snapshotId, Set<Short> regions, int offset, int limit) {
        return customers(valued(snapshotId, regions), SNAP_CUSTOMER.CLV).offset(offset).limit(limit)
                .fetch(ClvQueries::toCustomer);
    }

    /**
     * Churn risks by value at risk, largest first (ties by customer id); a page in the second half of the list is read
     * from its end ({@link ReversiblePage}: the last page of the default list took 0.67 s as exec at 10 M lines).
     */
    List<ClvCustomer> churnRisk(long snapshotId, ChurnThresholds thresholds, Set<Short> regions, int offset,
                                int limit) {
        Condition atRisk = atRisk(snapshotId, thresholds, regions);
        return ReversiblePage.read(offset, limit, () -> churnRiskCount(snapshotId, thresholds, regions),
                (reversed, from, rows) -> customers(atRisk, VALUE_AT_RISK, reversed).offset(from).limit(rows)
                        .fetch(ClvQueries::toCustomer));
    }

    /** The P(alive) thresholds the refresh counts churn risks below (V47): k/100 for k = 1..100. */
    static final Double[] CHURN_THRESHOLDS = java.util.stream.IntStream.rangeClosed(1, 100).mapToObj(k -> k / 100.0)
            .toArray(Double[]::new);

    /**
     * How many churn risks: for a P(alive) threshold the refresh counted below (k/100), the sum of its counts per
     * region and M score (V47, {@link ClvPageSums}) in the scope; otherwise, or without counts for the snapshot in
     * the scope, counted from the customers.
     */
    long churnRiskCount(long snapshotId, ChurnThresholds thresholds, Set<Short> regions) {
        int k = (int) Math.round(thresholds.maxPAlive() * 100);
        if (k >= 1 && k <= CHURN_THRESHOLDS.length && CHURN_THRESHOLDS[k - 1] == thresholds.maxPAlive()) {
            var stored = db.select(count(), sum(field("{0}[{1}]", Long.class, SNAP_CHURN_COUNTS.BELOW, inline(k)))
                            .filterWhere(SNAP_CHURN_COUNTS.M_SCORE.ge((short) thresholds.minMScore())))
                    .from(SNAP_CHURN_COUNTS)
                    .where(SNAP_CHURN_COUNTS.SNAPSHOT_ID.eq(snapshotId), regions.isEmpty() ? noCondition()
                            : SNAP_CHURN_COUNTS.REGION_ID.in(regions))
                    .fetchSingle();
            if (stored.value1() > 0) {
                return stored.value2() == null ? 0 : stored.value2().longValue();
            }
        }
        return db.fetchCount(SNAP_CUSTOMER, atRisk(snapshotId, thresholds, regions));
    }

    void eachHighValue(long snapshotId, Set<Short> regions, int limit, Consumer<ClvCustomer> sink) {
        stream(customers(valued(snapshotId, regions), SNAP_CUSTOMER.CLV).limit(limit).fetchSize(1_000).stream(), sink);
    }

    /**
     * Streams the whole churn-risk list. The default list and any stricter one are in the churn-risk index (V47) in
     * the list's order, but the planner plans a streamed query for all its rows and sorts them first (the download
     * started after 0.44-0.50 s as exec at 10 M lines): with sorting discouraged for this statement only, and put
     * back after, it reads the index in order and the first rows go out at once.
     */
    void eachChurnRisk(long snapshotId, ChurnThresholds thresholds, Set<Short> regions, Consumer<ClvCustomer> sink) {
        var query = customers(atRisk(snapshotId, thresholds, regions), VALUE_AT_RISK).fetchSize(1_000);
        if (!inChurnRiskIndex(thresholds)) {
            stream(query.stream(), sink);
            return;
        }
        String sort = String.valueOf(db.fetchValue("SELECT current_setting('enable_sort')"));
        db.execute("SELECT set_config('enable_sort', 'off', true)");
        try {
            stream(query.stream(), sink);
        } finally {
            db.execute("SELECT set_config('enable_sort', {0}, true)", val(sort));
        }
    }

    /** Whether every churn risk under these thresholds is in the churn-risk index (M score ≥ 4, P(alive) < 0.5). */
    static boolean inChurnRiskIndex(ChurnThresholds thresholds) {
        return thresholds.minMScore() >= 4 && thresholds.maxPAlive() <= 0.5;
    }

    private static void stream(Stream<? extends Record> rows, Consumer<ClvCustomer> sink) {
        try (rows) {
            rows.map(ClvQueries::toCustomer).forEach(sink);
        }
    }

    /** Valued customers per segment: customers, total CLV, mean P(alive). */
    Map<String, SegmentValue> bySegment(long snapshotId, Set<Short> regions) {
        Map<String, SegmentValue> rows = new TreeMap<>();
        db.select(SNAP_CUSTOMER.SEGMENT, count(), sum(SNAP_CUSTOMER.CLV), avg(SNAP_CUSTOMER.P_ALIVE))
                .from(SNAP_CUSTOMER)
                .where(valued(snapshotId, regions))
                .groupBy(SNAP_CUSTOMER.SEGMENT)
                .forEach(r -> rows.put(r.value1(), new SegmentValue(r.value1(), r.value2(), number(r.value3()),
                        number(r.value3()) / r.value2(), r.value4().doubleValue())));
        return rows;
    }

    /** Valued customers per bin of {@code value}, as {@code width_bucket(value, thresholds)} numbers the bins. */
    /** The measures the page draws histograms of. */
    enum Measure {
        CLV(SNAP_CUSTOMER.CLV), P_ALIVE(SNAP_CUSTOMER.P_ALIVE);

        private final Field<Double> field;

        Measure(Field<Double> field) {
            this.field = field;
        }
    }

    long[] histogram(long snapshotId, Set<Short> regions, Measure measure, Double[] thresholds) {
        Field<Double> value = measure.field;
        long[] counts = new long[thresholds.length + 1];
        Field<Integer> bin = field("width_bucket({0}, {1})", Integer.class, value,
                inline(thresholds, SQLDataType.DOUBLE.array()));
        db.select(bin, count()).from(SNAP_CUSTOMER).where(valued(snapshotId, regions)).groupBy(bin)
                .forEach(r -> counts[r.value1()] += r.value2());
        return counts;
    }

    /**
     * The holdout check's inputs from the warehouse as the refresh derives them (purchase days: days with an invoice
     * that has purchase lines), for the customers in scope whose first purchase is on or before the calibration end.
     */
    List<HoldoutInput> holdoutInputs(LocalDate calibrationEnd, Set<Short> regions) {
        int end = dateKey(calibrationEnd);
        Condition filter = regions.isEmpty() ? noCondition() : FACT_INVOICE.REGION_ID.in(regions);
        return db.resultQuery("""
                SELECT frequency, first_key, last_key, count(*), sum(holdout)
                FROM (SELECT customer_id, min(date_key) AS first_key,
                             max(date_key) FILTER (WHERE date_key <= {0}) AS last_key,
                             count(*) FILTER (WHERE date_key <= {0}) - 1 AS frequency,
                             count(*) FILTER (WHERE date_key > {0}) AS holdout
                      FROM (SELECT customer_id, date_key FROM fact_invoice
                            WHERE customer_id IS NOT NULL AND purchase_lines > 0 AND {1}
                            GROUP BY customer_id, date_key) AS purchase_days
                      GROUP BY customer_id
                      HAVING min(date_key) <= {0}) AS customers
                GROUP BY frequency, first_key, last_key""", inline(end), filter)
                .fetch(r -> new HoldoutInput(r.get(0, Integer.class), date(r.get(1, Integer.class)),
                        date(r.get(2, Integer.class)), r.get(3, Long.class), r.get(4, Long.class)));
    }

    /**
     * The holdout check's sums the refresh stored for the snapshot (V38), over the scope's regions narrowed by the
     * filter; empty when the snapshot has none in the scope (then the check is recomputed from the warehouse).
     */
    Optional<HoldoutCheck.Sums> storedHoldout(long snapshotId, Set<Short> regions) {
        if (!db.fetchExists(SNAP_HOLDOUT_GROUP, SNAP_HOLDOUT_GROUP.SNAPSHOT_ID.eq(snapshotId))) {
            return Optional.empty();
        }
        HoldoutCheck.Sums sums = HoldoutCheck.Sums.empty();
        db.select(SNAP_HOLDOUT_GROUP.CALIBRATION_FREQUENCY, sum(SNAP_HOLDOUT_GROUP.CUSTOMERS),
                        sum(SNAP_HOLDOUT_GROUP.HOLDOUT_PURCHASES), sum(SNAP_HOLDOUT_GROUP.PREDICTED))
                .from(SNAP_HOLDOUT_GROUP)
                .where(SNAP_HOLDOUT_GROUP.SNAPSHOT_ID.eq(snapshotId),
                        regions.isEmpty() ? noCondition() : SNAP_HOLDOUT_GROUP.REGION_ID.in(regions))
                .groupBy(SNAP_HOLDOUT_GROUP.CALIBRATION_FREQUENCY)
                .forEach(r -> sums.add(r.value1(), r.value2().longValueExact(), r.value3().longValueExact(),
                        r.value4().doubleValue()));
        return Optional.of(sums);
    }

    private SelectLimitStep<? extends Record> customers(Condition members, Field<Double> by) {
        return customers(members, by, false);
    }

    /** The list by {@code by}, largest first, ties by customer id; reversed: the exact reverse of that order. */
    private SelectLimitStep<? extends Record> customers(Condition members, Field<Double> by, boolean reversed) {
        return db.select(SNAP_CUSTOMER.CUSTOMER_ID, DIM_CUSTOMER.NAME, DIM_REGION.NAME, SNAP_CUSTOMER.SEGMENT,
                        SNAP_CUSTOMER.RECENCY_DAYS, SNAP_CUSTOMER.FREQUENCY, SNAP_CUSTOMER.MONETARY,
                        SNAP_CUSTOMER.P_ALIVE, SNAP_CUSTOMER.EXPECTED_PURCHASES, SNAP_CUSTOMER.EXPECTED_AVG_VALUE,
                        SNAP_CUSTOMER.CLV, VALUE_AT_RISK)
                .from(SNAP_CUSTOMER)
                .leftJoin(DIM_CUSTOMER).on(DIM_CUSTOMER.CUSTOMER_ID.eq(SNAP_CUSTOMER.CUSTOMER_ID))
                .join(DIM_REGION).on(DIM_REGION.REGION_ID.eq(SNAP_CUSTOMER.REGION_ID))
                .where(members)
                .orderBy(reversed ? by.asc().nullsLast() : by.desc(),
                        reversed ? SNAP_CUSTOMER.CUSTOMER_ID.desc() : SNAP_CUSTOMER.CUSTOMER_ID.asc());
    }

    private static ClvCustomer toCustomer(Record r) {
        return new ClvCustomer(r.get(SNAP_CUSTOMER.CUSTOMER_ID), r.get(DIM_CUSTOMER.NAME), r.get(DIM_REGION.NAME),
                r.get(SNAP_CUSTOMER.SEGMENT), r.get(SNAP_CUSTOMER.RECENCY_DAYS), r.get(SNAP_CUSTOMER.FREQUENCY),
                r.get(SNAP_CUSTOMER.MONETARY), r.get(SNAP_CUSTOMER.P_ALIVE), r.get(SNAP_CUSTOMER.EXPECTED_PURCHASES),
                r.get(SNAP_CUSTOMER.EXPECTED_AVG_VALUE), r.get(SNAP_CUSTOMER.CLV), r.get(VALUE_AT_RISK));
    }

    private static Condition valued(long snapshotId, Set<Short> regions) {
        return SNAP_CUSTOMER.SNAPSHOT_ID.eq(snapshotId).and(SNAP_CUSTOMER.CLV.isNotNull())
                .and(regions.isEmpty() ? noCondition() : SNAP_CUSTOMER.REGION_ID.in(regions));
    }

    private static Condition atRisk(long snapshotId, ChurnThresholds thresholds, Set<Short> regions) {
        // Inline (validated numbers): the planner can then prove that the default thresholds and any stricter ones
        // imply the predicate of the churn-risk index (V47), which a bind parameter in a generic plan cannot.
        return valued(snapshotId, regions).and(SNAP_CUSTOMER.M_SCORE.ge(inline((short) thresholds.minMScore())))
                .and(SNAP_CUSTOMER.P_ALIVE.lt(inline(thresholds.maxPAlive())));
    }

    private static double number(Number value) {
        return value == null ? 0 : value.doubleValue();
    }

    private static int dateKey(LocalDate date) {
        return date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }

    private static LocalDate date(int dateKey) {
        return LocalDate.of(dateKey / 10_000, dateKey / 100 % 100, dateKey % 100);
    }
}
