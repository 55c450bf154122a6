package com.consumer360.refresh;

import java.nio.ByteBuffer;

/**
 * Decodes one-dimensional integer arrays as PostgreSQL sends them in binary (array_send): a header of dimensions,
 * null flag and element type, then each element as its length and its big-endian bytes. The refresh reads
 * fact_invoice's per-product arrays this way: formatting and parsing two million numbers as text took most of
 * its read. Nulls are not expected (the columns are NOT NULL arrays of sums) and are refused.
 */
final class BinaryArrays {

    private static final int INT4 = 23;
    private static final int INT8 = 20;

    private BinaryArrays() {
    }

    static int[] ints(byte[] binary) {
        ByteBuffer in = ByteBuffer.wrap(binary);
        int[] values = new int[length(in, INT4, 4)];
        for (int i = 0; i < values.length; i++) {
            in.getInt();
            values[i] = in.getInt();
        }
        return values;
    }

    static long[] longs(byte[] binary) {
        ByteBuffer in = ByteBuffer.wrap(binary);
        long[] values = new long[length(in, INT8, 8)];
        for (int i = 0; i < values.length; i++) {
            in.getInt();
            values[i] = in.getLong();
        }
        return values;
    }

    /** Reads the header; returns the number of elements and checks the type and that there are no nulls. */
    private static int length(ByteBuffer in, int elementType, int elementBytes) {
        int dimensions = in.getInt();
        boolean nulls = in.getInt() != 0;
        int type = in.getInt();
        if (dimensions == 0) {
            return 0;
        }
        if (dimensions != 1 || nulls || type != elementType) {
            throw new IllegalArgumentException("expected a one-dimensional array of type " + elementType
                    + " without nulls, got " + dimensions + " dimension(s) of type " + type + (nulls ? " with nulls" : ""));
        }
        int length = in.getInt();
        in.getInt(); // lower bound
        if (in.remaining() != length * (4 + elementBytes)) {
            throw new IllegalArgumentException("array of " + length + " elements has " + in.remaining() + " bytes");
        }
        return length;
    }
}
