package com.consumer360.batch;

import com.consumer360.analytics.TransactionTable;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** The batch run's reader of transaction files, for the import: same layouts, same tolerance, same messages. */
public final class TransactionFiles {

    private TransactionFiles() {
    }

    /** Reads one CSV file (plain or gzipped) into a table; a bad file's message names its line and column. */
    public static TransactionTable read(Path file) throws BadInputException {
        return new CsvTransactionReader(new PrintStream(OutputStream.nullOutputStream())).read(List.of(file));
    }

    /** The header line of a CSV file (plain or gzipped) in the given encoding and delimiter. */
    public static List<String> header(Path file, java.nio.charset.Charset charset, char delimiter)
            throws BadInputException {
        return new CsvTransactionReader(new PrintStream(OutputStream.nullOutputStream())).format(charset, delimiter)
                .header(file);
    }

    /** A file read with the file line of each table row and its unreadable (skipped) lines. */
    public record Lines(TransactionTable table, int[] lineOfRow, List<LineProblem> unreadable) {
    }

    /** Like {@link #read} in the given encoding and delimiter, also keeping each row's file line and every skipped line, for a row-level error report. */
    public static Lines readWithLines(Path file, java.nio.charset.Charset charset, char delimiter)
            throws BadInputException {
        return readWithLines(file, charset, delimiter, java.util.Map.of());
    }

    /**
     * As {@link #readWithLines(Path, java.nio.charset.Charset, char)}, each column taken from the header field named
     * in {@code columns} (a column mapping) instead of recognised by header name; empty: recognised.
     */
    public static Lines readWithLines(Path file, java.nio.charset.Charset charset, char delimiter,
                                      java.util.Map<com.consumer360.analytics.TransactionColumn, String> columns)
            throws BadInputException {
        CsvTransactionReader reader = new CsvTransactionReader(new PrintStream(OutputStream.nullOutputStream()))
                .recording().format(charset, delimiter).columns(columns);
        TransactionTable table = reader.read(List.of(file));
        return new Lines(table, reader.lastHandler().lineOfRow(), List.copyOf(reader.lastHandler().problems()));
    }

    /** Receives each chunk of lines of {@link #readInChunks}. */
    public interface Chunks<E extends Exception> {
        void accept(Lines chunk) throws E;
    }

    /**
     * Reads a file like {@link #readWithLines(Path, java.nio.charset.Charset, char, java.util.Map)} but hands its lines
     * to {@code chunks} every {@code chunkLines} lines (readable or not; the last chunk may be shorter) and forgets
     * them, so the heap holds one chunk, not the file. Each chunk is a table of its own: its dictionaries, and the
     * first non-blank description of each product, are the chunk's; its malformed count is the chunk's. The 0.1%
     * tolerance of unreadable lines is checked at the end, before the last chunk: a receiver must treat what it got
     * as provisional until this returns. An exception of the receiver ends the read and is thrown from here.
     */
    @SuppressWarnings("unchecked")
    public static <E extends Exception> void readInChunks(Path file, java.nio.charset.Charset charset, char delimiter,
                                                          java.util.Map<com.consumer360.analytics.TransactionColumn,
                                                                  String> columns,
                                                          int chunkLines, Chunks<E> chunks)
            throws BadInputException, E {
        if (chunkLines < 1) {
            throw new IllegalArgumentException("chunkLines must be positive");
        }
        CsvTransactionReader reader = new CsvTransactionReader(new PrintStream(OutputStream.nullOutputStream()))
                .format(charset, delimiter).columns(columns);
        try {
            reader.readInChunks(file, chunkLines, chunk -> {
                try {
                    chunks.accept(chunk);
                } catch (Exception e) {
                    throw new CsvTransactionReader.ReceiverFailed(e);
                }
            });
        } catch (CsvTransactionReader.ReceiverFailed e) {
            Exception cause = (Exception) e.getCause();
            if (cause instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw (E) cause;
        }
    }
}
