package com.consumer360.ingest;

import com.consumer360.support.TestDatabase;
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
 * A second database on the test run's embedded server, migrated like the portal's and holding the demo regions but
 * no lines, so import tests never touch the shared test warehouse that other tests count on.
 */
final class ImportDatabase {

    /** The header of an Online-Retail-shaped CSV file, as the import tests write them. */
    static final String ONLINE_RETAIL_HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,"
            + "CustomerID,Country\n";

    static final String ALL_REGIONS = "1,2,3,4,5";

    final String url;

    private ImportDatabase(String url) {
        this.url = url;
    }

    /** Drops and creates database {@code name}, migrates it and adds the five demo regions. */
    static ImportDatabase create(String name) throws SQLException {
        try (Connection postgres = TestDatabase.connectAs("postgres")) {
            return create(name, postgres);
        }
    }

    /** As {@link #create(String)}, on the server of the given superuser connection. */
    static ImportDatabase create(String name, Connection postgres) throws SQLException {
        String sharedUrl;
        try (Statement statement = postgres.createStatement()) {
            sharedUrl = postgres.getMetaData().getURL();
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name + " OWNER c360_owner");
        }
        String url = sharedUrl.substring(0, sharedUrl.lastIndexOf('/') + 1) + name;
        Flyway.configure().dataSource(url, "c360_owner", "").locations("classpath:db/migration")
                .placeholders(Map.of("app_role", "c360_app")).load().migrate();
        try (Connection owner = DriverManager.getConnection(url, "c360_owner", "");
             Statement statement = owner.createStatement()) {
            statement.execute("INSERT INTO dim_region (region_id, code, name) VALUES (1, 'NORTH', 'North'), "
                    + "(2, 'SOUTH', 'South'), (3, 'EAST', 'East'), (4, 'WEST', 'West'), (5, 'CENTRAL', 'Central')");
        }
        return new ImportDatabase(url);
    }

    /** A connection as the runtime role with the given region scope, as the portal binds it. */
    Connection runtime(String regionIds) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "c360_app");
        properties.setProperty("password", "");
        properties.setProperty("options", "-c app.region_ids=" + regionIds);
        return DriverManager.getConnection(url, properties);
    }

    FileImport.Connections admin() {
        return () -> runtime(ALL_REGIONS);
    }

    /** A single number as the superuser, which row-level security does not filter. */
    long superuserLong(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    /** A single text as the superuser. */
    String superuserText(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getString(1);
        }
    }

    /** Row counts of the warehouse tables an import writes, as one comparable text. */
    String rowCounts() throws SQLException {
        return superuserLong("SELECT count(*) FROM fact_sales") + " lines, "
                + superuserLong("SELECT count(*) FROM fact_invoice") + " invoices, "
                + superuserLong("SELECT count(*) FROM dim_customer") + " customers, "
                + superuserLong("SELECT count(*) FROM dim_product") + " products, "
                + superuserLong("SELECT count(*) FROM dim_date") + " dates";
    }
}
