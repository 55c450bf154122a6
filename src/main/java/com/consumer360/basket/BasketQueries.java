package com.consumer360.basket;

import static com.consumer360.jooq.Tables.DIM_REGION;
import static com.consumer360.jooq.Tables.SNAPSHOT;
import static com.consumer360.jooq.Tables.SNAP_BASKET_RULE;
import static com.consumer360.jooq.Tables.SNAP_BASKET_RULE_SET;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.val;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.springframework.stereotype.Component;

/**
 * Reads the current snapshot's rule sets through the view snap_basket_rule. No query names the user's regions:
 * row-level security on snap_basket_rule_set keeps each region's rules to its scope and the overall rules (region
 * 0) to a scope covering every region. The chosen rule set only narrows within that.
 */
@Component
class BasketQueries {

    /** The current snapshot: id, as-of date and the model summary that holds the mining thresholds. */
    record Snapshot(long id, LocalDate asOf, String modelJson) {
    }

    private final DSLContext db;

    BasketQueries(DSLContext db) {
        this.db = db;
    }

    Optional<Snapshot> current() {
        return db.select(SNAPSHOT.SNAPSHOT_ID, SNAPSHOT.AS_OF_DATE, SNAPSHOT.MODEL_JSON).from(SNAPSHOT)
                .where(SNAPSHOT.IS_CURRENT)
                .fetchOptional(r -> new Snapshot(r.value1(), r.value2(), r.value3()));
    }

    /** The current snapshot, when this connection may see its rule set of {@code regionId}: one query. */
    Optional<Snapshot> currentWithSet(short regionId) {
        return db.select(SNAPSHOT.SNAPSHOT_ID, SNAPSHOT.AS_OF_DATE, SNAPSHOT.MODEL_JSON).from(SNAPSHOT)
                .join(SNAP_BASKET_RULE_SET).on(SNAP_BASKET_RULE_SET.SNAPSHOT_ID.eq(SNAPSHOT.SNAPSHOT_ID),
                        SNAP_BASKET_RULE_SET.REGION_ID.eq(regionId))
                .where(SNAPSHOT.IS_CURRENT)
                .fetchOptional(r -> new Snapshot(r.value1(), r.value2(), r.value3()));
    }

    /** The rule sets of the snapshot this connection may see, region 0 (overall) first. */
    List<Short> ruleSets(long snapshotId) {
        return db.select(SNAP_BASKET_RULE_SET.REGION_ID).from(SNAP_BASKET_RULE_SET)
                .where(SNAP_BASKET_RULE_SET.SNAPSHOT_ID.eq(snapshotId))
                .orderBy(SNAP_BASKET_RULE_SET.REGION_ID).fetch(r -> r.value1());
    }

    /** Region names; dim_region is reference data (not row-filtered), only names of visible sets are shown. */
    Map<Short, String> regionNames() {
        return db.select(DIM_REGION.REGION_ID, DIM_REGION.NAME).from(DIM_REGION).fetchMap(r -> r.value1(), r -> r.value2());
    }

    long count(long snapshotId, RuleFilter filter) {
        return db.selectCount().from(SNAP_BASKET_RULE).where(matching(snapshotId, filter)).fetchOne(0, Long.class);
    }

    List<BasketRule> rules(long snapshotId, RuleFilter filter, RuleOrder order, int offset, int limit) {
        return db.select(SNAP_BASKET_RULE.fields()).from(SNAP_BASKET_RULE).where(matching(snapshotId, filter))
                .orderBy(sort(order)).offset(offset).limit(limit).fetch(BasketQueries::rule);
    }

    /** Streams every matching rule in the given order to {@code sink}. */
    void eachRule(long snapshotId, RuleFilter filter, RuleOrder order, Consumer<BasketRule> sink) {
        try (var cursor = db.select(SNAP_BASKET_RULE.fields()).from(SNAP_BASKET_RULE)
                .where(matching(snapshotId, filter)).orderBy(sort(order)).fetchSize(2_000).fetchLazy()) {
            cursor.forEach(r -> sink.accept(rule(r)));
        }
    }

    Optional<BasketRule> rule(long snapshotId, short regionId, int rank) {
        return db.select(SNAP_BASKET_RULE.fields()).from(SNAP_BASKET_RULE)
                .where(SNAP_BASKET_RULE.SNAPSHOT_ID.eq(snapshotId), SNAP_BASKET_RULE.REGION_ID.eq(regionId),
                        SNAP_BASKET_RULE.RULE_RANK.eq(rank))
                .fetchOptional(BasketQueries::rule);
    }

