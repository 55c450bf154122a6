package com.consumer360.analytics.basket;

import java.math.BigDecimal;

/**
 * Thresholds of a mining run and the limits that stop runaway runs.
 *
 * @param minSupport    an itemset is frequent when count / baskets ≥ this, in (0, 1]
 * @param minConfidence a rule is kept when count / antecedent count ≥ this, in [0, 1]
 * @param maxLength     most items in an itemset, hence in a rule's antecedent and consequent together
 * @param maxItemsets   mining stops with {@link MiningLimitExceededException} beyond this many frequent itemsets
 * @param maxRules      rule generation stops with {@link MiningLimitExceededException} beyond this many rules
 */
public record MiningParameters(double minSupport, double minConfidence, int maxLength, int maxItemsets,
        int maxRules) {

    /** Bounds memory to a few hundred megabytes in the worst case (long itemsets, every rule kept). */
    public static final int DEFAULT_MAX_ITEMSETS = 1_000_000;
    /** More rules than anyone reads; each costs about 150 bytes once materialised. */
    public static final int DEFAULT_MAX_RULES = 500_000;

    public MiningParameters {
        if (!(minSupport > 0 && minSupport <= 1)) {
            throw new IllegalArgumentException("min support must be in (0, 1], was " + minSupport);
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("min confidence must be in [0, 1], was " + minConfidence);
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("max length must be at least 1, was " + maxLength);
        }
        if (maxItemsets < 1 || maxRules < 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxItemsets + ", " + maxRules);
        }
    }

    /** Thresholds with the default limits. */
    public static MiningParameters of(double minSupport, double minConfidence, int maxLength) {
        return new MiningParameters(minSupport, minConfidence, maxLength, DEFAULT_MAX_ITEMSETS, DEFAULT_MAX_RULES);
    }

    /** The same thresholds with other limits. */
    public MiningParameters withLimits(int itemsets, int rules) {
        return new MiningParameters(minSupport, minConfidence, maxLength, itemsets, rules);
    }

    /** A threshold as people type it: 0.0001, not 1.0E-4. */
    static String plain(double threshold) {
        return BigDecimal.valueOf(threshold).stripTrailingZeros().toPlainString();
    }

    /**
     * The smallest count whose support, computed as the double count / baskets, is ≥ min support. Comparing counts
     * avoids the rounding of minSupport × baskets (0.07 × 100 is 7.000000000000001 in doubles, yet 7 / 100 is
     * exactly the double 0.07), so the threshold is inclusive as documented.
     */
    int minCount(int baskets) {
        long count = Math.max(1, (long) Math.ceil(minSupport * baskets));
        while (count > 1 && (double) (count - 1) / baskets >= minSupport) {
            count--;
        }
        while ((double) count / baskets < minSupport) {
            count++;
        }
        return (int) count;
    }
}
