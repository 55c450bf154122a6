package com.consumer360.ingest;

import com.consumer360.audit.AuditAction;
import com.consumer360.audit.AuditTrail;
import com.consumer360.analytics.cleaning.CleaningReport;
import com.consumer360.refresh.RefreshService;
import com.consumer360.security.Roles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Imports of a company's transaction files for admins: validate (the cleaning report, without loading), load
 * atomically and idempotently, start a refresh, and the saved region mappings and the import history. The admin's
 * own region scope (every region) guards the load: the row policies' WITH CHECK refuses any other region.
 */
@Service
public class IngestService {

    private final DataSource dataSource;
    private final RefreshService refresh;

    private final long maxBytes;

    private final AuditTrail audit;

    IngestService(DataSource dataSource, RefreshService refresh, AuditTrail audit,
                  @Value("${consumer360.import.max-bytes:524288000}") long maxBytes) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.refresh = refresh;
        this.maxBytes = maxBytes;
    }

    /** The largest file an upload may be, in bytes ({@code consumer360.import.max-bytes}, default 500 MB). */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * The encoding and delimiter detected in a CSV file (UTF-8, UTF-8 with BOM or Windows-1252; comma, semicolon or
     * tab), for the admin to confirm or change; empty for an XLSX workbook, which has neither.
     */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public Optional<FileFormat> format(Path file, String name) throws ImportException {
        return FileImport.detect(file, name, maxBytes);
    }

    /** The validation pass: reads, checks and cleans the file; the warehouse is not changed. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public CleaningReport validate(Path file, String name, RegionMapping mapping) throws ImportException {
        return validate(file, name, mapping, null);
    }

    /** As {@link #validate(Path, String, RegionMapping)}, read in the chosen format (null: detected). */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public CleaningReport validate(Path file, String name, RegionMapping mapping, FileFormat format)
            throws ImportException {
        try {
            return FileImport.plan(dataSource::getConnection, file, name, mapping, maxBytes, chosen(format))
                    .report();
        } catch (SQLException e) {
            throw new IllegalStateException("Validation failed: " + e.getMessage(), e);
        }
    }

    /**
     * The row-level error report of the validation pass: every line the import would leave out, with its file line,
     * column, value and reason; the warehouse is not changed.
     */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public List<RowError> rowErrors(Path file, String name, RegionMapping mapping) throws ImportException {
        return rowErrors(file, name, mapping, null);
    }

    /** As {@link #rowErrors(Path, String, RegionMapping)}, read in the chosen format (null: detected). */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public List<RowError> rowErrors(Path file, String name, RegionMapping mapping, FileFormat format)
            throws ImportException {
        try {
            return FileImport.plan(dataSource::getConnection, file, name, mapping, maxBytes, chosen(format))
                    .rowErrors();
        } catch (SQLException e) {
            throw new IllegalStateException("Validation failed: " + e.getMessage(), e);
        }
    }

    /** Loads the file in one transaction (nothing on failure or cancel), then optionally queues a refresh. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public ImportReport importFile(Path file, String name, RegionMapping mapping, boolean replaceRange,
                                   boolean startRefresh, ImportProgress progress) throws ImportException {
        return importFile(file, name, mapping, null, replaceRange, startRefresh, progress);
    }

    /** As {@link #importFile(Path, String, RegionMapping, boolean, boolean, ImportProgress)}, read in the chosen format (null: detected). */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public ImportReport importFile(Path file, String name, RegionMapping mapping, FileFormat format,
                                   boolean replaceRange, boolean startRefresh, ImportProgress progress)
            throws ImportException {
        ImportReport report;
        try {
            report = FileImport.run(dataSource::getConnection, file, name, mapping, replaceRange, progress, maxBytes,
                    chosen(format));
        } catch (SQLException e) {
            audit.record(AuditAction.IMPORT, name + ": refused, nothing loaded", 0L);
            throw new ImportException(name + ": the warehouse refused the load, nothing was loaded: " + e.getMessage());
        }
        audit.record(AuditAction.IMPORT, name + " (run " + report.runId() + "): " + report.linesInserted()
                + " lines inserted, " + report.linesAlreadyLoaded() + " already loaded, " + report.linesReplaced()
                + " replaced", report.linesInserted());
        if (startRefresh) {
            refresh.refreshNow();
        }
        return report;
    }

    /** The first {@code limit} kept lines of the file as they will be loaded, each with its region. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public List<PreviewLine> preview(Path file, String name, RegionMapping mapping, int limit) throws ImportException {
        return preview(file, name, mapping, null, limit);
    }

    /** As {@link #preview(Path, String, RegionMapping, int)}, read in the chosen format (null: detected). */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public List<PreviewLine> preview(Path file, String name, RegionMapping mapping, FileFormat format, int limit)
            throws ImportException {
        try {
            return FileImport.plan(dataSource::getConnection, file, name, mapping, maxBytes, chosen(format))
                    .preview(limit, regionNamesById());
        } catch (SQLException e) {
            throw new IllegalStateException("Preview failed: " + e.getMessage(), e);
        }
    }

    /**
     * The validation pass in one read of the file, for the wizard: the cleaning report and the first
     * {@code previewLines} kept lines (at most 100) as they will be loaded, each with its region; the warehouse is not
     * changed.
     */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public ImportValidation validation(Path file, String name, RegionMapping mapping, FileFormat format,
                                       int previewLines) throws ImportException {
        try {
            FileImport.Validation validation = FileImport.plan(dataSource::getConnection, file, name, mapping,
                    maxBytes, chosen(format));
            return new ImportValidation(validation.report(), validation.preview(previewLines, regionNamesById()),
                    validation.rowErrors().size());
        } catch (SQLException e) {
            throw new IllegalStateException("Validation failed: " + e.getMessage(), e);
        }
    }

    /** Region names as stored (North), for the preview. */
    private Map<Short, String> regionNamesById() {
        Map<Short, String> names = new HashMap<>();
        withConnection(connection -> {
            try (var statement = connection.createStatement();
                 var result = statement.executeQuery("SELECT region_id, name FROM dim_region")) {
                while (result.next()) {
                    names.put(result.getShort(1), result.getString(2));
                }
            }
            return null;
        });
        return names;
    }

    /** The countries a file names, sorted, for the country to region table; the file is only read. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public List<String> countries(Path file, String name) throws ImportException {
        return countries(file, name, null, ColumnMapping.AUTOMATIC);
    }

    /**
     * As {@link #countries(Path, String)}, read in the chosen format (null: detected) with the country column of
     * {@code columns}.
     */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public List<String> countries(Path file, String name, FileFormat format, ColumnMapping columns)
            throws ImportException {
        return FileImport.countries(file, name, maxBytes, chosen(format), columns);
    }

    /**
     * The column names of the file's header (a CSV file's first line, a workbook's first row); a file with no line
     * of data after it is refused, saying so.
     */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public List<String> columns(Path file, String name, FileFormat format) throws ImportException {
        return FileImport.header(file, name, maxBytes, chosen(format));
    }

    /** The suggested column mapping of a header: known names (generic layout, Online Retail), then by name parts. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public ColumnMapping suggestColumns(List<String> header) {
        return ColumnMapping.suggest(header);
    }

    /**
     * What is wrong with a column mapping chosen field by field for a file with this header, by field (required field
     * unmapped, column mapped twice, column not in the file); empty when it can be used. An empty mapping has nothing
     * chosen: every required field is unmapped.
     */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public Map<WarehouseField, String> checkColumns(List<String> header, ColumnMapping columns) {
        return columns.problemsAsChosen(header);
    }

    private static FileCheck.Format chosen(FileFormat format) {
        return format == null ? null : format.check();
    }

    /** The warehouse's region codes, in region order. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public List<String> regionCodes() {
        return withConnection(connection -> {
            List<String> codes = new java.util.ArrayList<>();
            try (var statement = connection.createStatement();
                 var result = statement.executeQuery("SELECT code FROM dim_region ORDER BY region_id")) {
                while (result.next()) {
                    codes.add(result.getString(1));
                }
            }
            return codes;
        });
    }

    /** The warehouse's regions in region order, code to name as stored (NORTH to North), for showing codes by name. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public Map<String, String> regionNames() {
        return withConnection(connection -> {
            Map<String, String> names = new java.util.LinkedHashMap<>();
            try (var statement = connection.createStatement();
                 var result = statement.executeQuery("SELECT code, name FROM dim_region ORDER BY region_id")) {
                while (result.next()) {
                    names.put(result.getString(1), result.getString(2));
                }
            }
            return names;
        });
    }

    /**
     * For each of these countries (a file's) that customers in the warehouse already have, the code of the region most
     * of them are in: the wizard maps the country there by default, so that imported customers join the region of
     * their compatriots. Read in the caller's region scope: only the customers the admin may see count.
     */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public Map<String, String> existingCountryRegions(List<String> countries) {
        return withConnection(connection -> KnownCountries.regions(connection, countries));
    }

    @PreAuthorize(Roles.ADMIN_ONLY)
    public Optional<RegionMapping> mapping(String name) {
        return withConnection(connection -> MappingStore.find(connection, name));
    }

    @PreAuthorize(Roles.ADMIN_ONLY)
    public List<String> mappingNames() {
        return withConnection(MappingStore::names);
    }

    @PreAuthorize(Roles.ADMIN_ONLY)
    public void saveMapping(String name, RegionMapping mapping) throws ImportException {
        if (name == null || name.isBlank() || name.length() > 64) {
            throw new ImportException("mapping name: 1 to 64 characters");
        }
        try (Connection connection = dataSource.getConnection()) {
            MappingStore.save(connection, name.strip(), mapping);
        } catch (SQLException e) {
            throw new IllegalStateException("Saving the mapping failed: " + e.getMessage(), e);
        }
    }

    /** The latest loads into the warehouse, newest first. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public List<ImportRun> history(int limit) {
        return withConnection(connection -> ImportRuns.latest(connection, limit));
    }

    private interface Query<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T withConnection(Query<T> query) {
        try (Connection connection = dataSource.getConnection()) {
            return query.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
