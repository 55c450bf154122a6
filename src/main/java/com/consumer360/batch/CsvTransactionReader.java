package com.consumer360.batch;

import com.consumer360.analytics.TransactionColumn;
import com.consumer360.analytics.TransactionTable;
import com.consumer360.analytics.TransactionTableBuilder;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads transaction CSV files (plain or gzipped, recognised by content) into one {@link TransactionTable}.
 *
 * <p>Tolerance: a line whose fields do not parse is skipped and counted as malformed, up to 0.1% of a file's
 * data lines; beyond that the file is rejected with the first bad line, its column and the count.
 */
final class CsvTransactionReader {

    static final int PROGRESS_EVERY = 1_000_000;

    private final PrintStream progress;
    private boolean record;
    private java.nio.charset.Charset charset = StandardCharsets.UTF_8;
    private char delimiter = ',';
    private TransactionLineHandler lastHandler;
    /** Set while reading in chunks: configures the handler. */
    private java.util.function.Consumer<TransactionLineHandler> chunking;
    /** Header name per column chosen by a column mapping; empty: recognised by header names. */
    private java.util.Map<TransactionColumn, String> chosenColumns = java.util.Map.of();

    CsvTransactionReader(PrintStream progress) {
        this.progress = progress;
    }

    /** Keeps file lines and unreadable lines of the next read (one file), see {@link TransactionLineHandler#record}. */
    CsvTransactionReader recording() {
        record = true;
        return this;
    }

    /** Reads text in {@code charset} with fields separated by {@code delimiter} (default UTF-8 and comma). */
    CsvTransactionReader format(java.nio.charset.Charset charset, char delimiter) {
        this.charset = charset;
        this.delimiter = delimiter;
        return this;
    }

    /** Takes each column from the header field of the given name instead of recognising the header. */
    CsvTransactionReader columns(java.util.Map<TransactionColumn, String> chosen) {
        this.chosenColumns = java.util.Map.copyOf(chosen);
        return this;
    }

    TransactionLineHandler lastHandler() {
        return lastHandler;
    }

    TransactionTable read(List<Path> files) throws BadInputException {
        // Headers first: a bad header in the last file fails before the first file is read in full.
        List<ColumnLayout> layouts = new ArrayList<>();
        Set<TransactionColumn> columns = EnumSet.noneOf(TransactionColumn.class);
        for (Path file : files) {
            layouts.add(withReader(file, (reader, name) -> layoutOf(reader.iterator(), name)));
            columns.addAll(layouts.getLast().columns());
        }
        TransactionTableBuilder table = new TransactionTableBuilder(columns);
        for (int i = 0; i < files.size(); i++) {
            readLines(files.get(i), layouts.get(i), table);
        }
        return table.build();
    }

    /** Reads one file in chunks of {@code chunkLines} lines, see {@link TransactionLineHandler#chunked}. */
    void readInChunks(Path file, int chunkLines, java.util.function.Consumer<TransactionFiles.Lines> chunks)
            throws BadInputException {
        ColumnLayout layout = withReader(file, (reader, name) -> layoutOf(reader.iterator(), name));
        Set<TransactionColumn> columns = layout.columns();
        chunking = handler -> handler.chunked(chunkLines, () -> new TransactionTableBuilder(columns), chunks);
        try {
            readLines(file, layout, new TransactionTableBuilder(columns));
        } finally {
            chunking = null;
        }
    }

    /** The file's header line, as fields. */
    List<String> header(Path file) throws BadInputException {
        return withReader(file, (reader, name) -> {
            Iterator<CsvRecord> records = reader.iterator();
            if (!records.hasNext()) {
                throw BadInputException.at(name, 1, "-", "empty file, expected a header line");
            }
            return records.next().getFields();
        });
    }

    private ColumnLayout layoutOf(Iterator<CsvRecord> records, String file) throws BadInputException {
        if (!records.hasNext()) {
            throw BadInputException.at(file, 1, "-", "empty file, expected a header line");
        }
        List<String> header = records.next().getFields();
        return chosenColumns.isEmpty() ? ColumnLayout.of(file, header) : ColumnLayout.chosen(file, header, chosenColumns);
    }

    private void readLines(Path path, ColumnLayout layout, TransactionTableBuilder table) throws BadInputException {
        String file = path.toString();
        TransactionLineHandler handler = new TransactionLineHandler(file, layout, table, progress);
        if (record) {
            handler.record();
        }
        if (chunking != null) {
            chunking.accept(handler);
        }
        lastHandler = handler;
        try (InputStream in = open(path);
             CsvReader<Boolean> reader = builder().build(handler, new InputStreamReader(in, charset))) {
            reader.forEach(ignored -> { });
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage());
        } catch (CsvParseException e) {
            if (e.getCause() instanceof ReceiverFailed failed) {
                throw failed;
            }
            throw new BadInputException(file + ": not a readable CSV file: " + e.getMessage());
        }
        handler.checkTolerance();
        handler.flush();
    }

    /** Carries a chunk receiver's exception through the CSV parser's callback (see readInChunks). */
    static final class ReceiverFailed extends RuntimeException {
        ReceiverFailed(Exception cause) {
            super(cause);
        }
    }

    private interface CsvAction<T> {
        T apply(CsvReader<CsvRecord> reader, String file) throws BadInputException;
    }

    private <T> T withReader(Path file, CsvAction<T> action) throws BadInputException {
        String name = file.toString();
        try (InputStream in = open(file);
             CsvReader<CsvRecord> reader = builder().ofCsvRecord(new InputStreamReader(in, charset))) {
            return action.apply(reader, name);
        } catch (NoSuchFileException e) {
            throw new BadInputException(name + ": no such file");
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(name + ": cannot read: " + e.getMessage());
        } catch (CsvParseException e) {
            throw new BadInputException(name + ": not a readable CSV file: " + e.getMessage());
        }
    }

    private CsvReader.CsvReaderBuilder builder() {
        return CsvReader.builder().fieldSeparator(delimiter).allowMissingFields(true).allowExtraFields(true).detectBomHeader(true);
    }

    /** Gzip is recognised by its magic bytes, so a compressed file needs no particular name. */
    private static InputStream open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("is a directory");
        }
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
