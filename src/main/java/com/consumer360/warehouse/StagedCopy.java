package com.consumer360.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * COPY into a row-secured table: PostgreSQL refuses COPY FROM on tables with row-level security, so rows go
 * into a temporary staging table ({@code stage_<table>}, dropped at commit) and are published with one
 * INSERT ... SELECT, which the policies' WITH CHECK still guards.
 */
public final class StagedCopy {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private StagedCopy() {
    }

    /** Creates the staging table and opens a COPY into it for the given columns. */
    public static CopyStream open(Connection connection, String table, String columns) throws SQLException {
        if (!IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE stage_" + table + " (LIKE " + table + ") ON COMMIT DROP");
        }
        return new CopyStream(connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY stage_" + table + " (" + columns + ") FROM STDIN"));
    }

    /**
     * Moves the staged rows into the table; returns the number of rows. The table's generated columns (V49) are
     * left out: the staging table holds them as plain columns, and PostgreSQL computes them on insert.
     */
    public static long publish(Connection connection, String table) throws SQLException {
        return publish(connection, table, List.of());
    }

    /**
     * Moves the staged rows into the table in the order of {@code orderBy} (column names), so that rows read
     * together lie together in the table; returns the number of rows.
     */
    public static long publish(Connection connection, String table, List<String> orderBy) throws SQLException {
        if (!IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        for (String column : orderBy) {
            if (!IDENTIFIER.matcher(column).matches()) {
                throw new IllegalArgumentException("not a column name: " + column);
            }
        }
        String columns;
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute
                WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped AND attgenerated = ''""")) {
            query.setString(1, table);
            try (ResultSet r = query.executeQuery()) {
                r.next();
                columns = r.getString(1);
            }
        }
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate("INSERT INTO " + table + " (" + columns + ") SELECT " + columns
                    + " FROM stage_" + table + (orderBy.isEmpty() ? "" : " ORDER BY " + String.join(", ", orderBy)));
        }
    }
}
