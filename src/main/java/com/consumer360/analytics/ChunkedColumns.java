package com.consumer360.analytics;

import java.util.Arrays;

/**
 * Primitive columns stored in fixed chunks of 32,768 values. Growing never copies the values, and a chunk
 * (128 or 256 kB) stays below G1's humongous-object size: growing one big array by copying made a third of all
 * allocation in the 541,909-line batch run, and that allocation is what sets its resident memory.
 */
final class ChunkedColumns {

    private static final int SHIFT = 15;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private ChunkedColumns() {
    }

    static final class Ints {
        private int[][] chunks = new int[8][];

        void set(int row, int value) {
            int c = row >>> SHIFT;
            if (c >= chunks.length) {
                chunks = Arrays.copyOf(chunks, Math.max(c + 1, chunks.length * 2));
            }
            if (chunks[c] == null) {
                chunks[c] = new int[CHUNK];
            }
            chunks[c][row & MASK] = value;
        }

        int get(int row) {
            return chunks[row >>> SHIFT][row & MASK];
        }
    }

    static final class Doubles {
        private double[][] chunks = new double[8][];

        void set(int row, double value) {
            int c = row >>> SHIFT;
            if (c >= chunks.length) {
                chunks = Arrays.copyOf(chunks, Math.max(c + 1, chunks.length * 2));
            }
            if (chunks[c] == null) {
                chunks[c] = new double[CHUNK];
            }
            chunks[c][row & MASK] = value;
        }

        double get(int row) {
            return chunks[row >>> SHIFT][row & MASK];
        }
    }
}
