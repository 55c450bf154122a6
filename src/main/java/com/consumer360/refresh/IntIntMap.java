package com.consumer360.refresh;

/**
 * A map from int keys to non-negative int values, by open addressing with linear probing: the refresh looks up
 * a product for every one of half a million invoice lines, and a {@code HashMap<Integer, Integer>} boxed most of
 * those ids on the way.
 */
final class IntIntMap {

    private int[] keys = new int[1024];
    /** Value + 1 per slot, 0 when the slot is empty; the table is kept at most half full. */
    private int[] values = new int[1024];
    private int size;

    /** The key's value, or -1 when the key is absent. */
    int get(int key) {
        int slot = slot(key);
        return slot < 0 ? -1 : values[slot] - 1;
    }

    void put(int key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("values must not be negative, got " + value);
        }
        int slot = slot(key);
        if (slot < 0) {
            if (2 * (size + 1) > keys.length) {
                grow();
                slot = slot(key);
            }
            slot = ~slot;
            keys[slot] = key;
            size++;
        }
        values[slot] = value + 1;
    }

    int size() {
        return size;
    }

    /** The keys, in no particular order. */
    int[] keys() {
        int[] result = new int[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (values[i] != 0) {
                result[n++] = keys[i];
            }
        }
        return result;
    }

    /** The key's slot, or the complement of the empty slot where it would go. */
    private int slot(int key) {
        int mask = keys.length - 1;
        int h = key * 0x9E3779B9;
        for (int at = (h ^ (h >>> 16)) & mask; ; at = (at + 1) & mask) {
            if (values[at] == 0) {
                return ~at;
            }
            if (keys[at] == key) {
                return at;
            }
        }
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != 0) {
                int free = ~slot(oldKeys[i]);
                keys[free] = oldKeys[i];
                values[free] = oldValues[i];
            }
        }
    }
}
