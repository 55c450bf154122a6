package com.consumer360.rfm;

import static com.consumer360.jooq.Tables.DIM_CUSTOMER;
import static com.consumer360.jooq.Tables.DIM_PRODUCT;
import static com.consumer360.jooq.Tables.FACT_SALES;
import static com.consumer360.jooq.Tables.SNAP_CUSTOMER;
import static com.consumer360.jooq.Tables.SNAP_SEGMENT_PRODUCT_TOTALS;
import static com.consumer360.jooq.Tables.SNAP_SEGMENT_SUMMARY;
import static org.jooq.impl.DSL.inline;
import static com.consumer360.rfm.RfmQueries.regionFilter;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.table;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * A segment's profile within the connection's scope: score distributions, countries and products. Row-level
 * security filters snap_customer, dim_customer, fact_sales and
 * snap_segment_product_totals; dim_product holds no customer data.
 */
@Component
class ProfileQueries {

    /** The products of a segment-and-region row of snap_segment_product_totals, one row per product. */
    private static final Table<?> ITEMS = table("unnest({0}, {1}, {2}, {3}) AS item(product_id, units, cents, buyers)",
            SNAP_SEGMENT_PRODUCT_TOTALS.PRODUCT_IDS, SNAP_SEGMENT_PRODUCT_TOTALS.UNITS,
            SNAP_SEGMENT_PRODUCT_TOTALS.REVENUE_CENTS, SNAP_SEGMENT_PRODUCT_TOTALS.BUYERS);
    private static final Field<Integer> ITEM_PRODUCT = field(name("item", "product_id"), Integer.class);
    private static final Field<Long> ITEM_UNITS = field(name("item", "units"), Long.class);
    private static final Field<Long> ITEM_CENTS = field(name("item", "cents"), Long.class);
    private static final Field<Integer> ITEM_BUYERS = field(name("item", "buyers"), Integer.class);

    private final DSLContext db;

    ProfileQueries(DSLContext db) {
        this.db = db;
    }

    enum Score { R, F, M }

    /** Customers of a segment per value 1..5 of one score. */
    List<Long> scoreDistribution(long snapshotId, String segment, Set<Short> regions, Score which) {
        Field<Short> score = switch (which) {
            case R -> SNAP_CUSTOMER.R_SCORE;
            case F -> SNAP_CUSTOMER.F_SCORE;
            case M -> SNAP_CUSTOMER.M_SCORE;
        };
        Long[] counts = {0L, 0L, 0L, 0L, 0L};
        db.select(score, count())
                .from(SNAP_CUSTOMER)
                .where(SNAP_CUSTOMER.SNAPSHOT_ID.eq(snapshotId), SNAP_CUSTOMER.SEGMENT.eq(segment),
                        regionFilter(SNAP_CUSTOMER.REGION_ID, regions))
                .groupBy(score)
                .forEach(r -> counts[r.value1() - 1] = (long) r.value2());
        return List.of(counts);
    }

    /** The countries of a row of snap_segment_summary, one row per country. */
    private static final Table<?> COUNTRIES = table("unnest({0}, {1}) AS place(country, customers)",
            SNAP_SEGMENT_SUMMARY.COUNTRIES, SNAP_SEGMENT_SUMMARY.COUNTRY_CUSTOMERS);
    private static final Field<String> PLACE_COUNTRY = field(name("place", "country"), String.class);
    private static final Field<Integer> PLACE_CUSTOMERS = field(name("place", "customers"), Integer.class);

    /** The score spreads and countries the refresh stored with the segment summary (V39). */
    record Stored(List<Long> r, List<Long> f, List<Long> m, List<SegmentProfile.CountryCount> countries) {
    }

    /**
     * The segment's score spreads and most common countries from its summary rows (V39), summed over the scope's
     * regions narrowed by the filter; empty when a row lacks them (written before V39) or the scope has none.
     */
    Optional<Stored> stored(long snapshotId, String segment, Set<Short> regions, int limit) {
        var rows = SNAP_SEGMENT_SUMMARY.SNAPSHOT_ID.eq(snapshotId).and(SNAP_SEGMENT_SUMMARY.SEGMENT.eq(segment))
                .and(regionFilter(SNAP_SEGMENT_SUMMARY.REGION_ID, regions));
        if (!db.fetchExists(SNAP_SEGMENT_SUMMARY, rows)
                || db.fetchExists(SNAP_SEGMENT_SUMMARY, rows.and(SNAP_SEGMENT_SUMMARY.R_SCORES.isNull()))) {
            return Optional.empty();
        }
        List<Field<?>> fields = new java.util.ArrayList<>();
        for (Field<Integer[]> scores : List.of(SNAP_SEGMENT_SUMMARY.R_SCORES, SNAP_SEGMENT_SUMMARY.F_SCORES,
                SNAP_SEGMENT_SUMMARY.M_SCORES)) {
            for (int s = 1; s <= 5; s++) {
                fields.add(sum(field("{0}[{1}]", Integer.class, scores, inline(s))));
            }
        }
        var r = db.select(fields).from(SNAP_SEGMENT_SUMMARY).where(rows).fetchSingle();
        List<List<Long>> spreads = new java.util.ArrayList<>();
        for (int k = 0; k < 3; k++) {
            List<Long> counts = new java.util.ArrayList<>();
            for (int s = 0; s < 5; s++) {
                counts.add(((Number) r.get(k * 5 + s)).longValue());
            }
            spreads.add(List.copyOf(counts));
        }
        Field<BigDecimal> customers = sum(PLACE_CUSTOMERS);
        List<SegmentProfile.CountryCount> countries = db.select(PLACE_COUNTRY, customers)
                .from(SNAP_SEGMENT_SUMMARY, COUNTRIES).where(rows)
                .groupBy(PLACE_COUNTRY).orderBy(customers.desc(), PLACE_COUNTRY).limit(limit)
                .fetch(c -> new SegmentProfile.CountryCount(c.value1(), c.value2().longValue()));
        return Optional.of(new Stored(spreads.get(0), spreads.get(1), spreads.get(2), countries));
    }

