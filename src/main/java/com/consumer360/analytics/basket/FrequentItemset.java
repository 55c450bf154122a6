package com.consumer360.analytics.basket;

import java.util.List;

/**
 * An itemset whose support reaches the threshold.
 *
 * @param items   the items, sorted by label
 * @param count   baskets that hold every item
 * @param support count / baskets
 */
public record FrequentItemset(List<String> items, int count, double support) {

    public FrequentItemset {
        items = List.copyOf(items);
    }
}
