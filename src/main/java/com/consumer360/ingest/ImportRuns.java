package com.consumer360.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Records imports in ingest_run, each in its own short transaction so a failed load still leaves its row. */
final class ImportRuns {

    private ImportRuns() {
    }

    static long start(Connection connection, String source) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ingest_run (source, started_at, status) VALUES (?, now(), 'RUNNING') RETURNING run_id")) {
            insert.setString(1, truncate(source, 64));
            try (ResultSet result = insert.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    static void succeeded(Connection connection, long runId, ImportReport report) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE ingest_run SET finished_at = clock_timestamp(), status = 'SUCCEEDED', lines_loaded = ?,
                       customers = ?, lines_read = ?, lines_excluded = ?, lines_already_loaded = ?, message = ?
                WHERE run_id = ?""")) {
            update.setLong(1, report.linesInserted());
            update.setLong(2, report.customersAdded());
            update.setLong(3, report.cleaning().linesRead());
            update.setLong(4, report.cleaning().linesRead() - report.cleaning().linesKept());
            update.setLong(5, report.linesAlreadyLoaded());
            update.setString(6, truncate(report.summary(), 2000));
            update.setLong(7, runId);
            update.executeUpdate();
        }
    }

    static void failed(Connection connection, long runId, String message) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE ingest_run SET finished_at = clock_timestamp(), status = 'FAILED', message = ? WHERE run_id = ?")) {
            update.setString(1, truncate(message, 2000));
            update.setLong(2, runId);
            update.executeUpdate();
        }
    }

    static List<ImportRun> latest(Connection connection, int limit) throws SQLException {
        List<ImportRun> runs = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT run_id, source, started_at, finished_at, status, lines_read, lines_loaded, lines_excluded,
                       lines_already_loaded, customers, message
                FROM ingest_run ORDER BY run_id DESC LIMIT ?""")) {
            query.setInt(1, limit);
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    runs.add(new ImportRun(r.getLong(1), r.getString(2),
                            r.getObject(3, java.time.OffsetDateTime.class),
                            r.getObject(4, java.time.OffsetDateTime.class), r.getString(5), r.getLong(6),
                            r.getLong(7), r.getLong(8), r.getLong(9), r.getLong(10), r.getString(11)));
                }
            }
        }
        return runs;
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
