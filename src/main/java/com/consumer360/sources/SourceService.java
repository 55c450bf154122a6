package com.consumer360.sources;

import com.consumer360.audit.AuditAction;
import com.consumer360.audit.AuditTrail;
import com.consumer360.ingest.ImportRun;
import com.consumer360.refresh.RefreshService;
import com.consumer360.security.Roles;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * SQL Server sources for admins: list, add and change (the password is write-only: {@code newPassword} null or blank
 * keeps the stored one, and no method returns it), test the connection and the extract query, run one now (in the
 * admin's own scope, every region), and the sources' runs. A run that loaded lines starts a refresh.
 */
@Service
public class SourceService {

    private final DataSource dataSource;
    private final SourceRunner runner;
    private final Secrets secrets;
    private final SourceSchedules schedules;
    private final AuditTrail audit;
    private final RefreshService refresh;

    SourceService(DataSource dataSource, SourceRunner runner, Secrets secrets, SourceSchedules schedules,
                  AuditTrail audit, RefreshService refresh) {
        this.dataSource = dataSource;
        this.runner = runner;
        this.secrets = secrets;
        this.schedules = schedules;
        this.audit = audit;
        this.refresh = refresh;
    }

    /** The sources by name, each with its high-water mark and last run. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public List<SourceStatus> sources() {
        return withConnection(SourceStore::all);
    }

    /**
     * Adds ({@code id} 0) or changes a source and schedules it; returns its id. Refused with the problem of each field
     * ({@link SourceException#problems()}); nothing is stored then.
     */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public int save(SourceDefinition definition, String newPassword) throws SourceException {
        SourceDefinition source = definition.stripped();
        Map<String, String> problems = new LinkedHashMap<>(source.problems());
        boolean keepPassword = newPassword == null || newPassword.isEmpty();
        if (source.id() == 0 && keepPassword) {
            problems.put("password", "a new source needs a password (or env:NAME, an environment variable)");
        }
        if (!keepPassword && newPassword.length() > 256) {
            problems.put("password", "at most 256 characters");
        }
        if (!keepPassword && newPassword.startsWith(Secrets.ENV_PREFIX)
                && !newPassword.substring(Secrets.ENV_PREFIX.length()).matches("[A-Za-z_][A-Za-z0-9_]*")) {
            problems.put("password", "env: followed by an environment variable name");
        }
        int id;
        try (Connection connection = dataSource.getConnection()) {
            if (source.name() != null && SourceStore.nameTaken(connection, source.name(), source.id())) {
                problems.put("name", "another source has this name");
            }
            if (!problems.isEmpty()) {
                throw new SourceException("the source was not saved: " + String.join("; ", problems.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue()).toList()), problems);
            }
            id = SourceStore.save(connection, source, keepPassword ? null : secrets.seal(newPassword));
            schedules.sync(SourceStore.all(connection));
        } catch (SQLException e) {
            throw new IllegalStateException("Saving the source failed: " + e.getMessage(), e);
        }
        audit.record(AuditAction.IMPORT, "source " + source.name() + " saved (" + (source.enabled()
                ? "scheduled " + source.cron() : "not scheduled") + (keepPassword ? "" : "; password changed") + ")");
        return id;
    }

    /** Deletes a source and its schedule; its runs stay in ingest_run and the lines it loaded stay. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public void delete(int id) {
        String name = withConnection(connection -> {
            String deleted = SourceStore.find(connection, id).map(s -> s.definition().name()).orElse(null);
            SourceStore.delete(connection, id);
            schedules.sync(SourceStore.all(connection));
            return deleted;
        });
        if (name != null) {
            audit.record(AuditAction.IMPORT, "source " + name + " deleted");
        }
    }

    /**
     * Connects with the form's values (the typed password, else the stored one of source {@code id}) and runs the
     * extract query for at most one line; returns what it found. Nothing is stored.
     */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public String testConnection(SourceDefinition definition, String newPassword) throws SourceException {
        SourceDefinition source = definition.stripped();
        Map<String, String> problems = new LinkedHashMap<>(source.problems());
        problems.remove("defaultRegion");
        problems.remove("name");
        problems.remove("cron");
        if (!problems.isEmpty()) {
            throw new SourceException("not tested: fix the fields first", problems);
        }
        String password = newPassword;
        if (password == null || password.isEmpty()) {
            String stored = source.id() == 0 ? null : withConnection(c -> SourceStore.secret(c, source.id()));
            password = secrets.open(stored);
        } else if (password.startsWith(Secrets.ENV_PREFIX)) {
            password = secrets.open(password);
        }
        try {
            return SourceReader.test(source, password);
        } catch (SourceException e) {
            throw new SourceException(SourceReader.mask(e.getMessage(), password));
        }
    }

    /** Runs source {@code id} now on this thread; a run that loaded lines starts a refresh. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public RunResult runNow(int id) throws SourceException {
        String name = withConnection(c -> SourceStore.find(c, id)).map(s -> s.definition().name()).orElse("#" + id);
        RunResult result;
        try {
            result = runner.run(id);
        } catch (SourceException e) {
            audit.record(AuditAction.IMPORT, "source " + name + " (run now): " + e.getMessage(), 0L);
            throw e;
        }
        audit.record(AuditAction.IMPORT, "source " + name + " (run " + result.runId() + ", run now): "
                + result.summary(), result.linesInserted());
        if (result.linesInserted() > 0) {
            refresh.refreshNow();
        }
        return result;
    }

    /** The sources' latest runs from ingest_run, newest first. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public List<ImportRun> runs(int limit) {
        return withConnection(connection -> {
            List<ImportRun> runs = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT run_id, source, started_at, finished_at, status, lines_read, lines_loaded, lines_excluded,
                           lines_already_loaded, customers, message
                    FROM ingest_run WHERE source LIKE 'sql:%' ORDER BY run_id DESC LIMIT ?""")) {
                query.setInt(1, limit);
                try (ResultSet r = query.executeQuery()) {
                    while (r.next()) {
                        runs.add(new ImportRun(r.getLong(1), r.getString(2), r.getObject(3, OffsetDateTime.class),
                                r.getObject(4, OffsetDateTime.class), r.getString(5), r.getLong(6), r.getLong(7),
                                r.getLong(8), r.getLong(9), r.getLong(10), r.getString(11)));
                    }
                }
            }
            return runs;
        });
    }

    /** The extract query as configured in sql/source-extract-sales.sql, before the names are put in. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public String extractTemplate() {
        return ExtractSql.template();
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
