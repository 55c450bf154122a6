package com.consumer360.analytics;

import java.util.Arrays;

/** Growable primitive arrays for the table builder; no boxing, amortised 1.5x growth. */
final class GrowableColumns {

    private GrowableColumns() {
    }

    static final class Ints {
        private int[] values = new int[1 << 12];

        void set(int row, int value) {
            if (row >= values.length) {
                values = Arrays.copyOf(values, Math.max(row + 1, values.length + (values.length >> 1)));
            }
            values[row] = value;
        }

        int[] array() {
            return values;
        }
    }

    static final class Doubles {
        private double[] values = new double[1 << 12];

        void set(int row, double value) {
            if (row >= values.length) {
                values = Arrays.copyOf(values, Math.max(row + 1, values.length + (values.length >> 1)));
            }
            values[row] = value;
        }

        double[] array() {
            return values;
        }
    }
}
