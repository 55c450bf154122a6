package com.consumer360.demodata;

import static com.consumer360.support.TestDatabase.bindScope;
import static com.consumer360.support.TestDatabase.connectAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.support.PortalIntegration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bulk load into an empty warehouse (migration V28, used by the demo loader) gives the same warehouse as inserting
 * the lines with the indexes and triggers in place: the same lines, fact_invoice equal to the lines' aggregate and to
 * what the insert trigger builds, every index and trigger back afterwards; and it cannot be left half done. Each
 * case empties the test warehouse inside a transaction that is rolled back.
 */
@PortalIntegration
class BulkLoadTest {

    private static final String ALL_REGIONS = "1,2,3,4,5";
    /** fact_invoice as it should be, computed independently from the lines (as in InvoiceAggregateTest). */
    private static final String EXPECTED = """
            SELECT invoice_no, min(date_key), min(customer_id), min(region_id), count(*)::INT,
                   count(*) FILTER (WHERE net_amount > 0 AND NOT is_cancellation)::INT,
                   coalesce(sum(net_amount) FILTER (WHERE net_amount > 0 AND NOT is_cancellation), 0),
                   sum(net_amount),
                   coalesce(array_agg(DISTINCT product_id) FILTER (WHERE net_amount > 0 AND NOT is_cancellation), '{}'),
                   (SELECT array_agg(p ORDER BY p) FROM (SELECT DISTINCT product_id p FROM fact_sales d
                        WHERE d.invoice_no = l.invoice_no) x),
                   (SELECT array_agg(u ORDER BY p) FROM (SELECT product_id p, sum(quantity) u FROM fact_sales d
                        WHERE d.invoice_no = l.invoice_no GROUP BY 1) x),
                   (SELECT array_agg(c ORDER BY p) FROM (SELECT product_id p, (sum(net_amount) * 100)::BIGINT c
                        FROM fact_sales d WHERE d.invoice_no = l.invoice_no GROUP BY 1) x),
                   sum(quantity)::BIGINT
            FROM fact_sales l GROUP BY invoice_no""";
    private static final String ACTUAL = "SELECT invoice_no, date_key, customer_id, region_id, lines, purchase_lines, "
            + "purchase_amount, net_amount, purchase_products, products, product_units, product_cents, units "
            + "FROM fact_invoice";
    private static final String INDEXES = "SELECT tablename || ': ' || indexdef FROM pg_indexes "
            + "WHERE tablename IN ('fact_sales', 'fact_invoice') ORDER BY 1";
    private static final String TRIGGERS = "SELECT tgname || ' ' || tgenabled::TEXT FROM pg_trigger "
            + "WHERE tgrelid = 'fact_sales'::regclass AND NOT tgisinternal ORDER BY 1";

    @Test
    void theLoadedWarehouseHasEveryIndexAndTriggerOfTheMigrations() throws SQLException {
        try (Connection superuser = connectAs("postgres")) {
            assertThat(column(superuser, "SELECT indexname FROM pg_indexes WHERE tablename IN ('fact_sales', "
                    + "'fact_invoice') ORDER BY 1")).containsExactly("fact_invoice_customer_idx", "fact_invoice_date_idx", "fact_invoice_pkey",
                    "fact_invoice_purchase_days_idx", "fact_sales_customer_idx", "fact_sales_date_idx",
                    "fact_sales_invoice_idx", "fact_sales_line_key_idx", "fact_sales_pkey", "fact_sales_product_idx",
                    "fact_sales_region_date_idx");
            assertThat(column(superuser, "SELECT count(*) FROM pg_index WHERE NOT indisvalid OR NOT indisready"))
                    .containsExactly("0");
            assertThat(column(superuser, TRIGGERS)).containsExactly("fact_invoice_after_delete O",
                    "fact_invoice_after_insert O", "fact_invoice_after_truncate O", "fact_invoice_after_update O",
                    "fact_sales_version O");
            assertThat(column(superuser, "SELECT count(*) FROM bulk_load_deferred")).containsExactly("0");
        }
    }

