package com.consumer360.ingest;

import com.consumer360.analytics.TransactionTable;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads lines read from somewhere other than a file (the SQL Server source connector) with the same checks, cleaning
 * rules, natural key and atomic load as a file import: record the run in ingest_run, load in one transaction, let the
 * caller write its own state (the source's high-water mark) in that same transaction, commit, record the outcome.
 * The connections' region scope guards the load, as for files.
 */
public final class ExtractImport {

    private static final Logger log = LoggerFactory.getLogger(ExtractImport.class);

    /** Opens a connection to the warehouse whose region scope covers every region the lines may load into. */
    public interface Connections {
        Connection open() throws SQLException;
    }

    /** The caller's part of a load: its own state written in the load's transaction, and told of a failure. */
    public interface Outcome {
        /** Runs in the load's transaction after the lines are in, before the commit; a throw rolls everything back. */
        void beforeCommit(Connection connection, ImportReport report) throws SQLException;

        /** After a failed load was rolled back and recorded as ingest run {@code runId}. */
        void failed(long runId, String message);
    }

    private ExtractImport() {
    }

    /**
     * Records ingest run {@code source}, then checks, cleans and loads {@code table} (built by the caller with the
     * columns of a file import) in one transaction. Countries map to regions by the saved mapping
     * {@code mappingName} (or none) and {@code defaultRegion} (or none: unmapped countries are refused).
     */
    public static ImportReport load(Connections connections, String source, TransactionTable table, String mappingName,
                                    String defaultRegion, Outcome outcome) throws ImportException, SQLException {
        long started = System.nanoTime();
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(true);
            long runId = ImportRuns.start(connection, source);
            connection.setAutoCommit(false);
            try {
                ImportPlan plan = plan(connection, source, table, mappingName, defaultRegion);
                try (var lock = connection.createStatement()) {
                    lock.execute("SELECT pg_advisory_xact_lock(360016)");
                }
                WarehouseImport.Counts counts = WarehouseImport.load(connection, plan, false, ImportProgress.NONE);
                ImportReport report = new ImportReport(runId, plan.cleaned.report(), counts.inserted(),
                        counts.alreadyLoaded(), counts.replaced(), counts.customersAdded(), counts.productsAdded(),
                        (System.nanoTime() - started) / 1_000_000, plan.rowErrors(), "JDBC extract");
                ImportRuns.succeeded(connection, runId, report);
                outcome.beforeCommit(connection, report);
                connection.commit();
                log.info("Extract {} (run {}): {}", source, runId, report.summary());
                return report;
            } catch (ImportException | SQLException | RuntimeException e) {
                connection.rollback();
                connection.setAutoCommit(true);
                ImportRuns.failed(connection, runId, e.getMessage());
                log.info("Extract {} (run {}) failed, nothing loaded: {}", source, runId, e.getMessage());
                outcome.failed(runId, e.getMessage());
                throw e;
            }
        }
    }

    private static ImportPlan plan(Connection connection, String source, TransactionTable table, String mappingName,
                                   String defaultRegion) throws ImportException, SQLException {
        FileCheck.after(source, table);
        RegionMapping mapping = new RegionMapping(java.util.Map.of(), null);
        if (mappingName != null && !mappingName.isBlank()) {
            mapping = MappingStore.find(connection, mappingName).orElseThrow(() -> new ImportException(
                    "no saved region mapping named \"" + mappingName + "\""));
        }
        if (defaultRegion != null && !defaultRegion.isBlank()) {
            mapping = new RegionMapping(mapping.countryToRegion(), defaultRegion);
        }
        var regions = WarehouseImport.regions(connection);
        if (regions.isEmpty()) {
            throw new ImportException("the warehouse has no regions yet: start the portal once before importing");
        }
        return ImportPlan.of(source, table, mapping, regions);
    }

    /** Records a run that found no new lines: succeeded, nothing loaded. */
    public static long nothingNew(Connections connections, String source, String message) throws SQLException {
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(true);
            long runId = ImportRuns.start(connection, source);
            try (var update = connection.prepareStatement("UPDATE ingest_run SET finished_at = clock_timestamp(), "
                    + "status = 'SUCCEEDED', message = ? WHERE run_id = ?")) {
                update.setString(1, message);
                update.setLong(2, runId);
                update.executeUpdate();
            }
            return runId;
        }
    }

    /** Records a run that failed before anything could be loaded (the source could not be read). */
    public static long failed(Connections connections, String source, String message) throws SQLException {
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(true);
            long runId = ImportRuns.start(connection, source);
            ImportRuns.failed(connection, runId, message);
            return runId;
        }
    }
}
