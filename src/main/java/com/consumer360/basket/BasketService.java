package com.consumer360.basket;

import com.consumer360.export.ExportFormat;
import com.consumer360.security.Roles;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The current snapshot's association rules in the signed-in user's scope: a regional manager gets the rules mined
 * on their region's baskets, a user who sees every region also the overall rules (region 0). Filters, the product
 * list, "bought together" and the export all read the same scoped rows; the database enforces the scope, a
 * chosen rule set only narrows it. A rule set the user may not see answers exactly as one that does not exist.
 */
@Service
@PreAuthorize(Roles.ANY_PORTAL_ROLE)
@Transactional(readOnly = true)
public class BasketService {

    /** The scatter plots at most this many rules (the first in rank order) of a rule set. */
    public static final int POINT_CAP = 6_000;

    private static final Logger log = LoggerFactory.getLogger(BasketService.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BasketQueries queries;

    BasketService(BasketQueries queries) {
        this.queries = queries;
    }

    /** The rule sets the user can choose, overall first when they may see it; empty before the first refresh. */
    public List<RuleSetOption> ruleSets() {
        Optional<BasketQueries.Snapshot> snapshot = queries.current();
        if (snapshot.isEmpty()) {
            return List.of();
        }
        Map<Short, String> names = queries.regionNames();
        List<RuleSetOption> sets = new ArrayList<>();
        for (short region : queries.ruleSets(snapshot.get().id())) {
            sets.add(new RuleSetOption(region, region == RuleSetOption.OVERALL ? "All regions (overall)"
                    : names.getOrDefault(region, "Region " + region)));
        }
        return sets;
    }

    /** Thresholds, basket count and rule count of a rule set; empty when the user cannot see it. */
    public Optional<RuleSetInfo> ruleSet(short regionId) {
        return queries.currentWithSet(regionId).map(s -> info(s, regionId));
    }

    /** The number of rules that pass the filter. */
    public long count(RuleFilter filter) {
        long start = System.nanoTime();
        long count = visible(filter).map(s -> queries.count(s.id(), filter)).orElse(0L);
        timed("count", start);
        return count;
    }

    /** One page of the rules that pass the filter, in the given order. */
    public List<BasketRule> rules(RuleFilter filter, RuleOrder order, int offset, int limit) {
        long start = System.nanoTime();
        List<BasketRule> page = visible(filter).map(s -> queries.rules(s.id(), filter, order, offset, limit))
                .orElse(List.of());
        timed("rule page", start);
        return page;
    }

    /** A rule by its rank in a rule set. */
    public Optional<BasketRule> rule(short regionId, int rank) {
        return queries.current().flatMap(s -> queries.rule(s.id(), regionId, rank));
    }

    /** The rules that pass the filter as scatter points: all of them, or the first {@link #POINT_CAP} by rank. */
    public List<RulePoint> points(RuleFilter filter) {
        long start = System.nanoTime();
        List<RulePoint> points = visible(filter).map(s -> queries.points(s.id(), filter, POINT_CAP)).orElse(List.of());
        timed("points", start);
        return points;
    }

    /**
     * Products (rule items) of a rule set whose name contains {@code search}, alphabetically: only items that are on
     * a rule the user can see, never the whole catalogue.
     */
    public List<String> products(short regionId, String search, int offset, int limit) {
        long start = System.nanoTime();
        List<String> products = queries.current().map(s -> queries.products(s.id(), regionId, search, offset, limit))
                .orElse(List.of());
        timed("products", start);
        return products;
    }

    /** How many products {@link #products} offers for the search. */
    public long productCount(short regionId, String search) {
        return queries.current().map(s -> queries.productCount(s.id(), regionId, search)).orElse(0L);
    }

    /** Whether the product is on either side of a rule of the set the user can see. */
    public boolean hasProduct(short regionId, String product) {
        return product != null && queries.current().map(s -> queries.hasProduct(s.id(), regionId, product))
                .orElse(false);
    }

    /** The product's strongest rules {product} ⇒ {y}: the top {@code top} by lift and by confidence. */
    public BoughtTogether boughtTogether(short regionId, String product, int top) {
        long start = System.nanoTime();
        BoughtTogether together = queries.current().map(s -> new BoughtTogether(product,
                        queries.countFromProduct(s.id(), regionId, product),
                        queries.fromProduct(s.id(), regionId, product, new RuleOrder(RuleOrder.Column.LIFT, true), top),
                        queries.fromProduct(s.id(), regionId, product,
                                new RuleOrder(RuleOrder.Column.CONFIDENCE, true), top)))
                .orElse(new BoughtTogether(product, 0, List.of(), List.of()));
        timed("bought together", start);
        return together;
    }

    /** Writes every rule that passes the filter, in the given order, as CSV or XLSX. */
    public void exportRules(RuleFilter filter, RuleOrder order, ExportFormat format, OutputStream out) {
        long start = System.nanoTime();
        Optional<BasketQueries.Snapshot> snapshot = queries.currentWithSet(filter.regionId());
        RuleSetInfo info = snapshot.map(s -> info(s, filter.regionId()))
                .orElseThrow(() -> new InvalidRuleFilterException(unknownSet(filter.regionId())));
        check(filter, info);
        format.write(BasketTables.rules(info, sink -> queries.eachRule(snapshot.get().id(), filter, order, sink)), out);
        timed("export", start);
    }

    /**
     * Checks a filter against its rule set: the set must be one the user can see, the minimums within the mined
     * thresholds and 1 (lift: at least 0), and a product one of the set's items.
     *
     * @throws InvalidRuleFilterException with a message for the user
     */
    public RuleSetInfo validate(RuleFilter filter) {
        RuleSetInfo info = ruleSet(filter.regionId())
                .orElseThrow(() -> new InvalidRuleFilterException(unknownSet(filter.regionId())));
        check(filter, info);
        return info;
    }

    private void check(RuleFilter filter, RuleSetInfo info) {
        within("Minimum support", filter.minSupport(), info.minSupport());
        within("Minimum confidence", filter.minConfidence(), info.minConfidence());
        if (filter.minLift() != null && !(filter.minLift() >= 0 && Double.isFinite(filter.minLift()))) {
            throw new InvalidRuleFilterException("Minimum lift must be a number of at least 0.");
        }
        if (filter.product() != null && !hasProduct(filter.regionId(), filter.product())) {
            throw new InvalidRuleFilterException("No rule of " + info.set().name() + " contains the product \""
                    + filter.product() + "\".");
        }
    }

    private static void within(String what, Double value, double mined) {
        if (value != null && !(value >= mined && value <= 1)) {
            throw new InvalidRuleFilterException(what + " must be between the mined threshold " + mined
                    + " and 1; got " + value + ".");
        }
    }

    private static String unknownSet(short regionId) {
        return "There are no rules for region " + regionId + " that you can see.";
    }

    /** The snapshot, when the filter's rule set is one the user can see. */
    private Optional<BasketQueries.Snapshot> visible(RuleFilter filter) {
        return queries.currentWithSet(filter.regionId());
    }

    /** The facts of a rule set the user can see (the snapshot comes from {@link BasketQueries#currentWithSet}). */
    private RuleSetInfo info(BasketQueries.Snapshot snapshot, short regionId) {
        String name = regionId == RuleSetOption.OVERALL ? "All regions (overall)"
                : queries.regionNames().getOrDefault(regionId, "Region " + regionId);
        JsonNode rules = JSON.readTree(snapshot.modelJson()).path("basket_rules");
        JsonNode counts = regionId == RuleSetOption.OVERALL ? rules.path("overall")
                : rules.path("by_region").path(String.valueOf(regionId));
        return new RuleSetInfo(snapshot.asOf(), new RuleSetOption(regionId, name),
                rules.path("min_support").asDouble(), rules.path("min_confidence").asDouble(),
                rules.path("max_length").asInt(), counts.path("baskets").asLong(),
                counts.path("frequent_itemsets").asLong(), counts.path("rules").asLong());
    }

    private static void timed(String what, long start) {
        log.debug("{} in {} ms", what, (System.nanoTime() - start) / 1_000_000);
    }
}