    @Test
    void bulkAndRowByRowLoadsGiveTheSameWarehouse() throws SQLException {
        try (Connection connection = connectAs("postgres")) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                sql.execute("SET LOCAL lock_timeout = '20s'");
                List<String> indexes = column(connection, INDEXES);
                List<String> triggers = column(connection, TRIGGERS);
                long lines = single(connection, "SELECT count(*) FROM fact_sales");
                sql.execute("CREATE TEMPORARY TABLE saved_lines ON COMMIT DROP AS SELECT * FROM fact_sales");
                sql.execute("GRANT SELECT ON saved_lines TO c360_app");

                // Row by row: the lines inserted with the indexes and the insert trigger in place.
                emptyWarehouseAsRuntimeRole(sql);
                sql.executeUpdate("INSERT INTO fact_sales SELECT * FROM saved_lines");
                sql.execute("RESET ROLE");
                sql.execute("CREATE TEMPORARY TABLE row_by_row ON COMMIT DROP AS " + ACTUAL);

                // Bulk: the same lines between begin and finish.
                emptyWarehouseAsRuntimeRole(sql);
                assertThat(single(connection, "SELECT warehouse_bulk_load_begin()::INT")).isOne();
                assertThat(column(connection, INDEXES)).as("only the primary keys during the load")
                        .containsExactly("fact_invoice: CREATE UNIQUE INDEX fact_invoice_pkey ON public.fact_invoice "
                                + "USING btree (invoice_no)", "fact_sales: CREATE UNIQUE INDEX fact_sales_pkey ON "
                                + "public.fact_sales USING btree (sales_line_id)");
                sql.executeUpdate("INSERT INTO fact_sales SELECT * FROM saved_lines");
                assertThat(single(connection, "SELECT count(*) FROM fact_invoice")).as("no trigger during the load")
                        .isZero();
                sql.execute("SELECT warehouse_bulk_load_finish()");
                sql.execute("RESET ROLE");

                assertThat(single(connection, "SELECT count(*) FROM fact_sales")).isEqualTo(lines);
                assertThat(single(connection, "SELECT count(*) FROM ((SELECT * FROM fact_sales EXCEPT "
                        + "SELECT * FROM saved_lines) UNION ALL (SELECT * FROM saved_lines EXCEPT "
                        + "SELECT * FROM fact_sales)) d")).isZero();
                assertThat(single(connection, "SELECT count(*) FROM fact_invoice"))
                        .isEqualTo(single(connection, "SELECT count(DISTINCT invoice_no) FROM fact_sales"));
                assertThat(single(connection, "SELECT count(*) FROM ((" + EXPECTED + " EXCEPT " + ACTUAL
                        + ") UNION ALL (" + ACTUAL + " EXCEPT " + EXPECTED + ")) d")).isZero();
                assertThat(single(connection, "SELECT count(*) FROM ((SELECT * FROM row_by_row EXCEPT " + ACTUAL
                        + ") UNION ALL (" + ACTUAL + " EXCEPT SELECT * FROM row_by_row)) d")).isZero();
                assertThat(column(connection, INDEXES)).isEqualTo(indexes);
                assertThat(column(connection, TRIGGERS)).isEqualTo(triggers);
                assertThat(single(connection, "SELECT count(*) FROM bulk_load_deferred")).isZero();
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void aWarehouseWithLinesIsNotBulkLoaded() throws SQLException {
        try (Connection app = connectAs("c360_app")) {
            app.setAutoCommit(false);
            bindScope(app, ALL_REGIONS);
            try {
                List<String> indexes = column(app, INDEXES);
                assertThat(single(app, "SELECT warehouse_bulk_load_begin()::INT")).isZero();
                assertThat(column(app, INDEXES)).isEqualTo(indexes);
                assertThatThrownBy(() -> single(app, "SELECT count(*) FROM (SELECT warehouse_bulk_load_finish()) f"))
                        .hasMessageContaining("no bulk load into the warehouse is under way");
            } finally {
                app.rollback();
            }
        }
    }

    @Test
    void aBulkLoadThatIsNotFinishedCannotCommit() throws SQLException {
        try (Connection connection = connectAs("postgres")) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                sql.execute("SET LOCAL lock_timeout = '20s'");
                emptyWarehouseAsRuntimeRole(sql);
                assertThat(single(connection, "SELECT warehouse_bulk_load_begin()::INT")).isOne();
                // The check runs at commit; IMMEDIATE runs it now, so the test never commits an emptied warehouse.
                assertThatThrownBy(() -> sql.execute("SET CONSTRAINTS ALL IMMEDIATE"))
                        .hasMessageContaining("begun but not finished");
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void theRegionScopeCannotChangeDuringABulkLoad() throws SQLException {
        try (Connection connection = connectAs("postgres")) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                sql.execute("SET LOCAL lock_timeout = '20s'");
                emptyWarehouseAsRuntimeRole(sql);
                assertThat(single(connection, "SELECT warehouse_bulk_load_begin()::INT")).isOne();
                bindScope(connection, "1");
                assertThatThrownBy(() -> sql.execute("SELECT warehouse_bulk_load_finish()"))
                        .hasMessageContaining("region scope changed");
            } finally {
                connection.rollback();
            }
        }
    }

    /** Empties both fact tables (as the superuser, uncommitted) and continues as the runtime role with every region. */
    private static void emptyWarehouseAsRuntimeRole(Statement sql) throws SQLException {
        sql.execute("RESET ROLE");
        sql.execute("TRUNCATE fact_sales, fact_invoice");
        sql.execute("SET ROLE c360_app");
        bindScope(sql.getConnection(), ALL_REGIONS);
    }

    private static long single(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static List<String> column(Connection connection, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
