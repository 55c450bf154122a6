package com.consumer360.basket;

import static com.consumer360.basket.SnapshotRules.CURRENT;
import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.support.PortalIntegration;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The basket service answers from the current snapshot's rule sets: every list, count and figure is compared with
 * SQL over snap_basket_rule run as the superuser, whom row-level security does not filter.
 */
@PortalIntegration
class BasketServiceTest {

    private static final short OVERALL = 0;
    private static final short NORTH = 1;

    @Autowired
    BasketService basket;

    @Test
    void refusesAnonymousCallers() {
        assertThatThrownBy(() -> basket.ruleSets()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> basket.count(RuleFilter.all(NORTH)))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    @WithUserDetails("north")
    void northGetsTheRulesMinedOnNorthsBasketsInRankOrder() throws SQLException {
        assertThat(basket.ruleSets()).containsExactly(new RuleSetOption(NORTH, "North"));
        List<BasketRule> expected = SnapshotRules.all(NORTH);
        assertThat(expected).as("the demo data gives North rules").hasSizeGreaterThan(20);
        RuleSetInfo info = basket.ruleSet(NORTH).orElseThrow();
        assertThat(info.rules()).isEqualTo(expected.size());
        assertThat(info.baskets()).isEqualTo(superuserLong("SELECT count(*) FROM fact_invoice WHERE region_id = 1 "
                + "AND purchase_lines > 0"));
        assertThat(info.minSupport()).isEqualTo(0.002);
        assertThat(info.minConfidence()).isEqualTo(0.2);
        assertThat(info.maxLength()).isEqualTo(3);
        assertThat(basket.count(RuleFilter.all(NORTH))).isEqualTo(expected.size());
        assertThat(allPages(RuleFilter.all(NORTH), RuleOrder.BY_RANK)).containsExactlyElementsOf(expected);
        assertThat(basket.points(RuleFilter.all(NORTH))).extracting(RulePoint::rank)
                .containsExactlyElementsOf(expected.stream().map(BasketRule::rank).toList());
        assertThat(basket.rule(NORTH, 3)).contains(expected.get(2));
    }

    @Test
    @WithUserDetails("exec")
    void executivesChooseTheOverallRulesOrOneRegionsAndTheFiltersMatchSql() throws SQLException {
        assertThat(basket.ruleSets()).extracting(RuleSetOption::name).containsExactly("All regions (overall)",
                "North", "South", "East", "West", "Central");
        assertThat(basket.ruleSet(OVERALL).orElseThrow().baskets())
                .isEqualTo(superuserLong("SELECT count(*) FROM fact_invoice WHERE purchase_lines > 0"));
        List<BasketRule> all = SnapshotRules.all(OVERALL);
        double support = all.get(all.size() / 3).support();
        String product = mostFrequentItem(all);

        RuleFilter filter = new RuleFilter(OVERALL, support, 0.3, 1.5, null);
        List<BasketRule> expected = SnapshotRules.rules(OVERALL, "support >= ? AND confidence >= 0.3 AND lift >= 1.5",
                "rule_rank", support);
        assertThat(expected).isNotEmpty().hasSizeLessThan(all.size());
        assertThat(basket.count(filter)).isEqualTo(expected.size());
        assertThat(allPages(filter, RuleOrder.BY_RANK)).containsExactlyElementsOf(expected);

        RuleFilter withProduct = RuleFilter.all(OVERALL).withProduct(product);
        List<BasketRule> containing = SnapshotRules.rules(OVERALL,
                "consequent = ? OR ? = ANY (string_to_array(antecedent, ' + '))", "rule_rank", product, product);
        assertThat(containing).isNotEmpty();
        assertThat(basket.count(withProduct)).isEqualTo(containing.size());
        assertThat(allPages(withProduct, RuleOrder.BY_RANK)).containsExactlyElementsOf(containing);

        // Sorting: by count ascending and by conviction descending (∞ first), ties by rank.
        assertThat(allPages(RuleFilter.all(OVERALL), new RuleOrder(RuleOrder.Column.COUNT, false)))
                .containsExactlyElementsOf(SnapshotRules.rules(OVERALL, "true", "rule_count, rule_rank"));
        assertThat(allPages(RuleFilter.all(OVERALL), new RuleOrder(RuleOrder.Column.CONVICTION, true)))
                .containsExactlyElementsOf(SnapshotRules.rules(OVERALL, "true",
                        "conviction DESC NULLS FIRST, rule_rank"));
        assertThat(basket.rules(RuleFilter.all((short) 2), new RuleOrder(RuleOrder.Column.LIFT, false), 0, 5))
                .containsExactlyElementsOf(SnapshotRules.rules((short) 2, "true", "lift, rule_rank LIMIT 5"));
    }

    @Test
    @WithUserDetails("exec")
    void theProductSearchOffersTheItemsOfTheChosenRuleSet() throws SQLException {
        for (short set : List.of(OVERALL, NORTH)) {
            List<String> expected = new ArrayList<>(SnapshotRules.items(SnapshotRules.all(set)));
            assertThat(basket.productCount(set, "")).isEqualTo(expected.size());
            assertThat(basket.products(set, "", 0, 10_000)).containsExactlyInAnyOrderElementsOf(expected);
            String part = expected.getFirst().substring(0, 4).toLowerCase();
            assertThat(basket.products(set, part.toUpperCase(), 0, 10_000)).containsExactlyInAnyOrderElementsOf(
                    expected.stream().filter(item -> item.toLowerCase().contains(part)).toList());
        }
        String some = SnapshotRules.all(NORTH).getFirst().consequent();
        assertThat(basket.hasProduct(NORTH, some)).isTrue();
        assertThat(basket.hasProduct(NORTH, some.substring(0, some.length() - 1))).as("whole names only").isFalse();
    }

    @Test
    @WithUserDetails("north")
    void boughtTogetherListsTheProductsStrongestRulesByLiftAndByConfidence() throws SQLException {
        String product = SnapshotRules.all(NORTH).stream().filter(r -> !r.antecedent().contains(" + "))
                .collect(Collectors.groupingBy(BasketRule::antecedent, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        BoughtTogether together = basket.boughtTogether(NORTH, product, 10);
        assertThat(together.rulesWithProduct()).isEqualTo(superuserLong("SELECT count(*) FROM snap_basket_rule "
                + "WHERE snapshot_id = " + CURRENT + " AND region_id = 1 AND antecedent = ?", product)).isPositive();
        assertThat(together.byLift()).containsExactlyElementsOf(SnapshotRules.rules(NORTH, "antecedent = ?",
                "lift DESC, rule_rank LIMIT 10", product));
        assertThat(together.byConfidence()).containsExactlyElementsOf(SnapshotRules.rules(NORTH, "antecedent = ?",
                "confidence DESC, rule_rank LIMIT 10", product));
        assertThat(basket.boughtTogether(NORTH, "no such product", 10).byLift()).isEmpty();
    }

    @Test
    @WithUserDetails("exec")
    void filtersOutsideTheMinedThresholdsOrWithUnknownProductsAreRefusedWithAMessage() {
        assertThatThrownBy(() -> basket.validate(new RuleFilter(OVERALL, 0.001, null, null, null)))
                .isInstanceOf(InvalidRuleFilterException.class)
                .hasMessage("Minimum support must be between the mined threshold 0.002 and 1; got 0.001.");
        assertThatThrownBy(() -> basket.validate(new RuleFilter(OVERALL, null, 1.5, null, null)))
                .hasMessageStartingWith("Minimum confidence must be between the mined threshold 0.2 and 1");
        assertThatThrownBy(() -> basket.validate(new RuleFilter(OVERALL, null, null, -1.0, null)))
                .hasMessage("Minimum lift must be a number of at least 0.");
        assertThatThrownBy(() -> basket.validate(RuleFilter.all(OVERALL).withProduct("Nothing like this")))
                .hasMessage("No rule of All regions (overall) contains the product \"Nothing like this\".");
        assertThatThrownBy(() -> basket.validate(RuleFilter.all((short) 42)))
                .hasMessage("There are no rules for region 42 that you can see.");
        assertThat(basket.validate(new RuleFilter(OVERALL, 0.002, 0.2, 0.0, null)).rules()).isPositive();
    }

    private List<BasketRule> allPages(RuleFilter filter, RuleOrder order) {
        List<BasketRule> rules = new ArrayList<>();
        for (int offset = 0; ; offset += 50) {
            List<BasketRule> page = basket.rules(filter, order, offset, 50);
            rules.addAll(page);
            if (page.size() < 50) {
                return rules;
            }
        }
    }

    private static String mostFrequentItem(List<BasketRule> rules) {
        return rules.stream().map(BasketRule::consequent)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())).entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        Comparator.reverseOrder()))).orElseThrow().getKey();
    }
}
