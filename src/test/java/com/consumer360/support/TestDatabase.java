package com.consumer360.support;

import com.consumer360.database.EmbeddedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Direct connections to the test run's embedded PostgreSQL as a given role, bypassing the application. */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** A connection as {@code role} (the embedded server trusts local connections). */
    public static Connection connectAs(String role) throws SQLException {
        EmbeddedDatabase database = EmbeddedDatabase.startOrGet(Path.of(PortalIntegration.DATA_DIR).resolve("postgres"));
        return DriverManager.getConnection(database.jdbcUrl(), role, "");
    }

    /** Work of a test that may throw. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /**
     * Runs {@code work} with the rows of the current snapshot in {@code table} set aside (as the superuser, committed,
     * so the portal's connections miss them), and puts them back after, whatever happens: how a test reads a page
     * for a snapshot whose refresh stored none of them.
     */
    public static void withCurrentRowsSetAside(String table, Work work) throws Exception {
        String current = "snapshot_id = (SELECT snapshot_id FROM snapshot WHERE is_current)";
        try (Connection owner = connectAs("postgres");
             Statement sql = owner.createStatement()) {
            sql.execute("CREATE TABLE set_aside_" + table + " AS SELECT * FROM " + table + " WHERE " + current);
            sql.execute("DELETE FROM " + table + " WHERE " + current);
            try {
                work.run();
            } finally {
                sql.execute("INSERT INTO " + table + " SELECT * FROM set_aside_" + table);
                sql.execute("DROP TABLE set_aside_" + table);
            }
        }
    }

    /** A single number from a query run as the superuser, which row-level security does not filter. */
    public static long superuserLong(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connectAs("postgres");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** A single text value from a query run as the superuser (null when the query's value is null). */
    public static String superuserText(String sql) throws SQLException {
        try (Connection connection = connectAs("postgres");
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getString(1);
        }
    }

    /** The first column of {@code sql}'s rows as ids, as superuser. */
    public static Set<Long> superuserIds(String sql) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (Connection connection = connectAs("postgres");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                ids.add(result.getLong(1));
            }
        }
        return ids;
    }

    /** Binds a region scope to a connection the way the application does ({@code app.region_ids}). */
    public static void bindScope(Connection connection, String regionIds) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('app.region_ids', ?, false)")) {
            statement.setString(1, regionIds);
            statement.execute();
        }
    }

    /** Rows of {@code table} this connection can see. */
    public static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The distinct region ids of the rows of {@code table} this connection can see, ascending. */
    public static List<Integer> regionsOf(Connection connection, String table) throws SQLException {
        List<Integer> regions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT DISTINCT region_id FROM " + table + " ORDER BY 1")) {
            while (result.next()) {
                regions.add(result.getInt(1));
            }
        }
        return regions;
    }
}
