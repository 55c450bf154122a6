package com.consumer360.sources;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The source_definition table (V24): definitions, the stored password secret, high-water mark and last run. */
final class SourceStore {

    private static final String COLUMNS = "source_id, name, jdbc_url, username, password_secret IS NOT NULL, "
            + "fact_table, invoice_column, invoice_ts_column, product_column, description_column, quantity_column, "
            + "unit_price_column, customer_column, customer_table, customer_key_column, country_column, hwm_column, "
            + "hwm_kind, mapping_name, default_region, schedule_cron, enabled, hwm_value, last_run_id, last_run_at, "
            + "last_status, last_lines_loaded, last_message";

    private SourceStore() {
    }

    static List<SourceStatus> all(Connection connection) throws SQLException {
        List<SourceStatus> sources = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet r = statement.executeQuery("SELECT " + COLUMNS + " FROM source_definition ORDER BY name")) {
            while (r.next()) {
                sources.add(status(r));
            }
        }
        return sources;
    }

    static Optional<SourceStatus> find(Connection connection, int id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM source_definition WHERE source_id = ?")) {
            query.setInt(1, id);
            try (ResultSet r = query.executeQuery()) {
                return r.next() ? Optional.of(status(r)) : Optional.empty();
            }
        }
    }

    static String secret(Connection connection, int id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT password_secret FROM source_definition WHERE source_id = ?")) {
            query.setInt(1, id);
            try (ResultSet r = query.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    static boolean nameTaken(Connection connection, String name, int exceptId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM source_definition WHERE lower(name) = lower(?) AND source_id <> ?")) {
            query.setString(1, name);
            query.setInt(2, exceptId);
            try (ResultSet r = query.executeQuery()) {
                return r.next();
            }
        }
    }

    /**
     * Inserts (id 0) or updates a definition; {@code secret} null keeps the stored password. Changing the tables,
     * the high-water-mark column or its kind starts the source over (mark cleared): the old mark means nothing there.
     */
    static int save(Connection connection, SourceDefinition s, String secret) throws SQLException {
        if (s.id() == 0) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO source_definition (name, jdbc_url, username, password_secret, fact_table, invoice_column,
                        invoice_ts_column, product_column, description_column, quantity_column, unit_price_column,
                        customer_column, customer_table, customer_key_column, country_column, hwm_column, hwm_kind,
                        mapping_name, default_region, schedule_cron, enabled)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING source_id""")) {
                bind(insert, s, 1);
                insert.setString(4, secret);
                try (ResultSet r = insert.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE source_definition SET name = ?, jdbc_url = ?, username = ?,
                    password_secret = coalesce(?, password_secret), fact_table = ?, invoice_column = ?,
                    invoice_ts_column = ?, product_column = ?, description_column = ?, quantity_column = ?,
                    unit_price_column = ?, customer_column = ?, customer_table = ?, customer_key_column = ?,
                    country_column = ?, hwm_column = ?, hwm_kind = ?, mapping_name = ?, default_region = ?,
                    schedule_cron = ?, enabled = ?,
                    hwm_value = CASE WHEN fact_table = ? AND hwm_column = ? AND hwm_kind = ? THEN hwm_value END,
                    updated_at = now()
                WHERE source_id = ?""")) {
            int i = bind(update, s, 1);
            update.setString(4, secret);
            update.setString(i++, s.factTable());
            update.setString(i++, s.hwmColumn());
            update.setString(i++, s.hwmKind().name());
            update.setInt(i, s.id());
            update.executeUpdate();
            return s.id();
        }
    }

    /** Binds the 21 columns of a definition (the secret's place, 4, is left to the caller); returns the next index. */
    private static int bind(PreparedStatement statement, SourceDefinition s, int first) throws SQLException {
        int i = first;
        statement.setString(i++, s.name());
        statement.setString(i++, s.jdbcUrl());
        statement.setString(i++, s.username());
        i++;
        for (String name : s.names().values()) {
            statement.setString(i++, name);
        }
        return bindRest(statement, s, i);
    }

    private static int bindRest(PreparedStatement statement, SourceDefinition s, int i) throws SQLException {
        statement.setString(i++, s.hwmKind().name());
        statement.setString(i++, s.mappingName());
        statement.setString(i++, s.defaultRegion());
        statement.setString(i++, s.cron());
        statement.setBoolean(i++, s.enabled());
        return i;
    }

    static void delete(Connection connection, int id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM source_definition WHERE source_id = ?")) {
            delete.setInt(1, id);
            delete.executeUpdate();
        }
    }

    /**
     * In the load's transaction: moves the mark from {@code before} to {@code after} and notes the run. Refuses
     * (SQLException, so the load rolls back) when the mark is no longer {@code before}: another run got there first.
     */
    static void advance(Connection connection, int id, String before, String after, long runId, long lines,
                        String message) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE source_definition SET hwm_value = ?, last_run_id = ?, last_run_at = now(), last_status = 'SUCCEEDED',
                    last_lines_loaded = ?, last_message = ?
                WHERE source_id = ? AND hwm_value IS NOT DISTINCT FROM ?""")) {
            update.setString(1, after);
            update.setLong(2, runId);
            update.setLong(3, lines);
            update.setString(4, truncate(message));
            update.setInt(5, id);
            update.setString(6, before);
            if (update.executeUpdate() != 1) {
                throw new SQLException("the source's high-water mark changed during the run (another run of it?); "
                        + "nothing was loaded");
            }
        }
    }

    /** Notes a run that loaded nothing (failed, or no new lines); the mark stays. */
    static void noted(Connection connection, int id, long runId, String status, String message) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE source_definition SET last_run_id = ?, last_run_at = now(), last_status = ?, last_lines_loaded = 0,
                    last_message = ? WHERE source_id = ?""")) {
            update.setLong(1, runId);
            update.setString(2, status);
            update.setString(3, truncate(message));
            update.setInt(4, id);
            update.executeUpdate();
        }
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    private static SourceStatus status(ResultSet r) throws SQLException {
        SourceDefinition d = new SourceDefinition(r.getInt(1), r.getString(2), r.getString(3), r.getString(4),
                r.getBoolean(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10),
                r.getString(11), r.getString(12), r.getString(13), r.getString(14), r.getString(15), r.getString(16),
                r.getString(17), HwmKind.valueOf(r.getString(18)), r.getString(19), r.getString(20), r.getString(21),
                r.getBoolean(22));
        long runId = r.getLong(24);
        Long lastRun = r.wasNull() ? null : runId;
        long lines = r.getLong(27);
        Long lastLines = r.wasNull() ? null : lines;
        return new SourceStatus(d, r.getString(23), lastRun, r.getObject(25, OffsetDateTime.class), r.getString(26),
                lastLines, r.getString(28));
    }
}
