package com.consumer360.analytics.basket;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.OptionalDouble;

/**
 * Finds a min support that stays within the itemset limit once a run has hit it. The number of frequent itemsets
 * cannot be predicted cheaply, so candidates are tried, doubling the min count each time, with the same limit:
 * every attempt stops as early as the failed run did, and the suggestion is one that was seen to fit.
 */
final class ThresholdAdvisor {

    private ThresholdAdvisor() {
    }

    static MiningLimitExceededException tooManyItemsets(Baskets baskets, MiningParameters parameters) {
        int n = baskets.size();
        String problem = String.format("min support %s (at least %,d of %,d baskets) gives more than %,d frequent "
                + "itemsets, the limit; mining stopped early", MiningParameters.plain(parameters.minSupport()),
                parameters.minCount(n), n, parameters.maxItemsets());
        for (long count = 2L * parameters.minCount(n); ; count *= 2) {
            int tried = (int) Math.min(count, n);
            try {
                int itemsets = FpGrowth.mine(ItemRanking.of(baskets, tried), parameters.maxLength(),
                        parameters.maxItemsets()).size();
                double suggestion = roundUp((double) tried / n);
                return new MiningLimitExceededException(String.format("%s. Try min support %s or higher "
                        + "(at most %,d itemsets)", problem, MiningParameters.plain(suggestion), itemsets),
                        OptionalDouble.of(suggestion), OptionalDouble.empty());
            } catch (FpGrowth.LimitReached stillTooMany) {
                if (tried == n) {
                    return new MiningLimitExceededException(problem + ", even at min support 1: lower max length "
                            + parameters.maxLength(), OptionalDouble.empty(), OptionalDouble.empty());
                }
            }
        }
    }

    /**
     * Up to two significant digits: a threshold people can type; higher support never adds itemsets. Starts from
     * the shortest decimal of the double, so that 2 / 100 gives 0.02 and not the 0.021 its binary value rounds to.
     */
    static double roundUp(double support) {
        return BigDecimal.valueOf(support).round(new MathContext(2, RoundingMode.CEILING)).doubleValue();
    }
}