    /** The first {@code limit} matching rules in rank order, as points of the scatter. */
    List<RulePoint> points(long snapshotId, RuleFilter filter, int limit) {
        return db.select(SNAP_BASKET_RULE.RULE_RANK, SNAP_BASKET_RULE.SUPPORT, SNAP_BASKET_RULE.CONFIDENCE,
                        SNAP_BASKET_RULE.LIFT)
                .from(SNAP_BASKET_RULE).where(matching(snapshotId, filter))
                .orderBy(SNAP_BASKET_RULE.RULE_RANK).limit(limit)
                .fetch(r -> new RulePoint(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** The rules {product} ⇒ {y}: the product alone on the left-hand side. */
    List<BasketRule> fromProduct(long snapshotId, short regionId, String product, RuleOrder order, int limit) {
        return db.select(SNAP_BASKET_RULE.fields()).from(SNAP_BASKET_RULE)
                .where(SNAP_BASKET_RULE.SNAPSHOT_ID.eq(snapshotId), SNAP_BASKET_RULE.REGION_ID.eq(regionId),
                        SNAP_BASKET_RULE.ANTECEDENT.eq(product))
                .orderBy(sort(order)).limit(limit).fetch(BasketQueries::rule);
    }

    long countFromProduct(long snapshotId, short regionId, String product) {
        return db.selectCount().from(SNAP_BASKET_RULE)
                .where(SNAP_BASKET_RULE.SNAPSHOT_ID.eq(snapshotId), SNAP_BASKET_RULE.REGION_ID.eq(regionId),
                        SNAP_BASKET_RULE.ANTECEDENT.eq(product)).fetchOne(0, Long.class);
    }

    /**
     * The items (product descriptions) on either side of the rule set's rules whose name contains {@code search}
     * (case-insensitive; null or blank: all), alphabetically. Read from the rules themselves, so a product that
     * is in no visible rule is never offered.
     */
    List<String> products(long snapshotId, short regionId, String search, int offset, int limit) {
        return db.resultQuery("SELECT item FROM (" + ITEMS + ") items WHERE {2} ORDER BY lower(item), item "
                        + "OFFSET {3} LIMIT {4}", val(snapshotId), val(regionId), contains(search), val(offset),
                        val(limit))
                .fetch(r -> r.get(0, String.class));
    }

    long productCount(long snapshotId, short regionId, String search) {
        return db.resultQuery("SELECT count(*) FROM (" + ITEMS + ") items WHERE {2}", val(snapshotId), val(regionId),
                contains(search)).fetchOne(0, Long.class);
    }

    /** Whether the item is on either side of a rule of the set. */
    boolean hasProduct(long snapshotId, short regionId, String product) {
        return db.fetchExists(db.selectOne().from(SNAP_BASKET_RULE)
                .where(SNAP_BASKET_RULE.SNAPSHOT_ID.eq(snapshotId), SNAP_BASKET_RULE.REGION_ID.eq(regionId),
                        containsItem(product)));
    }

    /**
     * Distinct items of one rule set ({0} = snapshot, {1} = region): every consequent and every item of every
     * antecedent (split at " + ", the separator the refresh joins them with).
     */
    private static final String ITEMS = "SELECT unnest(consequents) AS item FROM snap_basket_rule_set "
            + "WHERE snapshot_id = {0} AND region_id = {1} "
            + "UNION SELECT unnest(string_to_array(a, ' + ')) FROM snap_basket_rule_set s, unnest(s.antecedents) a "
            + "WHERE s.snapshot_id = {0} AND s.region_id = {1}";

    private static Condition contains(String search) {
        return search == null || search.isBlank() ? noCondition()
                : field("strpos(lower(item), lower({0}))", Integer.class, val(search.strip())).gt(0);
    }

    private static Condition matching(long snapshotId, RuleFilter filter) {
        Condition condition = SNAP_BASKET_RULE.SNAPSHOT_ID.eq(snapshotId).and(SNAP_BASKET_RULE.REGION_ID.eq(filter.regionId()));
        if (filter.minSupport() != null) {
            condition = condition.and(SNAP_BASKET_RULE.SUPPORT.ge(filter.minSupport()));
        }
        if (filter.minConfidence() != null) {
            condition = condition.and(SNAP_BASKET_RULE.CONFIDENCE.ge(filter.minConfidence()));
        }
        if (filter.minLift() != null) {
            condition = condition.and(SNAP_BASKET_RULE.LIFT.ge(filter.minLift()));
        }
        if (filter.product() != null) {
            condition = condition.and(containsItem(filter.product()));
        }
        return condition;
    }

    /** The item is the consequent or one of the antecedent's items (whole labels, not substrings). */
    private static Condition containsItem(String product) {
        Field<String> separator = inline(BasketRule.ITEM_SEPARATOR);
        return SNAP_BASKET_RULE.CONSEQUENT.eq(product).or(field("strpos({0} || {1} || {0}, {0} || {2} || {0})",
                Integer.class, separator, SNAP_BASKET_RULE.ANTECEDENT, val(product)).gt(0));
    }

    /** Conviction NULL is infinite: the largest value in either direction. Ties by rank. */
    private static List<SortField<?>> sort(RuleOrder order) {
        Field<? extends Comparable<?>> column = switch (order.column()) {
            case RANK -> SNAP_BASKET_RULE.RULE_RANK;
            case SUPPORT -> SNAP_BASKET_RULE.SUPPORT;
            case CONFIDENCE -> SNAP_BASKET_RULE.CONFIDENCE;
            case LIFT -> SNAP_BASKET_RULE.LIFT;
            case LEVERAGE -> SNAP_BASKET_RULE.LEVERAGE;
            case CONVICTION -> SNAP_BASKET_RULE.CONVICTION;
            case COUNT -> SNAP_BASKET_RULE.RULE_COUNT;
        };
        SortField<?> first = order.descending() ? column.desc().nullsFirst() : column.asc().nullsLast();
        return order.column() == RuleOrder.Column.RANK ? List.of(first) : List.of(first, SNAP_BASKET_RULE.RULE_RANK.asc());
    }

    private static BasketRule rule(Record r) {
        return new BasketRule(r.get(SNAP_BASKET_RULE.RULE_RANK), r.get(SNAP_BASKET_RULE.ANTECEDENT),
                r.get(SNAP_BASKET_RULE.CONSEQUENT), r.get(SNAP_BASKET_RULE.SUPPORT), r.get(SNAP_BASKET_RULE.CONFIDENCE),
                r.get(SNAP_BASKET_RULE.LIFT), r.get(SNAP_BASKET_RULE.LEVERAGE), r.get(SNAP_BASKET_RULE.CONVICTION),
                r.get(SNAP_BASKET_RULE.RULE_COUNT));
    }
}
