package com.consumer360.ingest;

import com.consumer360.batch.BadInputException;
import com.consumer360.batch.TransactionFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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

    /** Reads and checks the file against the warehouse without loading: the validation pass. */
    static ImportPlan plan(Connections connections, Path file, String name, RegionMapping mapping, long maxBytes)
            throws ImportException, SQLException {
        return plan(connections, file, name, mapping, maxBytes, null);
    }

    /**
     * {@code chosen}: the encoding and delimiter given by the user (either may be null / 0: detect), or null. An XLSX
     * workbook's first sheet is read through the same path (see {@link XlsxSheet}).
     */
    static ImportPlan plan(Connections connections, Path file, String name, RegionMapping mapping, long maxBytes,
                           FileCheck.Format chosen) throws ImportException, SQLException {
        Text text = text(file, name, maxBytes, chosen, mapping.columns());
        try (text) {
            TransactionFiles.Lines lines = text.read(mapping.columns());
            FileCheck.after(name, lines.table());
            try (Connection connection = connections.open()) {
                var regions = WarehouseImport.regions(connection);
                if (regions.isEmpty()) {
                    throw new ImportException("the warehouse has no regions yet: start the portal once (it creates "
                            + "them) before importing");
                }
                ImportPlan plan = ImportPlan.of(name, lines, mapping, regions);
                plan.format = text.format;
                plan.readAs = text.sheet == null ? text.format.describe() : "XLSX, sheet \"" + text.sheet.sheet() + "\"";
                return plan;
            }
        } catch (ImportException e) {
            throw text.renamed(e);
        }
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

        TransactionFiles.Lines read(ColumnMapping columns) throws ImportException {
            try {
                if (!columns.isAutomatic()) {
                    columns.check(name, TransactionFiles.header(csv, format.charset(), format.delimiter()));
                }
                return TransactionFiles.readWithLines(csv, format.charset(), format.delimiter(), columns.byColumn());
            } catch (BadInputException e) {
                throw new ImportException(e.getMessage().replace(csv.toString(), name));
            }
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

    /** The header (column names) of a CSV file or of a workbook's first sheet. */
    static java.util.List<String> header(Path file, String name, long maxBytes, FileCheck.Format chosen)
            throws ImportException {
        if (XlsxSheet.isWorkbook(file, name)) {
            return XlsxSheet.header(file, name);
        }
        FileCheck.Format format = check(file, name, maxBytes, chosen);
        try {
            return TransactionFiles.header(file, format.charset(), format.delimiter());
        } catch (BadInputException e) {
            throw new ImportException(e.getMessage().replace(file.toString(), name));
        }
    }

    /** The countries a file names under the column mapping, sorted; the file is only read. */
    static java.util.List<String> countries(Path file, String name, long maxBytes, FileCheck.Format chosen,
                                            ColumnMapping columns) throws ImportException {
        Text text = text(file, name, maxBytes, chosen, columns);
        try (text) {
            var table = text.read(columns).table();
            java.util.List<String> countries = new java.util.ArrayList<>();
            for (int code = 0; code < table.countryCount(); code++) {
                countries.add(table.countryName(code));
            }
            countries.sort(null);
            return countries;
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
        ImportPlan plan = plan(connections, file, name, mapping, maxBytes, chosen);
        long planned = System.nanoTime();
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(true);
            long runId = ImportRuns.start(connection, "file:" + name);
            connection.setAutoCommit(false);
            try {
                // One import at a time: two loads of overlapping files would race on new products' ids.
                try (var lock = connection.createStatement()) {
                    lock.execute("SELECT pg_advisory_xact_lock(360016)");
                }
                WarehouseImport.Counts counts = WarehouseImport.load(connection, plan, replace, progress);
                ImportReport report = new ImportReport(runId, plan.cleaned.report(), counts.inserted(),
                        counts.alreadyLoaded(), counts.replaced(), counts.customersAdded(), counts.productsAdded(),
                        (System.nanoTime() - started) / 1_000_000, plan.rowErrors(),
                        plan.readAs);
                ImportRuns.succeeded(connection, runId, report);
                connection.commit();
                log.info("Import {} (run {}): {}; read and cleaned in {} ms; {}", name, runId, report.summary(),
                        (planned - started) / 1_000_000, counts.phases());
                return report;
            } catch (ImportException | SQLException | RuntimeException e) {
                connection.rollback();
                connection.setAutoCommit(true);
                ImportRuns.failed(connection, runId, e.getMessage());
                log.info("Import {} (run {}) failed, nothing loaded: {}", name, runId, e.getMessage());
                throw e;
            }
        }
    }
}
