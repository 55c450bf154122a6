package com.consumer360.ingest;

import com.consumer360.batch.BadInputException;
import com.consumer360.batch.TransactionFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.consumer360.analytics.cleaning.CleaningReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One import from start to end, shared by the wizard and the command: read and clean the file with the batch run's
 * reader and rules, check it, record the run, load it in one transaction, record the outcome.
 */
final class FileImport {

    private static final Logger log = LoggerFactory.getLogger(FileImport.class);

    /** Opens a connection whose region scope covers every region the file may load into. */
    interface Connections {
        Connection open() throws SQLException;
    }

    private FileImport() {
    }

    /** The outcome of the validation pass: the cleaning report, the row-level errors, the first kept lines. */
    record Validation(CleaningReport report, List<RowError> rowErrors, List<PreviewLine> firstLines, String readAs) {

        /** The first {@code limit} (at most {@link #PREVIEW_LINES}) kept lines; {@code regionNames} names regions. */
        List<PreviewLine> preview(int limit, Map<Short, String> regionNames) {
            List<PreviewLine> lines = new ArrayList<>();
            for (PreviewLine line : firstLines.subList(0, Math.min(limit, firstLines.size()))) {
                lines.add(new PreviewLine(line.invoice(), line.time(), line.product(), line.description(),
                        line.quantity(), line.unitPrice(), line.amount(), line.customer(), line.country(),
                        regionNames.get(Short.valueOf(line.region()))));
            }
            return lines;
        }
    }

    /** The most lines a validation keeps for the preview. */
    static final int PREVIEW_LINES = 100;

    /** Reads and checks the file against the warehouse without loading: the validation pass. */
    static Validation plan(Connections connections, Path file, String name, RegionMapping mapping, long maxBytes)
            throws ImportException, SQLException {
        return plan(connections, file, name, mapping, maxBytes, null);
    }

    /**
     * The validation pass: the file staged and checked exactly as a load does it, in a transaction that is rolled
     * back. {@code chosen}: the encoding and delimiter given by the user (either may be null / 0: detect), or null.
     * An XLSX workbook's first sheet is read through the same path (see {@link XlsxSheet}).
     */
    static Validation plan(Connections connections, Path file, String name, RegionMapping mapping, long maxBytes,
                           FileCheck.Format chosen) throws ImportException, SQLException {
        Text text = text(file, name, maxBytes, chosen, mapping.columns());
        try (text; Connection connection = connections.open()) {
            text.checkColumns(mapping.columns());
            connection.setAutoCommit(false);
            try {
                StagedFile.Result staged = stage(connection, text, mapping, ImportProgress.NONE);
                // Region ids as text here; preview() names them with the caller's region codes.
                List<PreviewLine> first = StagedFile.preview(connection, PREVIEW_LINES, String::valueOf);
                return new Validation(staged.report(), staged.rowErrors(), first, text.readAs());
            } finally {
                connection.rollback();
            }
        } catch (ImportException e) {
            throw text.renamed(e);
        }
    }

    /**
     * Reads the file in chunks into stage_import (see {@link StagedFile}) in the connection's transaction and applies
     * the rules that need every line; the heap holds one chunk.
     */
    private static StagedFile.Result stage(Connection connection, Text text, RegionMapping mapping,
                                           ImportProgress progress) throws ImportException, SQLException {
        return stage(connection, text, mapping, progress, new WarehouseImport.Phases());
    }

    private static StagedFile.Result stage(Connection connection, Text text, RegionMapping mapping,
                                           ImportProgress progress, WarehouseImport.Phases phases)
            throws ImportException, SQLException {
        var regions = WarehouseImport.regions(connection);
        if (regions.isEmpty()) {
            throw new ImportException("the warehouse has no regions yet: start the portal once (it creates "
                    + "them) before importing");
        }
        WarehouseImport.workMem(connection);
        StagedFile.createTable(connection);
        StagedFile.Regions resolver = new StagedFile.Regions(text.name, mapping, regions);
        StagedFile.Writer writer = new StagedFile.Writer(connection, text.name, resolver, progress,
                Math.max(0, FileCheck.lineBreaks(text.csv, text.name) - 1));
        try (writer) {
            text.readInChunks(mapping.columns(), writer);
        }
        phases.done("read and copy");
        return StagedFile.finish(connection, text.name, writer, phases);
    }

    /**
     * A file as CSV text: the file itself in its (detected or chosen) format, or a workbook's first sheet converted
     * to a temporary UTF-8 CSV file (deleted on close) whose line numbers are the sheet's row numbers.
     */
    private static final class Text implements AutoCloseable {
        final Path csv;
        final String name;
        final FileCheck.Format format;
        final XlsxSheet.Converted sheet;

