package com.consumer360.sources;

import com.consumer360.ingest.ExtractImport;
import com.consumer360.ingest.ImportException;
import com.consumer360.ingest.ImportReport;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a source: read the lines past its high-water mark, load them through the import's checks and atomic
 * load, and advance the mark in the same transaction that commits the lines; a failure anywhere leaves both as they
 * were and is noted on the source and in ingest_run. Plain Java over two connection factories (the warehouse in the
 * caller's region scope, the source over JDBC), so tests run it against databases of their own.
 */
final class SourceRunner {

    private static final Logger log = LoggerFactory.getLogger(SourceRunner.class);

    private final ExtractImport.Connections warehouse;
    private final Secrets secrets;

    SourceRunner(ExtractImport.Connections warehouse, Secrets secrets) {
        this.warehouse = warehouse;
        this.secrets = secrets;
    }

    /** The ingest_run source name of a source. */
    static String runSource(String name) {
        return "sql:" + name;
    }

    RunResult run(int sourceId) throws SourceException {
        SourceStatus status;
        String secret;
        try (Connection connection = warehouse.open()) {
            status = SourceStore.find(connection, sourceId)
                    .orElseThrow(() -> new SourceException("no source with id " + sourceId));
            secret = SourceStore.secret(connection, sourceId);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the source definition failed: " + e.getMessage(), e);
        }
        SourceDefinition source = status.definition();
        String before = status.highWaterMark();
        String runSource = runSource(source.name());
        SourceReader.Extract extract;
        String password = null;
        try {
            password = secrets.open(secret);
            extract = SourceReader.read(source, password, before);
        } catch (SourceException e) {
            throw failed(sourceId, source.name(), e.getMessage(), password);
        }
        if (extract.lines() == 0) {
            String message = "no new lines past the high-water mark " + (before == null ? "(none yet)" : before);
            try {
                long runId = ExtractImport.nothingNew(warehouse, runSource, message);
                try (Connection connection = warehouse.open()) {
                    SourceStore.noted(connection, sourceId, runId, "SUCCEEDED", message);
                }
                log.info("Source {} (run {}): {}", source.name(), runId, message);
                return new RunResult(source.name(), runId, 0, 0, 0, before, before, message);
            } catch (SQLException e) {
                throw new IllegalStateException("recording the run failed: " + e.getMessage(), e);
            }
        }
        String after = extract.highWaterMark();
        String secretPassword = password;
        ExtractImport.Outcome outcome = new ExtractImport.Outcome() {
            @Override
            public void beforeCommit(Connection connection, ImportReport loaded) throws SQLException {
                SourceStore.advance(connection, sourceId, before, after, loaded.runId(), loaded.linesInserted(),
                        summary(loaded, before, after));
            }

            @Override
            public void failed(long runId, String message) {
                note(sourceId, source.name(), runId, SourceReader.mask(message, secretPassword));
            }
        };
        try {
            ImportReport report = ExtractImport.load(warehouse, runSource, extract.table(), source.mappingName(),
                    source.defaultRegion(), outcome);
            log.info("Source {} (run {}): {} lines read, {} inserted; high-water mark {} -> {}", source.name(),
                    report.runId(), extract.lines(), report.linesInserted(), before, after);
            return new RunResult(source.name(), report.runId(), extract.lines(), report.linesInserted(), report.linesAlreadyLoaded(),
                    before, after, summary(report, before, after));
        } catch (ImportException e) {
            throw new SourceException("source " + source.name() + ": the lines were refused, nothing was loaded: "
                    + SourceReader.mask(e.getMessage(), password));
        } catch (SQLException e) {
            throw new SourceException("source " + source.name() + ": the warehouse refused the load, nothing was "
                    + "loaded: " + SourceReader.mask(e.getMessage(), password));
        }
    }

    private static String summary(ImportReport report, String before, String after) {
        return report.summary() + "; high-water mark " + (before == null ? "(none)" : before) + " -> " + after;
    }

    /** Records a failure before the load (the source could not be read) and notes it on the source. */
    private SourceException failed(int sourceId, String name, String message, String password) {
        String safe = SourceReader.mask(message, password);
        try {
            note(sourceId, name, ExtractImport.failed(warehouse, runSource(name), safe), safe);
        } catch (SQLException e) {
            log.warn("Source {}: recording the failed run failed: {}", name, e.getMessage());
        }
        return new SourceException("source " + name + ": " + safe);
    }

    /** Notes a failed run on the source (the mark stays); the message never holds the password. */
    private void note(int sourceId, String name, long runId, String safeMessage) {
        try (Connection connection = warehouse.open()) {
            SourceStore.noted(connection, sourceId, runId, "FAILED", safeMessage);
        } catch (SQLException e) {
            log.warn("Source {}: noting the failed run failed: {}", name, e.getMessage());
        }
        log.info("Source {} (run {}) failed, nothing loaded: {}", name, runId, safeMessage);
    }
}
