package com.consumer360.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The bulk path into an empty warehouse (migration V28): fact_sales's and fact_invoice's secondary indexes and the
 * insert trigger are left out while the lines go in and built once afterwards, in the caller's transaction, under
 * the caller's region scope. Used by the demo loader and by imports into a warehouse that never had lines.
 */
public final class BulkLoad {

    private BulkLoad() {
    }

    /**
     * Drops the secondary indexes and disables the insert trigger for this transaction if both fact tables never had
     * rows; returns whether it did. The transaction cannot commit until {@link #finish}.
     */
    public static boolean begin(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet began = statement.executeQuery("SELECT warehouse_bulk_load_begin()")) {
            began.next();
            return began.getBoolean(1);
        }
    }

    /** Aggregates fact_invoice set-based, builds the dropped indexes and enables the trigger again. */
    public static void finish(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT warehouse_bulk_load_finish()");
        }
    }
}
