package com.consumer360.analytics.basket;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Baskets (for example invoices) as arrays of item ids, with the label of every item id. */
public final class Baskets {

    private final List<String> itemLabels;
    private final int[][] baskets;

    private Baskets(List<String> itemLabels, int[][] baskets) {
        this.itemLabels = itemLabels;
        this.baskets = baskets;
    }

    /**
     * Baskets over a dictionary: {@code baskets[i]} holds ids that index {@code itemLabels}. An item listed twice
     * in one basket counts once; an empty basket counts in the number of baskets (the support denominator).
     */
    public static Baskets of(List<String> itemLabels, int[][] baskets) {
        List<String> labels = List.copyOf(itemLabels);
        int[][] copy = new int[baskets.length][];
        for (int b = 0; b < baskets.length; b++) {
            copy[b] = baskets[b].clone();
            for (int id : copy[b]) {
                if (id < 0 || id >= labels.size()) {
                    throw new IllegalArgumentException("basket " + b + " has item id " + id
                            + " outside the dictionary of " + labels.size() + " items");
                }
            }
        }
        return new Baskets(labels, copy);
    }

    /** Baskets given by item labels; ids are assigned in order of first appearance. */
    public static Baskets ofLabels(List<? extends Collection<String>> baskets) {
        Builder builder = new Builder();
        baskets.forEach(builder::add);
        return builder.build();
    }

    /** Number of baskets, empty ones included. */
    public int size() {
        return baskets.length;
    }

    /** Item labels by item id. */
    public List<String> itemLabels() {
        return itemLabels;
    }

    /** The basket's item ids, not copied: callers in this package must not modify it. */
    int[] basket(int index) {
        return baskets[index];
    }

    /** The baskets at the given indexes, over the same dictionary. */
    Baskets select(int[] indexes) {
        int[][] selected = new int[indexes.length][];
        for (int i = 0; i < indexes.length; i++) {
            selected[i] = baskets[indexes[i]];
        }
        return new Baskets(itemLabels, selected);
    }

    /** Collects baskets of item labels, assigning item ids as labels first appear. */
    public static final class Builder {

        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> labels = new ArrayList<>();
        private final List<int[]> baskets = new ArrayList<>();

        /** Adds one basket. */
        public Builder add(Collection<String> items) {
            int[] basket = new int[items.size()];
            int i = 0;
            for (String label : items) {
                Objects.requireNonNull(label, "item label");
                basket[i++] = ids.computeIfAbsent(label, l -> {
                    labels.add(l);
                    return labels.size() - 1;
                });
            }
            baskets.add(basket);
            return this;
        }

        /** The baskets added so far. */
        public Baskets build() {
            return new Baskets(List.copyOf(labels), baskets.toArray(int[][]::new));
        }
    }
}
