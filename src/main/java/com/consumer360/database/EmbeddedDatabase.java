package com.consumer360.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 17 server: one per data directory and JVM, kept across restarts, with the owner
 * and runtime roles (sql/setup-roles.sql does the same for an external server).
 */
public final class EmbeddedDatabase {

    static final String DATABASE = "consumer360";
    static final String OWNER_ROLE = "c360_owner";
    static final String APP_ROLE = "c360_app";
    /** The embedded server only listens on localhost; these roles use trust authentication there. */
    static final String PASSWORD = "consumer360";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Map<Path, EmbeddedDatabase> RUNNING = new ConcurrentHashMap<>();

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts the server on {@code dataDirectory}, or returns the one this JVM already started there. */
    public static EmbeddedDatabase startOrGet(Path dataDirectory) {
        return RUNNING.computeIfAbsent(dataDirectory.toAbsolutePath().normalize(), EmbeddedDatabase::start);
    }

    private static EmbeddedDatabase start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            boolean fresh = !Files.exists(dataDirectory.resolve("PG_VERSION"));
            log.info("{} embedded PostgreSQL in {}", fresh ? "Creating" : "Starting", dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("work_mem", "32MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    // The write-ahead log was most of ./data (81 of 139 MB at 60 k lines). A single local server
                    // needs no replication or archiving: minimal WAL (bulk loads into new tables skip it). The
                    // server keeps recycled segments up to max_wal_size after a load or refresh, and an idle
                    // server never checkpoints them away: at 512MB, pg_wal stayed at 513 MB of the 1 M-line
                    // demo's 1.1 GB (docs/operations.md); hence 128MB.
                    .setServerConfig("wal_level", "minimal")
                    .setServerConfig("max_wal_senders", "0")
                    .setServerConfig("max_wal_size", "128MB")
                    .setServerConfig("min_wal_size", "32MB")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres);
            database.createRolesAndDatabase();
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDirectory, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set up the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** Stops the server started on {@code dataDirectory}, if this JVM started one; its data stays. */
    public static void stop(Path dataDirectory) throws IOException {
        EmbeddedDatabase database = RUNNING.remove(dataDirectory.toAbsolutePath().normalize());
        if (database != null) {
            database.postgres.close();
        }
    }

    /** JDBC URL of the Consumer360 database on this server. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    /** The role that owns the schema (migrations, the import command) on the embedded server. */
    public static String ownerRole() {
        return OWNER_ROLE;
    }

    /** The portal's runtime role on the embedded server. */
    public static String appRole() {
        return APP_ROLE;
    }

    /** The embedded roles' password (the server listens on localhost only). */
    public static String password() {
        return PASSWORD;
    }

    /** Port the server listens on (localhost only). */
    public int port() {
        return postgres.getPort();
    }

    private void createRolesAndDatabase() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            createRole(statement, OWNER_ROLE, "LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB");
            createRole(statement, APP_ROLE, "LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB");
            try (ResultSet exists = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER_ROLE);
                    statement.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
                    statement.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + DATABASE + " TO " + APP_ROLE);
                }
            }
        }
    }

    private static void createRole(Statement statement, String role, String options) throws SQLException {
        try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE ROLE " + role + " " + options + " PASSWORD '" + PASSWORD + "'");
            }
        }
    }
}
