package com.consumer360.analytics.basket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Thresholds that would explode stop early with advice; awkward inputs are mined like any other. */
class MiningSafetyTest {

    /** 300 baskets of 25 out of 40 items: at a support of two baskets nearly every subset is frequent. */
    private static Baskets dense() {
        Random random = new Random(42);
        int[][] baskets = new int[300][];
        for (int b = 0; b < baskets.length; b++) {
            baskets[b] = random.ints(0, 40).distinct().limit(25).toArray();
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            labels.add("item " + i);
        }
        return Baskets.of(labels, baskets);
    }

    @Test
    void explodingSupportStopsWithAMessageAndASuggestionThatFits() {
        MiningParameters explosive = MiningParameters.of(0.005, 0.5, 40).withLimits(20_000, 100_000);

        MiningLimitExceededException stopped = catchThrowableOfType(MiningLimitExceededException.class,
                () -> new BasketMiner(explosive).rules(dense()));

        assertThat(stopped.getMessage()).contains("min support 0.005", "more than 20,000 frequent itemsets",
                "Try min support");
        double suggested = stopped.suggestedMinSupport().orElseThrow();
        assertThat(suggested).isGreaterThan(0.005);
        assertThat(stopped.getMessage())
                .contains("Try min support " + MiningParameters.plain(suggested) + " or higher");
        MiningParameters advised = new MiningParameters(suggested, 0.5, 40, 20_000, 100_000);
        assertThat(new BasketMiner(advised).frequentItemsets(dense())).hasSizeLessThanOrEqualTo(20_000);
    }

    @Test
    void explosionUnderTheDefaultLimitsEndsInAnExceptionNotOutOfMemory() {
        assertThatThrownBy(() -> new BasketMiner(MiningParameters.of(0.001, 0.5, 40)).rules(dense()))
                .isInstanceOf(MiningLimitExceededException.class)
                .hasMessageContaining("more than 1,000,000 frequent itemsets");
    }

    @Test
    void tooManyRulesStopWithASuggestedConfidenceThatFits() {
        MiningParameters manyRules = MiningParameters.of(0.2, 0.1, 3).withLimits(100_000, 500);

        MiningLimitExceededException stopped = catchThrowableOfType(MiningLimitExceededException.class,
                () -> new BasketMiner(manyRules).rules(dense()));

        double suggested = stopped.suggestedMinConfidence().orElseThrow();
        assertThat(stopped.getMessage())
                .contains("more than the limit of 500", "try min confidence " + MiningParameters.plain(suggested));
        MiningParameters advised = new MiningParameters(0.2, suggested, 3, 100_000, 500);
        assertThat(new BasketMiner(advised).rules(dense()).rules()).isNotEmpty().hasSizeLessThanOrEqualTo(500);
    }

    @Test
    void labelsWithCommasQuotesAndNonAsciiLettersSurviveUnchanged() {
        List<String> odd = List.of("Brot, dunkel", "\"Süß\" & sauer", "寿司", "crème brûlée\nnew line");
        List<List<String>> baskets = List.of(odd, odd, List.of(odd.get(0), odd.get(2)), List.of(odd.get(3)));

        List<AssociationRule> rules = new BasketMiner(MiningParameters.of(0.5, 0.9, 4))
                .rules(Baskets.ofLabels(baskets)).rules();

        assertThat(rules).isNotEmpty();
        assertThat(rules).flatMap(AssociationRule::antecedent).isSubsetOf(odd);
        assertThat(rules).extracting(AssociationRule::consequent).isSubsetOf(odd)
                .contains("\"Süß\" & sauer");
    }

    @Test
    void anItemTwiceInABasketCountsOnce() {
        Baskets repeated = Baskets.ofLabels(List.of(List.of("tea", "tea", "milk", "tea"), List.of("tea"),
                List.of("milk", "milk")));
        Baskets distinct = Baskets.ofLabels(List.of(List.of("tea", "milk"), List.of("tea"), List.of("milk")));
        BasketMiner miner = new BasketMiner(MiningParameters.of(0.3, 0.1, 3));

        assertThat(miner.rules(repeated)).isEqualTo(miner.rules(distinct));
        assertThat(miner.frequentItemsets(repeated)).contains(new FrequentItemset(List.of("tea"), 2, 2 / 3.0));
    }

    @Test
    void singleItemAndEmptyBasketsGiveItemsetsButNoRulesAndCountInTheDenominator() {
        Baskets singles = Baskets.ofLabels(List.of(List.of("a"), List.of("b"), List.of("a"), List.of()));
        BasketMiner miner = new BasketMiner(MiningParameters.of(0.25, 0, 4));

        assertThat(miner.rules(singles).rules()).isEmpty();
        assertThat(miner.frequentItemsets(singles)).containsExactly(new FrequentItemset(List.of("a"), 2, 0.5),
                new FrequentItemset(List.of("b"), 1, 0.25));
        assertThat(miner.rules(Baskets.ofLabels(List.of())).rules()).isEmpty();
    }

    @Test
    void aRuleThatNeverFailsHasNoConviction() {
        Baskets always = Baskets.ofLabels(List.of(List.of("x", "y"), List.of("x", "y"), List.of("y")));

        AssociationRule xThenY = new BasketMiner(MiningParameters.of(0.5, 1, 2)).rules(always).rules().getFirst();

        assertThat(xThenY.antecedent()).containsExactly("x");
        assertThat(xThenY.confidence()).isEqualTo(1);
        assertThat(xThenY.conviction()).isNull();
    }

    @Test
    void anyMaxLengthIsSafeBecauseItemsetsAreBoundedByTheItems() {
        Baskets small = Baskets.ofLabels(List.of(List.of("a", "b", "c"), List.of("a", "b")));

        BasketRules rules = new BasketMiner(MiningParameters.of(1, 0.5, Integer.MAX_VALUE)).rules(small);

        assertThat(rules.frequentItemsets()).isEqualTo(3);
        assertThat(rules.rules()).hasSize(2);
    }

    @Test
    void itemIdsOutsideTheDictionaryAreRejected() {
        assertThatThrownBy(() -> Baskets.of(List.of("a"), new int[][] {{0, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("item id 1");
    }
}
