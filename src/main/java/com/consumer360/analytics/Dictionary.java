package com.consumer360.analytics;

import java.util.Arrays;

/**
 * Dictionary encoding of a string column: each distinct value gets a dense code 0..size-1 in order of
 * first appearance, so per-value aggregates can live in plain arrays indexed by code.
 * Looks values up by their characters (open addressing), so a reader can pass a reused view of its
 * buffer and a String is created only for a value not seen before.
 */
final class Dictionary {

    private String[] values = new String[16];
    private int[] hashes = new int[16];
    private int size;
    private int[] slots = emptySlots(32);

    /** The code of {@code value}, or -1 for a missing (null or blank) value. */
    int encode(CharSequence value) {
        if (value == null || isBlank(value)) {
            return -1;
        }
        int hash = hash(value);
        int mask = slots.length - 1;
        int slot = hash & mask;
        for (int code = slots[slot]; code >= 0; code = slots[slot]) {
            if (hashes[code] == hash && values[code].contentEquals(value)) {
                return code;
            }
            slot = (slot + 1) & mask;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        values[size] = value.toString();
        hashes[size] = hash;
        slots[slot] = size;
        if (++size * 2 > slots.length) {
            rehash();
        }
        return size - 1;
    }

    String value(int code) {
        if (code < 0 || code >= size) {
            throw new IndexOutOfBoundsException("no value with code " + code);
        }
        return values[code];
    }

    int size() {
        return size;
    }

    private void rehash() {
        slots = emptySlots(slots.length * 2);
        int mask = slots.length - 1;
        for (int code = 0; code < size; code++) {
            int slot = hashes[code] & mask;
            while (slots[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = code;
        }
    }

    private static int[] emptySlots(int capacity) {
        int[] slots = new int[capacity];
        Arrays.fill(slots, -1);
        return slots;
    }

    /** String.hashCode's polynomial, spread so that open addressing on the low bits works. */
    private static int hash(CharSequence value) {
        int h = 0;
        for (int i = 0; i < value.length(); i++) {
            h = 31 * h + value.charAt(i);
        }
        return h ^ (h >>> 16);
    }

    private static boolean isBlank(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            if (!Character.isWhitespace(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
