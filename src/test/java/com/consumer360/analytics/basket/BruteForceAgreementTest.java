package com.consumer360.analytics.basket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Property: on random small data sets the engine finds exactly the itemsets and rules of exhaustive search. */
class BruteForceAgreementTest {

    /** Labels that would break naive CSV, JSON or string handling. */
    private static final List<String> LABELS = List.of("bread", "butter, salted", "\"quoted\" milk", "Äpfel",
            "café", "寿司", "a", "b", "tea's");

    static Stream<Long> seeds() {
        return IntStream.range(0, 400).mapToObj(i -> 7919L * i + 1);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sameItemsetsAndRulesAsExhaustiveSearch(long seed) {
        Random random = new Random(seed);
        List<List<String>> baskets = randomBaskets(random);
        int n = baskets.size();
        // Half the time the threshold is exactly k / n, to pin down that support ≥ threshold is inclusive.
        double minSupport = random.nextBoolean() ? (1 + random.nextInt(Math.max(1, n / 2))) / (double) n
                : 0.02 + 0.5 * random.nextDouble();
        double minConfidence = random.nextBoolean() ? (1 + random.nextInt(4)) / (double) (1 + random.nextInt(4) + 4)
                : random.nextDouble();
        int maxLength = 1 + random.nextInt(5);
        MiningParameters parameters = MiningParameters.of(minSupport, Math.min(1, minConfidence), maxLength);
        BruteForceMiner oracle = new BruteForceMiner(baskets);
        BasketMiner miner = new BasketMiner(parameters);
        Baskets input = Baskets.ofLabels(baskets);

        Map<Set<String>, Integer> expectedItemsets = oracle.frequentItemsets(minSupport, maxLength);
        Map<Set<String>, Integer> actualItemsets = new HashMap<>();
        miner.frequentItemsets(input).forEach(set -> actualItemsets.put(Set.copyOf(set.items()), set.count()));
        assertThat(actualItemsets).isEqualTo(expectedItemsets);

        BasketRules result = miner.rules(input);
        assertThat(result.frequentItemsets()).isEqualTo(expectedItemsets.size());
        assertThat(result.rules()).isSortedAccordingTo(RuleGenerator.ORDER);
        Map<BruteForceMiner.RuleKey, BruteForceMiner.Measures> expectedRules =
                oracle.rules(minSupport, parameters.minConfidence(), maxLength);
        assertThat(BruteForceMiner.keys(result.rules())).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expectedRules.keySet());
        for (AssociationRule rule : result.rules()) {
            BruteForceMiner.Measures expected =
                    expectedRules.get(new BruteForceMiner.RuleKey(Set.copyOf(rule.antecedent()), rule.consequent()));
            assertThat(rule.count()).isEqualTo(expected.count());
            assertThat(rule.support()).isCloseTo(expected.support(), within(1e-12));
            assertThat(rule.confidence()).isCloseTo(expected.confidence(), within(1e-12));
            assertThat(rule.lift()).isCloseTo(expected.lift(), within(1e-9));
            assertThat(rule.leverage()).isCloseTo(expected.leverage(), within(1e-12));
            if (expected.conviction() == null) {
                assertThat(rule.conviction()).isNull();
            } else {
                assertThat(rule.conviction()).isCloseTo(expected.conviction(), within(1e-9));
            }
        }
    }

    /** Up to 60 baskets of 0 to 7 items from a skewed pick of the labels, duplicates within a basket allowed. */
    private static List<List<String>> randomBaskets(Random random) {
        int items = 2 + random.nextInt(LABELS.size() - 1);
        List<List<String>> baskets = new ArrayList<>();
        for (int b = 1 + random.nextInt(60); b > 0; b--) {
            List<String> basket = new ArrayList<>();
            for (int size = random.nextInt(8); size > 0; size--) {
                // Squaring skews popularity towards the first labels, as in real retail data.
                double u = random.nextDouble();
                basket.add(LABELS.get((int) (u * u * items)));
            }
            baskets.add(basket);
        }
        return baskets;
    }
}
