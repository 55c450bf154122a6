package com.consumer360.behaviour;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One region's customers of one snapshot, column by column, for the group comparison: recency (days), frequency
 * (invoices), monetary in cents, M score, segment (as an index into {@link #segmentLabels}) and CLV (with
 * {@link #hasClv} false where the model gave none). Immutable once built; a snapshot's rows never change after it was written.
 */
final class CustomerColumns {

    final short regionId;
    final int size;
    final int[] recencyDays;
    final int[] frequency;
    final long[] monetaryCents;
    final short[] mScore;
    final byte[] segment;
    final double[] clv;
    final boolean[] hasClv;
    final List<String> segmentLabels;
    final int minRecency;
    final int maxRecency;
    final int minFrequency;
    final int maxFrequency;

    private CustomerColumns(Builder b) {
        regionId = b.regionId;
        size = b.size;
        // Full arrays (a builder sized exactly, as for an unpacked value) are handed over: build() is the last call.
        boolean exact = b.recencyDays.length == size;
        recencyDays = exact ? b.recencyDays : Arrays.copyOf(b.recencyDays, size);
        frequency = exact ? b.frequency : Arrays.copyOf(b.frequency, size);
        monetaryCents = exact ? b.monetaryCents : Arrays.copyOf(b.monetaryCents, size);
        mScore = exact ? b.mScore : Arrays.copyOf(b.mScore, size);
        segment = exact ? b.segment : Arrays.copyOf(b.segment, size);
        clv = exact ? b.clv : Arrays.copyOf(b.clv, size);
        hasClv = exact ? b.hasClv : Arrays.copyOf(b.hasClv, size);
        segmentLabels = List.copyOf(b.labels);
        minRecency = size == 0 ? 0 : Arrays.stream(recencyDays).min().orElseThrow();
        maxRecency = size == 0 ? 0 : Arrays.stream(recencyDays).max().orElseThrow();
        minFrequency = size == 0 ? 0 : Arrays.stream(frequency).min().orElseThrow();
        maxFrequency = size == 0 ? 0 : Arrays.stream(frequency).max().orElseThrow();
    }

    /** Approximate bytes held, for the log. */
    long bytes() {
        return (long) size * (4 + 4 + 8 + 2 + 1 + 8 + 1);
    }

    /** Collects one region's rows as they are read. */
    static final class Builder {

        private final short regionId;
        private final List<String> labels = new ArrayList<>();
        private final Map<String, Byte> codes = new HashMap<>();
        private int size;
        private int[] recencyDays;
        private int[] frequency;
        private long[] monetaryCents;
        private short[] mScore;
        private byte[] segment;
        private double[] clv;
        private boolean[] hasClv;

        Builder(short regionId) {
            this(regionId, 1024);
        }

        /** A builder for about {@code capacity} customers (it grows beyond). */
        Builder(short regionId, int capacity) {
            this.regionId = regionId;
            capacity = Math.max(capacity, 16);
            recencyDays = new int[capacity];
            frequency = new int[capacity];
            monetaryCents = new long[capacity];
            mScore = new short[capacity];
            segment = new byte[capacity];
            clv = new double[capacity];
            hasClv = new boolean[capacity];
        }

        void add(int recency, int invoices, long cents, short m, String segmentLabel, Double value) {
            add(recency, invoices, cents, m, code(segmentLabel), value != null, value == null ? 0 : value);
        }

        /**
         * Adds a customer whose segment is given by its index in the labels ({@link #code}); the caller checked it
         * (an unpacked value: {@link BehaviourQueries#unpack}).
         */
        void add(int recency, int invoices, long cents, short m, byte segmentCode, boolean clvKnown, double value) {
            if (size == recencyDays.length) {
                int capacity = size * 2;
                recencyDays = Arrays.copyOf(recencyDays, capacity);
                frequency = Arrays.copyOf(frequency, capacity);
                monetaryCents = Arrays.copyOf(monetaryCents, capacity);
                mScore = Arrays.copyOf(mScore, capacity);
                segment = Arrays.copyOf(segment, capacity);
                clv = Arrays.copyOf(clv, capacity);
                hasClv = Arrays.copyOf(hasClv, capacity);
            }
            recencyDays[size] = recency;
            frequency[size] = invoices;
            monetaryCents[size] = cents;
            mScore[size] = m;
            segment[size] = segmentCode;
            clv[size] = value;
            hasClv[size] = clvKnown;
            size++;
        }

        /** The index of a segment label, added to the labels when new. */
        byte code(String segmentLabel) {
            return codes.computeIfAbsent(segmentLabel, label -> {
                if (labels.size() == Byte.MAX_VALUE) {
                    throw new IllegalStateException("more than " + Byte.MAX_VALUE + " segment labels");
                }
                labels.add(label);
                return (byte) (labels.size() - 1);
            });
        }

        CustomerColumns build() {
            return new CustomerColumns(this);
        }
    }
}