        Text(Path csv, String name, FileCheck.Format format, XlsxSheet.Converted sheet) {
            this.csv = csv;
            this.name = name;
            this.format = format;
            this.sheet = sheet;
        }

        /** A column mapping chosen by the user must name columns of the file, each once. */
        void checkColumns(ColumnMapping columns) throws ImportException {
            try {
                if (!columns.isAutomatic()) {
                    columns.check(name, TransactionFiles.header(csv, format.charset(), format.delimiter()));
                }
            } catch (BadInputException e) {
                throw new ImportException(e.getMessage().replace(csv.toString(), name));
            }
        }

        /**
         * Hands the file's lines on to {@code chunks}, {@link StagedFile#CHUNK_LINES} at a time; the caller has
         * {@link #checkColumns checked} the column mapping (before the import's run is recorded).
         */
        void readInChunks(ColumnMapping columns, StagedFile.Writer chunks) throws ImportException, SQLException {
            try {
                TransactionFiles.<Exception>readInChunks(csv, format.charset(), format.delimiter(), columns.byColumn(),
                        StagedFile.CHUNK_LINES, chunks::accept);
            } catch (BadInputException e) {
                throw new ImportException(e.getMessage().replace(csv.toString(), name));
            } catch (ImportException | SQLException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** How the file was read, for the report: its encoding and delimiter, or its sheet. */
        String readAs() {
            return sheet == null ? format.describe() : "XLSX, sheet \"" + sheet.sheet() + "\"";
        }

        /** A message about the CSV's "line N" names the sheet's row N for a workbook. */
        ImportException renamed(ImportException e) {
            return sheet == null ? e : new ImportException(sheet.rename(e.getMessage(), name));
        }

        @Override
        public void close() {
            if (sheet != null) {
                sheet.close();
            }
        }
    }

    private static Text text(Path file, String name, long maxBytes, FileCheck.Format chosen, ColumnMapping columns)
            throws ImportException {
        if (XlsxSheet.isWorkbook(file, name)) {
            XlsxSheet.Converted sheet = XlsxSheet.cached(file, name, maxBytes,
                    columns.columns().get(WarehouseField.DATE), header -> dateColumn(header, columns));
            try {
                return new Text(sheet.csv(), name, FileCheck.before(sheet.csv(), name, 0,
                        java.nio.charset.StandardCharsets.UTF_8, ','), sheet);
            } catch (ImportException e) {
                sheet.close();
                throw new ImportException(sheet.rename(e.getMessage(), name));
            }
        }
        return new Text(file, name, check(file, name, maxBytes, chosen), null);
    }

    /** The column of dates in a sheet's header row: the mapped one, or the one the batch reader recognises; -1: none. */
    static int dateColumn(java.util.List<String> header, ColumnMapping columns) {
        String mapped = columns.columns().get(WarehouseField.DATE);
        for (int i = 0; i < header.size(); i++) {
            String key = FileCheck.normalise(header.get(i));
            if (mapped != null ? header.get(i).strip().equals(mapped)
                    : key.equals("invoicedate") || key.equals("date")) {
                return i;
            }
        }
        return -1;
    }

    /** The detected encoding and delimiter of a CSV file; empty for an XLSX workbook. */
    static java.util.Optional<FileFormat> detect(Path file, String name, long maxBytes) throws ImportException {
        if (XlsxSheet.isWorkbook(file, name)) {
            return java.util.Optional.empty();
        }
        FileCheck.Format format = FileCheck.before(file, name, maxBytes);
        return java.util.Optional.of(FileFormat.of(format, FileCheck.hasBom(file, name)));
    }

    /**
     * The header (column names) of a CSV file or of a workbook's first sheet; a file with no line of data after it
     * (a header only, or one line that is no header) is refused, since nothing of it could be imported.
     */
    static java.util.List<String> header(Path file, String name, long maxBytes, FileCheck.Format chosen)
            throws ImportException {
        if (XlsxSheet.isWorkbook(file, name)) {
            return XlsxSheet.header(file, name);
        }
        FileCheck.Format format = check(file, name, maxBytes, chosen);
        java.util.List<String> header;
        try {
            header = TransactionFiles.header(file, format.charset(), format.delimiter());
        } catch (BadInputException e) {
            throw new ImportException(e.getMessage().replace(file.toString(), name));
        }
        if (!FileCheck.hasDataLine(file, name, format)) {
            throw new ImportException(noDataLines(name, "line 1 is the file's only line",
                    String.join(String.valueOf(format.delimiter()), header)));
        }
        return header;
    }

    /** The message for a file (or sheet, {@code where}) whose only line or row is its header, quoted from it. */
    static String noDataLines(String where, String only, String header) {
        String quoted = header.length() > 60 ? header.substring(0, 60) + "…" : header;
        return where + ": no data lines to import: " + only + ", read as the header (\"" + quoted + "\"); the file "
                + "needs a header line naming its columns, then a line per sale";
    }

    /** The countries a file names under the column mapping, sorted; the file is only read. */
    static java.util.List<String> countries(Path file, String name, long maxBytes, FileCheck.Format chosen,
                                            ColumnMapping columns) throws ImportException {
        Text text = text(file, name, maxBytes, chosen, columns);
        try (text) {
            text.checkColumns(columns);
            java.util.TreeSet<String> countries = new java.util.TreeSet<>();
            TransactionFiles.readInChunks(text.csv, text.format.charset(), text.format.delimiter(), columns.byColumn(),
                    StagedFile.CHUNK_LINES, chunk -> {
                        for (int code = 0; code < chunk.table().countryCount(); code++) {
                            countries.add(chunk.table().countryName(code));
                        }
                    });
            return List.copyOf(countries);
        } catch (BadInputException e) {
            throw text.renamed(new ImportException(e.getMessage().replace(text.csv.toString(), name)));
        } catch (ImportException e) {
            throw text.renamed(e);
        }
    }

    private static FileCheck.Format check(Path file, String name, long maxBytes, FileCheck.Format chosen)
            throws ImportException {
        return chosen == null ? FileCheck.before(file, name, maxBytes)
                : FileCheck.before(file, name, maxBytes, chosen.charset(), chosen.delimiter());
    }

    static ImportReport run(Connections connections, Path file, String name, RegionMapping mapping, boolean replace,
                            ImportProgress progress) throws ImportException, SQLException {
        return run(connections, file, name, mapping, replace, progress, 0);
    }

    /** Validates, loads in one transaction and records the run; {@code maxBytes} 0 means no size limit. */
    static ImportReport run(Connections connections, Path file, String name, RegionMapping mapping, boolean replace,
                            ImportProgress progress, long maxBytes) throws ImportException, SQLException {
        return run(connections, file, name, mapping, replace, progress, maxBytes, null);
    }

    static ImportReport run(Connections connections, Path file, String name, RegionMapping mapping, boolean replace,
                            ImportProgress progress, long maxBytes, FileCheck.Format chosen)
            throws ImportException, SQLException {
        long started = System.nanoTime();
        Text text = text(file, name, maxBytes, chosen, mapping.columns());
        try (text; Connection connection = connections.open()) {
            text.checkColumns(mapping.columns());
            connection.setAutoCommit(true);
            long runId = ImportRuns.start(connection, "file:" + name);
            connection.setAutoCommit(false);
            try {
                // One import at a time: two loads of overlapping files would race on new products' ids.
                try (var lock = connection.createStatement()) {
                    lock.execute("SELECT pg_advisory_xact_lock(360016)");
                }
                WarehouseImport.Phases phases = new WarehouseImport.Phases();
                StagedFile.Result staged = stage(connection, text, mapping, progress, phases);
                progress.staged(staged.readable(), staged.readable());
                long firstId = WarehouseImport.reserveIds(connection, staged.readable());
                WarehouseImport.Counts counts = WarehouseImport.loadStaged(connection, new WarehouseImport.Staged(
                        staged.kept(), staged.firstDateKey(), staged.lastDateKey(), staged.repeatedKeys(), firstId),
                        replace, phases);
                ImportReport report = new ImportReport(runId, staged.report(), counts.inserted(),
                        counts.alreadyLoaded(), counts.replaced(), counts.customersAdded(), counts.productsAdded(),
                        (System.nanoTime() - started) / 1_000_000, staged.rowErrors(), text.readAs());
                ImportRuns.succeeded(connection, runId, report);
                connection.commit();
                log.info("Import {} (run {}): {}; {}", name, runId, report.summary(), counts.phases());
                return report;
            } catch (ImportException | SQLException | RuntimeException e) {
                connection.rollback();
                connection.setAutoCommit(true);
                String message = e instanceof ImportException i ? text.renamed(i).getMessage() : e.getMessage();
                ImportRuns.failed(connection, runId, message);
                log.info("Import {} (run {}) failed, nothing loaded: {}", name, runId, message);
                throw e;
            }
        } catch (ImportException e) {
            throw text.renamed(e);
        }
    }
}
