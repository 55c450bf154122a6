package com.consumer360.analytics.basket;

import java.util.Arrays;

/**
 * Frequent itemsets (ascending ranks) with their counts, packed into int arrays, and an open-addressing hash
 * index so that rule generation finds an antecedent's count without a map of boxed keys.
 */
final class ItemsetStore {

    private int[] items = new int[1024];
    /** Itemset i occupies items[start[i] .. start[i + 1]). */
    private int[] start = new int[257];
    private int[] counts = new int[256];
    private int size;
    /** Itemset index + 1 per slot, 0 when empty; kept at most half full. */
    private int[] slots = new int[512];

    int size() {
        return size;
    }

    int length(int itemset) {
        return start[itemset + 1] - start[itemset];
    }

    int rank(int itemset, int position) {
        return items[start[itemset] + position];
    }

    int count(int itemset) {
        return counts[itemset];
    }

    /** Adds an itemset given in strictly descending rank order (the order FP-Growth grows its prefix in). */
    void addDescending(int[] ranks, int length, int count) {
        if (size + 1 == counts.length) {
            counts = Arrays.copyOf(counts, counts.length * 2);
            start = Arrays.copyOf(start, counts.length + 1);
        }
        int from = start[size];
        if (from + length > items.length) {
            items = Arrays.copyOf(items, Math.max(items.length * 2, from + length));
        }
        for (int i = 0; i < length; i++) {
            items[from + i] = ranks[length - 1 - i];
        }
        counts[size] = count;
        start[size + 1] = from + length;
        size++;
        if (2 * size > slots.length) {
            rehash(slots.length * 2);
        } else {
            place(size - 1);
        }
    }

    /** Count of the itemset {@code ranks[0..length)} (ascending), or -1 when it is not stored. */
    int countOf(int[] ranks, int length) {
        int mask = slots.length - 1;
        for (int slot = hash(ranks, 0, length) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            int candidate = slots[slot] - 1;
            if (length(candidate) == length
                    && Arrays.equals(items, start[candidate], start[candidate] + length, ranks, 0, length)) {
                return counts[candidate];
            }
        }
        return -1;
    }

    private void rehash(int capacity) {
        slots = new int[capacity];
        for (int i = 0; i < size; i++) {
            place(i);
        }
    }

    private void place(int itemset) {
        int mask = slots.length - 1;
        int slot = hash(items, start[itemset], start[itemset + 1] - start[itemset]) & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = itemset + 1;
    }

    private static int hash(int[] values, int from, int length) {
        int h = 1;
        for (int i = from; i < from + length; i++) {
            h = 31 * h + values[i];
        }
        // Spread the bits: the polynomial hash of small ranks clusters in the low bits the mask keeps.
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
