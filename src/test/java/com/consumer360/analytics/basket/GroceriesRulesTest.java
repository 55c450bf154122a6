package com.consumer360.analytics.basket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reproduces the published arules results on Groceries (Hahsler, Hornik and Reutterer 2006). */
class GroceriesRulesTest {

    /** arules' apriori default maxlen is 10; no Groceries basket reaches that many frequent items together. */
    private static final MiningParameters ARULES = MiningParameters.of(0.001, 0.5, 10);

    private static Baskets groceries;

    @BeforeAll
    static void load() {
        groceries = Groceries.load();
    }

    @Test
    void datasetHasThePublishedShape() {
        assertThat(groceries.size()).isEqualTo(9835);
        assertThat(groceries.itemLabels()).hasSize(169);
    }

    @Test
    void supportOneInAThousandAndConfidenceOneHalfGive5668Rules() {
        BasketRules result = new BasketMiner(ARULES).rules(groceries);

        assertThat(result.rules()).hasSize(5668);
        assertThat(result.baskets()).isEqualTo(9835);
        assertThat(result.rules()).allSatisfy(rule -> {
            assertThat(rule.count()).isGreaterThanOrEqualTo(10);
            assertThat(rule.confidence()).isGreaterThanOrEqualTo(0.5);
            assertThat(rule.antecedent()).isNotEmpty();
        });
    }

    @Test
    void topRuleByLiftIsInstantFoodAndSodaImplyHamburgerMeat() {
        AssociationRule top = new BasketMiner(ARULES).rules(groceries).rules().getFirst();

        assertThat(top.antecedent()).containsExactly("Instant food products", "soda");
        assertThat(top.consequent()).isEqualTo("hamburger meat");
        assertThat(top.count()).isEqualTo(12);
        assertThat(top.support()).isCloseTo(0.001220, within(0.0000005));
        assertThat(top.confidence()).isCloseTo(0.6316, within(0.00005));
        assertThat(top.lift()).isCloseTo(18.996, within(0.0005));
    }

    @Test
    void rulesAreOrderedByLiftThenSupport() {
        List<AssociationRule> rules = new BasketMiner(ARULES).rules(groceries).rules();

        assertThat(rules).isSortedAccordingTo(RuleGenerator.ORDER);
        for (int i = 1; i < rules.size(); i++) {
            assertThat(rules.get(i).lift()).isLessThanOrEqualTo(rules.get(i - 1).lift());
        }
    }

    @Test
    void maxLengthBoundsTheRules() {
        BasketRules pairs = new BasketMiner(MiningParameters.of(0.001, 0.5, 2)).rules(groceries);

        assertThat(pairs.rules()).isNotEmpty().allSatisfy(rule -> assertThat(rule.antecedent()).hasSize(1));
        assertThat(pairs.rules().size()).isLessThan(5668);
    }
}
