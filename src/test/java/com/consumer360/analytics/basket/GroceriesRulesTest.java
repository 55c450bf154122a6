package com.consumer360.analytics.basket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * Other published runs on the same data: Lantz, Machine Learning with R (Packt 2013, ch. 8), apriori with
     * support 0.006, confidence 0.25, minlen 2: 463 rules, {herbs} ⇒ {root vegetables} first by lift (3.956); and
     * the often reproduced support 0.001, confidence 0.8 run: 410 rules, {liquor, red/blush wine} ⇒ {bottled beer}
     * first by lift (11.235).
     */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "0.006; 0.25; 463; herbs; root vegetables; 3.956",
        "0.001; 0.8; 410; liquor|red/blush wine; bottled beer; 11.235"})
    void otherPublishedRunsAreReproduced(double support, double confidence, int rules, String antecedent,
            String consequent, double lift) {
        List<AssociationRule> mined = new BasketMiner(MiningParameters.of(support, confidence, 10))
                .rules(groceries).rules();

        assertThat(mined).hasSize(rules);
        assertThat(mined.getFirst().antecedent()).containsExactly(antecedent.split("\\|"));
        assertThat(mined.getFirst().consequent()).isEqualTo(consequent);
        assertThat(mined.getFirst().lift()).isCloseTo(lift, within(0.0005));
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
