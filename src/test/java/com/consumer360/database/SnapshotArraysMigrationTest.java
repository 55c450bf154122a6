package com.consumer360.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.support.PortalIntegration;
import com.consumer360.support.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Upgrading a database that has snapshots: migration V12 turns the rows of snap_segment_product and
 * snap_basket_rule into arrays per segment and region, or per region, and the view snap_basket_rule gives the
 * rules back as they were. Run on a database of its own, migrated to V11, given rows, then migrated on.
 */
class SnapshotArraysMigrationTest {

    private static final String DATABASE = "consumer360_upgrade";

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection admin = TestDatabase.connectAs("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @Test
    void v12CarriesSegmentProductsAndRulesOverExactly() throws SQLException {
        try (Connection admin = TestDatabase.connectAs("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + EmbeddedDatabase.OWNER_ROLE);
        }
        String url = EmbeddedDatabase.startOrGet(Path.of(PortalIntegration.DATA_DIR).resolve("postgres")).jdbcUrl()
                .replace("/consumer360", "/" + DATABASE);
        migrate(url, "11");
        try (Connection owner = DriverManager.getConnection(url, EmbeddedDatabase.OWNER_ROLE, EmbeddedDatabase.PASSWORD);
             Statement sql = owner.createStatement()) {
            // Region 9 is no longer in dim_region: its rows must be carried over all the same.
            sql.execute("SELECT set_config('app.region_ids', '1,2,9', false)");
            sql.execute("INSERT INTO dim_region VALUES (1, 'NORTH', 'North'), (2, 'SOUTH', 'South')");
            sql.execute("INSERT INTO snapshot VALUES (7, DATE '2011-12-10', now(), true, 'v1', 3, '{}')");
            sql.execute("INSERT INTO snap_segment_product VALUES (7, 'Champions', 1, 30, 5, 12.34), "
                    + "(7, 'Champions', 1, 4, -1, -2.50), (7, 'Champions', 2, 30, 1, 1.00), (7, 'Lost', 2, 9, 2, 0.00), "
                    + "(7, 'Lost', 9, 9, 1, 3.00)");
            sql.execute("INSERT INTO snap_basket_rule VALUES (7, 0, 1, 'a + b', 'c', 0.1, 0.5, 2.5, 0.01, NULL, 5), "
                    + "(7, 0, 2, 'a', 'b', 0.2, 0.25, 1.5, 0.02, 1.25, 9), (7, 1, 1, 'x', 'y', 0.3, 0.75, 3, 0.03, 4, 2)");
        }

        migrate(url, "latest");

        try (Connection owner = DriverManager.getConnection(url, EmbeddedDatabase.OWNER_ROLE, EmbeddedDatabase.PASSWORD);
             Statement sql = owner.createStatement()) {
            sql.execute("SELECT set_config('app.region_ids', '1,2,9', false)");
            assertThat(rows(sql, "SELECT snapshot_id, segment, region_id, item.product_id, item.units, item.cents "
                    + "FROM snap_segment_product_totals, unnest(product_ids, units, revenue_cents) WITH ORDINALITY "
                    + "AS item(product_id, units, cents, n) ORDER BY segment, region_id, n")).containsExactly(
                    "7|Champions|1|4|-1|-250", "7|Champions|1|30|5|1234", "7|Champions|2|30|1|100", "7|Lost|2|9|2|0",
                    "7|Lost|9|9|1|300");
            assertThat(rows(sql, "SELECT snapshot_id, region_id, rule_rank, antecedent, consequent, support, "
                    + "confidence, lift, leverage, conviction, rule_count FROM snap_basket_rule "
                    + "ORDER BY region_id, rule_rank")).containsExactly(
                    "7|0|1|a + b|c|0.1|0.5|2.5|0.01|null|5", "7|0|2|a|b|0.2|0.25|1.5|0.02|1.25|9",
                    "7|1|1|x|y|0.3|0.75|3.0|0.03|4.0|2");
            assertThat(rows(sql, "SELECT to_regclass('snap_segment_product') IS NULL")).containsExactly("true");
            // The policies apply to the owner again once the tables are filled.
            assertThat(rows(sql, "SELECT relname, relforcerowsecurity FROM pg_class WHERE relname IN "
                    + "('snap_segment_product_totals', 'snap_basket_rule_set') ORDER BY relname")).containsExactly(
                    "snap_basket_rule_set|true", "snap_segment_product_totals|true");
        }
    }

    private static void migrate(String url, String target) {
        Flyway.configure().dataSource(url, EmbeddedDatabase.OWNER_ROLE, EmbeddedDatabase.PASSWORD)
                .locations("classpath:db/migration").placeholders(Map.of("app_role", "c360_app"))
                .target(target).load().migrate();
    }

    private static List<String> rows(Statement sql, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> fields = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    fields.add(String.valueOf(result.getObject(i)));
                }
                rows.add(String.join("|", fields));
            }
        }
        return rows;
    }
}
