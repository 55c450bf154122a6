package com.consumer360.analytics.cohort;

import java.util.Arrays;

/**
 * Per (customer, month) sums without boxing: an open-addressing hash of the pair to a slot holding the
 * month's net revenue and whether it had a purchase. Grows by doubling at a load factor of 1/2.
 */
final class CustomerMonths {

    private long[] keys = new long[1 << 10];
    private double[] revenue = new double[keys.length];
    private boolean[] purchased = new boolean[keys.length];
    private int size;

    CustomerMonths() {
        Arrays.fill(keys, Long.MIN_VALUE);
    }

    void add(int customer, int month, boolean purchase, double amount) {
        long key = ((long) customer << 32) | (month & 0xFFFFFFFFL);
        int slot = slotOf(key, keys);
        if (keys[slot] == Long.MIN_VALUE) {
            keys[slot] = key;
            if (++size * 2 > keys.length) {
                grow();
                slot = slotOf(key, keys);
            }
        }
        revenue[slot] += amount;
        purchased[slot] |= purchase;
    }

    int capacity() {
        return keys.length;
    }

    boolean used(int slot) {
        return keys[slot] != Long.MIN_VALUE;
    }

    int customer(int slot) {
        return (int) (keys[slot] >> 32);
    }

    int month(int slot) {
        return (int) keys[slot];
    }

    double revenue(int slot) {
        return revenue[slot];
    }

    boolean purchased(int slot) {
        return purchased[slot];
    }

    private static int slotOf(long key, long[] table) {
        int mask = table.length - 1;
        long h = key * 0x9E3779B97F4A7C15L;
        int slot = (int) (h ^ (h >>> 29)) & mask;
        while (table[slot] != Long.MIN_VALUE && table[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        double[] oldRevenue = revenue;
        boolean[] oldPurchased = purchased;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, Long.MIN_VALUE);
        revenue = new double[keys.length];
        purchased = new boolean[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != Long.MIN_VALUE) {
                int slot = slotOf(oldKeys[i], keys);
                keys[slot] = oldKeys[i];
                revenue[slot] = oldRevenue[i];
                purchased[slot] = oldPurchased[i];
            }
        }
    }
}
