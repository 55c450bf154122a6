package com.consumer360.basket;

import java.time.LocalDate;

/**
 * What lies behind a rule set: the snapshot's as-of date, the mining thresholds (inclusive) and the numbers of
 * baskets, frequent itemsets and rules the refresh found for that set.
 */
public record RuleSetInfo(LocalDate asOf, RuleSetOption set, double minSupport, double minConfidence, int maxLength,
                          long baskets, long frequentItemsets, long rules) {
}
