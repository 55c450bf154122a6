package com.consumer360.warehouse;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/** Buffers rows in PostgreSQL's COPY text format and sends them in large chunks. */
public final class CopyStream implements AutoCloseable {

    /** 64 kB: large enough for throughput, small enough not to be a humongous allocation for G1. */
    private static final int CHUNK = 1 << 16;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
    private long rows;
    private boolean rowStarted;

    public CopyStream(CopyIn copy) {
        this.copy = copy;
    }

    public CopyStream field(Object value) {
        if (rowStarted) {
            buffer.append('\t');
        }
        rowStarted = true;
        if (value == null) {
            buffer.append("\\N");
        } else {
            escape(value.toString());
        }
        return this;
    }

    public CopyStream cents(long cents) {
        field("");
        if (cents < 0) {
            buffer.append('-');
            cents = -cents;
        }
        long fraction = cents % 100;
        buffer.append(cents / 100).append('.').append(fraction < 10 ? "0" : "").append(fraction);
        return this;
    }

    public void endRow() throws SQLException {
        buffer.append('\n');
        rowStarted = false;
        rows++;
        if (buffer.length() >= CHUNK) {
            flush();
        }
    }

    public long rows() {
        return rows;
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    @Override
    public void close() throws SQLException {
        flush();
        copy.endCopy();
    }
}
