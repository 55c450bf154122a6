package com.consumer360.basket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.export.ExportFormat;
import com.consumer360.support.PortalIntegration;
import com.consumer360.support.Spreadsheets;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * A regional manager's rules, exports, product search and rule-set list hold nothing of another region's rules or
 * of the overall rules: compared with the superuser's view of every rule set. Asking for another set by its id
 * gives nothing, exactly as a set that does not exist.
 */
@PortalIntegration
class BasketScopeTest {

    private static final short NORTH = 1;

    @Autowired
    BasketService basket;

    @Test
    @WithUserDetails("north")
    void northSeesNothingOfTheOverallOrAnotherRegionsRulesEvenWhenAskingForThem() throws SQLException {
        List<Short> others = SnapshotRules.sets().stream().filter(set -> set != NORTH).toList();
        assertThat(others).contains((short) 0, (short) 2, (short) 3, (short) 4, (short) 5);
        assertThat(basket.ruleSets()).extracting(RuleSetOption::regionId).containsExactly(NORTH);
        for (short set : others) {
            RuleFilter filter = RuleFilter.all(set);
            assertThat(SnapshotRules.all(set)).as("set %d has rules", set).isNotEmpty();
            assertThat(basket.ruleSet(set)).as("set %d", set).isEmpty();
            assertThat(basket.count(filter)).isZero();
            assertThat(basket.rules(filter, RuleOrder.BY_RANK, 0, 100)).isEmpty();
            assertThat(basket.points(filter)).isEmpty();
            assertThat(basket.rule(set, 1)).isEmpty();
            assertThat(basket.products(set, "", 0, 1_000)).isEmpty();
            assertThat(basket.productCount(set, "")).isZero();
            String item = SnapshotRules.all(set).getFirst().consequent();
            assertThat(basket.hasProduct(set, item)).isFalse();
            assertThat(basket.boughtTogether(set, SnapshotRules.all(set).getFirst().antecedent(), 10).byLift()).isEmpty();
            assertThatThrownBy(() -> basket.validate(filter)).isInstanceOf(InvalidRuleFilterException.class);
            assertThatThrownBy(() -> basket.exportRules(filter, RuleOrder.BY_RANK, ExportFormat.CSV,
                    new ByteArrayOutputStream())).isInstanceOf(InvalidRuleFilterException.class);
        }
    }

    @Test
    @WithUserDetails("north")
    void northsExportsAndProductListHoldExactlyNorthsRules() throws Exception {
        List<BasketRule> north = SnapshotRules.all(NORTH);
        Set<String> northItems = SnapshotRules.items(north);
        Set<String> elsewhereOnly = new HashSet<>();
        for (short set : SnapshotRules.sets()) {
            if (set != NORTH) {
                elsewhereOnly.addAll(SnapshotRules.items(SnapshotRules.all(set)));
            }
        }
        elsewhereOnly.removeAll(northItems);
        assertThat(elsewhereOnly).as("products in other sets' rules only").isNotEmpty();

        List<String> offered = basket.products(NORTH, "", 0, 100_000);
        assertThat(offered).containsExactlyInAnyOrderElementsOf(northItems).doesNotContainAnyElementsOf(elsewhereOnly);

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        basket.exportRules(RuleFilter.all(NORTH), RuleOrder.BY_RANK, ExportFormat.CSV, csv);
        List<String> lines = csv.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst()).isEqualTo("rank,antecedent,consequent,support,confidence,lift,leverage,"
                + "conviction,count,rule_set,baskets,min_support,min_confidence,max_length,as_of");
        assertThat(lines).hasSize(north.size() + 1);
        for (int i = 0; i < north.size(); i++) {
            BasketRule rule = north.get(i);
            assertThat(lines.get(i + 1)).startsWith(rule.rank() + "," + csvField(rule.antecedent()) + ","
                    + csvField(rule.consequent()) + ",");
            assertThat(lines.get(i + 1)).contains(",North," + basket.ruleSet(NORTH).orElseThrow().baskets() + ",");
        }
        for (String item : elsewhereOnly) {
            assertThat(csv.toString(StandardCharsets.UTF_8)).doesNotContain(item);
        }

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        basket.exportRules(RuleFilter.all(NORTH), RuleOrder.BY_RANK, ExportFormat.XLSX, xlsx);
        List<List<Object>> rows = Spreadsheets.rows(xlsx.toByteArray());
        assertThat(rows).hasSize(north.size() + 1);
        assertThat(rows.stream().skip(1).map(r -> ((Double) r.get(0)).intValue()).toList())
                .containsExactlyElementsOf(north.stream().map(BasketRule::rank).toList());
        assertThat(rows.stream().skip(1).map(r -> (Double) r.get(5)).toList())
                .containsExactlyElementsOf(north.stream().map(BasketRule::lift).toList());
        // Fractions with every digit, as arules writes them, though the page shows percentages.
        assertThat(rows.stream().skip(1).map(r -> (Double) r.get(3)).toList())
                .containsExactlyElementsOf(north.stream().map(BasketRule::support).toList());
        assertThat(rows.stream().skip(1).map(r -> (Double) r.get(4)).toList())
                .containsExactlyElementsOf(north.stream().map(BasketRule::confidence).toList());
        assertThat(rows.stream().skip(1).map(r -> r.get(9)).distinct().toList()).containsExactly("North");
    }

    private static String csvField(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
