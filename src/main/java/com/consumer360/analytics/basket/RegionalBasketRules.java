package com.consumer360.analytics.basket;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** Rules mined over all baskets and, with the same thresholds, over each region's baskets. */
public record RegionalBasketRules(BasketRules overall, SortedMap<String, BasketRules> byRegion) {

    public RegionalBasketRules {
        byRegion = Collections.unmodifiableSortedMap(new TreeMap<>(byRegion));
    }
}
