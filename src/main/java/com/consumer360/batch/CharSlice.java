package com.consumer360.batch;

/**
 * A reusable view of a field in the CSV parser's buffer, so that reading a line allocates nothing unless
 * a value is new (see the engine's dictionary encoding). Valid only during the parser's field callback.
 */
final class CharSlice implements CharSequence {

    private char[] buf;
    private int offset;
    private int length;

    CharSlice set(char[] buf, int offset, int length) {
        this.buf = buf;
        this.offset = offset;
        this.length = length;
        return this;
    }

    /** Drops leading and trailing whitespace. */
    CharSlice strip() {
        while (length > 0 && Character.isWhitespace(buf[offset])) {
            offset++;
            length--;
        }
        while (length > 0 && Character.isWhitespace(buf[offset + length - 1])) {
            length--;
        }
        return this;
    }

    /** UCI writes customer ids as floats ({@code 17850.0}): an integer with a zero fraction loses the fraction. */
    CharSlice withoutZeroFraction() {
        int dot = -1;
        for (int i = 0; i < length; i++) {
            char c = buf[offset + i];
            if (c == '.' && dot < 0 && i > 0) {
                dot = i;
            } else if (c < '0' || c > '9' || (dot >= 0 && c != '0')) {
                return this;
            }
        }
        if (dot > 0) {
            length = dot;
        }
        return this;
    }

    boolean contentEquals(String s) {
        if (s == null || s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != buf[offset + i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        return buf[offset + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().substring(start, end);
    }

    @Override
    public String toString() {
        return new String(buf, offset, length);
    }
}
