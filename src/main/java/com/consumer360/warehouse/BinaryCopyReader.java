package com.consumer360.warehouse;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final Connection connection;
    private final InputStream in;
    /** Bytes read from the stream and not yet decoded are buffer[position, limit). */
    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private int fieldsLeft;
    private boolean lastWasNull;
    /** Set once the trailer has been read: pgjdbc has then taken the end of the COPY off the wire. */
    private boolean finished;

    public BinaryCopyReader(Connection connection, String query) throws SQLException {
        this.connection = connection;
        in = new PGCopyInputStream(connection.unwrap(PGConnection.class),
                "COPY (" + query + ") TO STDOUT (FORMAT binary)");
        try {
            ensure(SIGNATURE.length + 8);
            if (!Arrays.equals(buffer, position, position + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
                throw new IllegalStateException("not PostgreSQL's binary COPY format");
            }
            position += SIGNATURE.length + 4; // flags: bit 16 (OIDs) is never set for a query
            int extension = readInt();
            if (extension < 0) {
                throw new IllegalStateException("negative header extension length " + extension);
            }
            ensure(extension);
            position += extension;
        } catch (IOException | RuntimeException e) {
            RuntimeException failure = e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
            try {
                close();
            } catch (SQLException closing) {
                failure.addSuppressed(closing);
            }
            throw failure;
        }
    }

    /** Moves to the next row; false after the last. */
    public boolean next() {
        try {
            if (fieldsLeft > 0) {
                throw new IllegalStateException(fieldsLeft + " field(s) of the row not read");
            }
            short fields = readShort();
            if (fields == -1) {
                finished = true;
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
            if (length(8) < 0) {
                return 0;
            }
            long value = (long) LONG.get(buffer, position);
            position += 8;
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An INTEGER field, 0 when NULL. */
    public int getInt() {
        try {
            return length(4) < 0 ? 0 : readInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A SMALLINT field, 0 when NULL. */
    public short getShort() {
        try {
            return length(2) < 0 ? 0 : readShort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A BOOLEAN field, false when NULL. */
    public boolean getBoolean() {
        try {
            return length(1) >= 0 && buffer[position++] != 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Any field's bytes in binary send format (an array's as array_send gives them), null when NULL. */
    public byte[] getBytes() {
        try {
            int length = length(-1);
            if (length < 0) {
                return null;
            }
            byte[] bytes = Arrays.copyOfRange(buffer, position, position + length);
            position += length;
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the field read last was NULL. */
    public boolean wasNull() {
        return lastWasNull;
    }

    /**
     * Reads a field's length, checking it against the type's size (-1: any), and makes sure the field's bytes
     * are in the buffer; -1 when NULL.
     */
    private int length(int size) throws IOException {
        if (fieldsLeft-- <= 0) {
            throw new IllegalStateException("no more fields in the row");
        }
        int length = readInt();
        if (length < -1) {
            throw new IllegalStateException("negative field length " + length);
        }
        lastWasNull = length == -1;
        if (!lastWasNull && size >= 0 && length != size) {
            throw new IllegalStateException("field of " + length + " bytes where " + size + " were expected");
        }
        if (length > 0) {
            ensure(length);
        }
        return length;
    }

    private short readShort() throws IOException {
        ensure(2);
        short value = (short) SHORT.get(buffer, position);
        position += 2;
        return value;
    }

    private int readInt() throws IOException {
        ensure(4);
        int value = (int) INT.get(buffer, position);
        position += 4;
        return value;
    }

    /** Makes sure at least {@code bytes} undecoded bytes are buffered, reading (and growing) as needed. */
    private void ensure(int bytes) throws IOException {
        if (limit - position >= bytes) {
            return;
        }
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
        if (buffer.length < bytes) {
            buffer = Arrays.copyOf(buffer, Math.max(bytes, 2 * buffer.length));
        }
        while (limit < bytes) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                throw new EOFException("binary COPY ended within a row");
            }
            limit += read;
        }
    }

    /**
     * Ends the COPY. When the rows were not all read (a getter threw, say), the rest of the COPY is read and
     * dropped first: pgjdbc's cancel of a COPY out leaves its remaining messages on the wire, where the
     * connection's next statement (the rollback) would take them for its own reply. Should that fail, the
     * connection is aborted, so that the pool discards it rather than hand it out again.
     */
    @Override
    public void close() throws SQLException {
        try {
            if (!finished) {
                byte[] rest = new byte[1 << 16];
                while (in.read(rest) >= 0) {
                    // drained
                }
                finished = true;
            }
            in.close();
        } catch (IOException | RuntimeException e) {
            connection.abort(Runnable::run);
            throw new SQLException("ending the binary COPY failed; the connection was aborted", e);
        }
    }
}