    /** The segment's most common customer countries, most customers first. */
    List<SegmentProfile.CountryCount> topCountries(long snapshotId, String segment, Set<Short> regions, int limit) {
        return db.select(DIM_CUSTOMER.COUNTRY, count())
                .from(SNAP_CUSTOMER)
                .join(DIM_CUSTOMER).on(DIM_CUSTOMER.CUSTOMER_ID.eq(SNAP_CUSTOMER.CUSTOMER_ID))
                .where(SNAP_CUSTOMER.SNAPSHOT_ID.eq(snapshotId), SNAP_CUSTOMER.SEGMENT.eq(segment),
                        regionFilter(SNAP_CUSTOMER.REGION_ID, regions))
                .groupBy(DIM_CUSTOMER.COUNTRY)
                .orderBy(count().desc(), DIM_CUSTOMER.COUNTRY)
                .limit(limit)
                .fetch(r -> new SegmentProfile.CountryCount(r.value1(), r.value2()));
    }

    /**
     * The products with the most net revenue from the segment's customers (all their warehouse lines, returns
     * and cancellations netted), most first; ties by product code. Revenue and units come from the snapshot's
     * per-region product sums (arrays per segment and region, migration V12; sums, so any set of regions adds
     * up), and so do how many of the segment's customers bought each (counted by the refresh, V33; a customer has
     * one region and one segment). For snapshots written before V33 the buyers are counted from the warehouse for
     * these few products only (fact_sales_product_idx).
     */
    List<SegmentProfile.ProductRevenue> topProducts(long snapshotId, String segment, Set<Short> regions, int limit) {
        boolean counted = !db.fetchExists(SNAP_SEGMENT_PRODUCT_TOTALS,
                SNAP_SEGMENT_PRODUCT_TOTALS.SNAPSHOT_ID.eq(snapshotId), SNAP_SEGMENT_PRODUCT_TOTALS.SEGMENT.eq(segment),
                regionFilter(SNAP_SEGMENT_PRODUCT_TOTALS.REGION_ID, regions),
                SNAP_SEGMENT_PRODUCT_TOTALS.BUYERS.isNull());
        var sums = db.select(ITEM_PRODUCT, sum(ITEM_UNITS).as(ITEM_UNITS), sum(ITEM_CENTS).as(ITEM_CENTS),
                        sum(ITEM_BUYERS).as(ITEM_BUYERS))
                .from(SNAP_SEGMENT_PRODUCT_TOTALS, ITEMS)
                .where(SNAP_SEGMENT_PRODUCT_TOTALS.SNAPSHOT_ID.eq(snapshotId),
                        SNAP_SEGMENT_PRODUCT_TOTALS.SEGMENT.eq(segment),
                        regionFilter(SNAP_SEGMENT_PRODUCT_TOTALS.REGION_ID, regions))
                .groupBy(ITEM_PRODUCT)
                .asTable("sums");
        Field<BigDecimal> units = sums.field(ITEM_UNITS.getName(), BigDecimal.class);
        Field<BigDecimal> cents = sums.field(ITEM_CENTS.getName(), BigDecimal.class);
        Field<BigDecimal> buyersSum = sums.field(ITEM_BUYERS.getName(), BigDecimal.class);
        var top = db.select(DIM_PRODUCT.PRODUCT_ID, DIM_PRODUCT.PRODUCT_CODE, DIM_PRODUCT.DESCRIPTION, units, cents,
                        buyersSum)
                .from(sums)
                .join(DIM_PRODUCT).on(DIM_PRODUCT.PRODUCT_ID.eq(sums.field(ITEM_PRODUCT.getName(), Integer.class)))
                .orderBy(cents.desc(), DIM_PRODUCT.PRODUCT_CODE)
                .limit(limit)
                .fetch();
        if (top.isEmpty()) {
            return List.of();
        }
        if (counted) {
            return top.map(r -> new SegmentProfile.ProductRevenue(r.value2(), r.value3(), r.value6().intValueExact(),
                    r.value4().longValueExact(), r.value5().movePointLeft(2)));
        }
        Map<Integer, Integer> buyers = db.select(FACT_SALES.PRODUCT_ID, countDistinct(FACT_SALES.CUSTOMER_ID))
                .from(FACT_SALES)
                .join(SNAP_CUSTOMER).on(SNAP_CUSTOMER.SNAPSHOT_ID.eq(snapshotId),
                        SNAP_CUSTOMER.CUSTOMER_ID.eq(FACT_SALES.CUSTOMER_ID))
                .where(FACT_SALES.PRODUCT_ID.in(top.map(r -> r.value1())), SNAP_CUSTOMER.SEGMENT.eq(segment),
                        regionFilter(SNAP_CUSTOMER.REGION_ID, regions))
                .groupBy(FACT_SALES.PRODUCT_ID)
                .fetchMap(r -> r.value1(), r -> r.value2());
        return top.map(r -> new SegmentProfile.ProductRevenue(r.value2(), r.value3(),
                buyers.getOrDefault(r.value1(), 0), r.value4().longValueExact(), r.value5().movePointLeft(2)));
    }
}
