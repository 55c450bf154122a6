package com.consumer360.sources;

import com.consumer360.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.flywaydb.core.Flyway;

/**
 * Databases of the source tests on the test run's embedded server: a warehouse of their own (migrated, the demo
 * regions, no lines, so the shared test warehouse is never touched) and a PostgreSQL stand-in for a company's SQL
 * Server warehouse: schema {@code dbo} with a sales-line fact table and a customer dimension, read by a login with
 * SELECT grants only. That login authenticates with a password (scram-sha-256 for it on that database, prepended to
 * the server's pg_hba.conf), so wrong passwords are refused as on a real server.
 */
public final class SourceDatabases {

    public static final String READER = "c360_source_reader";
    public static final String READER_PASSWORD = "Rdr-Pw-9f3a1c7e";
    static final String ALL_REGIONS = "1,2,3,4,5";

    private SourceDatabases() {
    }

    static String serverUrl(String database) throws SQLException {
        try (Connection postgres = TestDatabase.connectAs("postgres")) {
            String url = postgres.getMetaData().getURL();
            return url.substring(0, url.lastIndexOf('/') + 1).replace("localhost", "127.0.0.1") + database;
        }
    }

    /** A fresh warehouse database {@code name}: migrated, five regions, no lines. */
    static String warehouse(String name) throws SQLException {
        try (Connection postgres = TestDatabase.connectAs("postgres"); Statement statement = postgres.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name + " OWNER c360_owner");
        }
        String url = serverUrl(name);
        Flyway.configure().dataSource(url, "c360_owner", "").locations("classpath:db/migration")
                .placeholders(Map.of("app_role", "c360_app")).load().migrate();
        try (Connection owner = DriverManager.getConnection(url, "c360_owner", "");
             Statement statement = owner.createStatement()) {
            statement.execute("INSERT INTO dim_region (region_id, code, name) VALUES (1, 'NORTH', 'North'), "
                    + "(2, 'SOUTH', 'South'), (3, 'EAST', 'East'), (4, 'WEST', 'West'), (5, 'CENTRAL', 'Central')");
        }
        return url;
    }

    /** A connection to warehouse {@code url} as the runtime role with the given region scope. */
    static Connection runtime(String url, String regionIds) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "c360_app");
        properties.setProperty("password", "");
        properties.setProperty("options", "-c app.region_ids=" + regionIds);
        return DriverManager.getConnection(url, properties);
    }

    /** The stand-in source database {@code name}, empty tables, readable by {@link #READER} with its password. */
    public static String source(String name) throws SQLException, IOException {
        try (Connection postgres = TestDatabase.connectAs("postgres"); Statement statement = postgres.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
            try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + READER + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE ROLE " + READER + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE");
                }
            }
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("ALTER ROLE " + READER + " PASSWORD '" + READER_PASSWORD + "'");
            requirePassword(statement, name);
        }
        String url = serverUrl(name);
        try (Connection owner = DriverManager.getConnection(url, "postgres", "");
             Statement statement = owner.createStatement()) {
            statement.execute("""
                    CREATE SCHEMA dbo;
                    CREATE TABLE dbo.customer (customer_no VARCHAR(20) PRIMARY KEY, country VARCHAR(64));
                    CREATE TABLE dbo.sales_line (
                        sales_line_id BIGINT PRIMARY KEY, invoice_no VARCHAR(20) NOT NULL,
                        invoice_date TIMESTAMP NOT NULL, stock_code VARCHAR(20) NOT NULL, description VARCHAR(200),
                        quantity INTEGER NOT NULL, unit_price NUMERIC(12, 2) NOT NULL, customer_no VARCHAR(20),
                        modified_at TIMESTAMP NOT NULL);
                    REVOKE ALL ON SCHEMA public FROM PUBLIC;
                    GRANT USAGE ON SCHEMA dbo TO %1$s;
                    GRANT SELECT ON ALL TABLES IN SCHEMA dbo TO %1$s;""".formatted(READER));
        }
        return url;
    }

    /** Password authentication for the reader on database {@code name} (first lines of pg_hba.conf win). */
    private static void requirePassword(Statement statement, String name) throws SQLException, IOException {
        String hbaFile;
        try (ResultSet result = statement.executeQuery("SHOW hba_file")) {
            result.next();
            hbaFile = result.getString(1);
        }
        Path hba = Path.of(hbaFile);
        String current = Files.readString(hba);
        String lines = "host " + name + " " + READER + " 127.0.0.1/32 scram-sha-256\n"
                + "host " + name + " " + READER + " ::1/128 scram-sha-256\n";
        if (!current.startsWith(lines)) {
            Files.writeString(hba, lines + current);
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    /** Runs statements on the source as its owner. */
    public static void onSource(String url, String sql, Object... parameters) throws SQLException {
        try (Connection owner = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement statement = owner.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    /** A single number as the superuser (no row-level security). */
    public static long superuserLong(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    static String superuserText(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    /** The source definition of the stand-in tables (lower-case names, as PostgreSQL folds them). */
    static SourceDefinition definition(String name, String url, HwmKind kind) {
        return new SourceDefinition(0, name, url, READER, false, "dbo.sales_line", "invoice_no", "invoice_date",
                "stock_code", "description", "quantity", "unit_price", "customer_no", "dbo.customer", "customer_no",
                "country", kind == HwmKind.LINE_ID ? "sales_line_id" : "modified_at", kind, null, "EAST",
                "0 0 2 * * ?", false);
    }
}
