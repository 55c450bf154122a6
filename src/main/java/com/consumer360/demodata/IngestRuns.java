package com.consumer360.demodata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Records a load in ingest_run. */
final class IngestRuns {

    private IngestRuns() {
    }

    static long start(Connection connection, String source) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ingest_run (source, started_at, status) VALUES (?, now(), 'RUNNING') RETURNING run_id")) {
            insert.setString(1, source);
            try (ResultSet result = insert.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    static void finish(Connection connection, long runId, long lines) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE ingest_run SET finished_at = clock_timestamp(), status = 'SUCCEEDED', lines_loaded = ?,
                       customers = (SELECT count(*) FROM dim_customer) WHERE run_id = ?""")) {
            update.setLong(1, lines);
            update.setLong(2, runId);
            update.executeUpdate();
        }
    }
}
