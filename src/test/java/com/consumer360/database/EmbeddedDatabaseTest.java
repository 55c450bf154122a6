package com.consumer360.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL keeps its data across restarts and creates the owner and runtime roles itself. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestartAndTheRolesExist() throws Exception {
        EmbeddedDatabase first = EmbeddedDatabase.startOrGet(dataDir);
        try (Connection owner = DriverManager.getConnection(first.jdbcUrl(), "c360_owner", "");
             Statement statement = owner.createStatement()) {
            statement.execute("CREATE TABLE restart_probe (id int)");
            statement.execute("INSERT INTO restart_probe VALUES (42)");
        }
        EmbeddedDatabase.stop(dataDir);

        EmbeddedDatabase second = EmbeddedDatabase.startOrGet(dataDir);
        try (Connection owner = DriverManager.getConnection(second.jdbcUrl(), "c360_owner", "");
             Statement statement = owner.createStatement();
             ResultSet result = statement.executeQuery("SELECT id FROM restart_probe")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isEqualTo(42);
        }
        try (Connection admin = DriverManager.getConnection(second.jdbcUrl(), "postgres", "");
             Statement statement = admin.createStatement();
             ResultSet roles = statement.executeQuery("SELECT rolname, rolsuper OR rolbypassrls FROM pg_roles "
                     + "WHERE rolname IN ('c360_owner', 'c360_app') ORDER BY rolname")) {
            assertThat(roles.next()).isTrue();
            assertThat(roles.getString(1)).isEqualTo("c360_app");
            assertThat(roles.getBoolean(2)).isFalse();
            assertThat(roles.next()).isTrue();
            assertThat(roles.getString(1)).isEqualTo("c360_owner");
            assertThat(roles.getBoolean(2)).isFalse();
        } finally {
            EmbeddedDatabase.stop(dataDir);
        }
    }
}
