package com.consumer360.analytics.basket;

import java.util.List;

/**
 * The rules mined from one set of baskets.
 *
 * @param baskets           number of baskets, the support denominator
 * @param frequentItemsets  number of frequent itemsets the rules come from, single items included
 * @param rules             ordered by lift, then support, then confidence (all descending), then by items
 */
public record BasketRules(MiningParameters parameters, int baskets, int frequentItemsets,
        List<AssociationRule> rules) {

    public BasketRules {
        rules = List.copyOf(rules);
    }
}
