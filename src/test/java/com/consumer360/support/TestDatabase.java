package com.consumer360.support;

import com.consumer360.database.EmbeddedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct connections to the test run's embedded PostgreSQL as a given role, bypassing the application. */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** A connection as {@code role} (the embedded server trusts local connections). */
    public static Connection connectAs(String role) throws SQLException {
        EmbeddedDatabase database = EmbeddedDatabase.startOrGet(Path.of(PortalTest.DATA_DIR).resolve("postgres"));
        return DriverManager.getConnection(database.jdbcUrl(), role, "");
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
}
