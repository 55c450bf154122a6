package com.consumer360.ingest;

import com.consumer360.analytics.cleaning.CleaningReport;
import com.consumer360.refresh.RefreshService;
import com.consumer360.security.Roles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
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

    IngestService(DataSource dataSource, RefreshService refresh,
                  @Value("${consumer360.import.max-bytes:524288000}") long maxBytes) {
        this.dataSource = dataSource;
        this.refresh = refresh;
        this.maxBytes = maxBytes;
    }

    /** The largest file an upload may be, in bytes ({@code consumer360.import.max-bytes}, default 500 MB). */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public long maxBytes() {
        return maxBytes;
    }

    /** The validation pass: reads, checks and cleans the file; the warehouse is not changed. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public CleaningReport validate(Path file, String name, RegionMapping mapping) throws ImportException {
        try {
            return FileImport.plan(dataSource::getConnection, file, name, mapping, maxBytes).cleaned.report();
        } catch (SQLException e) {
            throw new IllegalStateException("Validation failed: " + e.getMessage(), e);
        }
    }

    /** Loads the file in one transaction (nothing on failure or cancel), then optionally queues a refresh. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public ImportReport importFile(Path file, String name, RegionMapping mapping, boolean replaceRange,
                                   boolean startRefresh, ImportProgress progress) throws ImportException {
        ImportReport report;
        try {
            report = FileImport.run(dataSource::getConnection, file, name, mapping, replaceRange, progress, maxBytes);
        } catch (SQLException e) {
            throw new ImportException(name + ": the warehouse refused the load, nothing was loaded: " + e.getMessage());
        }
        if (startRefresh) {
            refresh.refreshNow();
        }
        return report;
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
