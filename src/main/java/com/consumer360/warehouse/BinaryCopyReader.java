package com.consumer360.warehouse;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * Reads the rows of {@code COPY (query) TO STDOUT (FORMAT binary)}: PostgreSQL's binary COPY format, a signature
 * and header, then per row a field count and each field as its length (-1 for NULL) and its bytes in the type's
 * binary send format (big-endian integers; arrays as array_send gives them). For bulk reads this avoids both
 * formatting every number as text on the server and parsing it again here. Fields are read in order with the
 * getter of their SQL type; the query runs in the connection's transaction, under its row-level security.
 */
public final class BinaryCopyReader implements AutoCloseable {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    private final PGCopyInputStream copy;
    private final DataInputStream in;
    private int fieldsLeft;
    private boolean lastWasNull;

    public BinaryCopyReader(Connection connection, String query) throws SQLException {
        copy = new PGCopyInputStream(connection.unwrap(PGConnection.class),
                "COPY (" + query + ") TO STDOUT (FORMAT binary)");
        in = new DataInputStream(new BufferedInputStream(copy, 1 << 16));
        try {
            if (!Arrays.equals(in.readNBytes(SIGNATURE.length), SIGNATURE)) {
                throw new IllegalStateException("not PostgreSQL's binary COPY format");
            }
            in.readInt(); // flags: bit 16 (OIDs) is never set for a query
            in.skipNBytes(in.readInt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves to the next row; false after the last. */
    public boolean next() {
        try {
            if (fieldsLeft > 0) {
                throw new IllegalStateException(fieldsLeft + " field(s) of the row not read");
            }
            short fields = in.readShort();
            if (fields == -1) {
                return false;
            }
            fieldsLeft = fields;
            return true;
        } catch (EOFException e) {
            throw new IllegalStateException("binary COPY ended without its trailer", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A BIGINT field, 0 when NULL (see {@link #wasNull}). */
    public long getLong() {
        try {
            return length(8) < 0 ? 0 : in.readLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An INTEGER field, 0 when NULL. */
    public int getInt() {
        try {
            return length(4) < 0 ? 0 : in.readInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A SMALLINT field, 0 when NULL. */
    public short getShort() {
        try {
            return length(2) < 0 ? 0 : in.readShort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A BOOLEAN field, false when NULL. */
    public boolean getBoolean() {
        try {
            return length(1) >= 0 && in.readByte() != 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Any field's bytes in binary send format (an array's as array_send gives them), null when NULL. */
    public byte[] getBytes() {
        try {
            int length = length(-1);
            return length < 0 ? null : in.readNBytes(length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the field read last was NULL. */
    public boolean wasNull() {
        return lastWasNull;
    }

    /** Reads a field's length, checking it against the type's size (-1: any); -1 when NULL. */
    private int length(int size) throws IOException {
        if (fieldsLeft-- <= 0) {
            throw new IllegalStateException("no more fields in the row");
        }
        int length = in.readInt();
        lastWasNull = length == -1;
        if (!lastWasNull && size >= 0 && length != size) {
            throw new IllegalStateException("field of " + length + " bytes where " + size + " were expected");
        }
        return length;
    }

    @Override
    public void close() throws SQLException {
        try {
            in.close();
        } catch (IOException e) {
            throw new SQLException("closing the binary COPY failed", e);
        }
    }
}
