package com.consumer360.refresh;

import static com.consumer360.support.TestDatabase.bindScope;
import static com.consumer360.support.TestDatabase.connectAs;
import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.support.PortalIntegration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * fact_invoice, which the refresh reads instead of a million sales lines, is kept equal to an aggregation of
 * fact_sales by triggers (migration V8), whoever writes the lines; and the refresh rebuilds it if the triggers
 * were switched off.
 */
@PortalIntegration
class InvoiceAggregateTest {

    /** fact_invoice as it should be, computed independently from the lines. */
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
    private static final String DIFFERENCES = "SELECT count(*) FROM ((" + EXPECTED + " EXCEPT " + ACTUAL + ") UNION ALL ("
            + ACTUAL + " EXCEPT " + EXPECTED + ")) d";
    private static final String ALL_REGIONS = "1,2,3,4,5";

    @Test
    void theLoadedWarehouseAndItsAggregateAgree() throws SQLException {
        assertThat(superuserLong("SELECT count(*) FROM fact_invoice"))
                .isEqualTo(superuserLong("SELECT count(DISTINCT invoice_no) FROM fact_sales")).isPositive();
        assertThat(superuserLong("SELECT sum(lines) FROM fact_invoice"))
                .isEqualTo(superuserLong("SELECT count(*) FROM fact_sales"));
        assertThat(superuserLong(DIFFERENCES)).isZero();
    }

    @Test
    void insertsUpdatesAndDeletesOfLinesByTheRuntimeRoleKeepItInStep() throws SQLException {
        try (Connection app = connectAs("c360_app")) {
            app.setAutoCommit(false);
            bindScope(app, ALL_REGIONS);
            try (Statement sql = app.createStatement()) {
                long nextLine = longOf(app, "SELECT max(sales_line_id) + 1 FROM fact_sales");
                sql.executeUpdate(copyLines(nextLine, "T-1", 3));
                assertThat(invoice(app, "T-1")).isEqualTo("3 lines, 3 purchase lines");
                assertThat(longOf(app, DIFFERENCES)).isZero();

                sql.executeUpdate(copyLines(nextLine + 3, "T-1", 1)); // a later line of an invoice already loaded
                assertThat(invoice(app, "T-1")).isEqualTo("4 lines, 4 purchase lines");
                sql.executeUpdate("DELETE FROM fact_sales WHERE sales_line_id = " + (nextLine + 3));
                assertThat(invoice(app, "T-1")).isEqualTo("3 lines, 3 purchase lines");

                sql.executeUpdate("UPDATE fact_sales SET is_cancellation = true WHERE sales_line_id = " + nextLine);
                assertThat(invoice(app, "T-1")).isEqualTo("3 lines, 2 purchase lines");
                sql.executeUpdate("UPDATE fact_sales SET invoice_no = 'T-2' WHERE sales_line_id = " + (nextLine + 1));
                assertThat(invoice(app, "T-1")).isEqualTo("2 lines, 1 purchase lines");
                assertThat(invoice(app, "T-2")).isEqualTo("1 lines, 1 purchase lines");
                assertThat(longOf(app, DIFFERENCES)).isZero();

                sql.executeUpdate("DELETE FROM fact_sales WHERE invoice_no = 'T-1'");
                assertThat(invoice(app, "T-1")).isEqualTo("none");
                assertThat(longOf(app, DIFFERENCES)).isZero();
            } finally {
                app.rollback();
            }
        }
    }

    @Test
    void theRuntimeRoleMayRefreshStatisticsOfTheTablesItFills() throws SQLException {
        try (Connection app = connectAs("c360_app"); Statement sql = app.createStatement()) {
            sql.execute("ANALYZE fact_sales, fact_invoice, dim_customer, snap_customer, snap_basket_rule_set");
            assertThat((Object) sql.getWarnings()).as("PostgreSQL warns when it skips a table it may not analyse").isNull();
        }
        assertThat(superuserLong("SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'fact_invoice' "
                + "AND last_analyze IS NOT NULL")).isEqualTo(1);
    }

    @Test
    void theRuntimeRoleCannotWriteTheAggregateItself() throws SQLException {
        try (Connection app = connectAs("c360_app")) {
            bindScope(app, ALL_REGIONS);
            assertThatThrownBy(() -> {
                try (Statement sql = app.createStatement()) {
                    sql.executeUpdate("DELETE FROM fact_invoice");
                }
            }).isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }

    @Test
    void theRefreshRebuildsTheAggregateWhenItsTriggersAreDisabled() throws SQLException {
        try (Connection owner = connectAs("postgres")) {
            owner.setAutoCommit(false);
            bindScope(owner, ALL_REGIONS);
            try (Statement sql = owner.createStatement()) {
                sql.execute("ALTER TABLE fact_sales DISABLE TRIGGER fact_invoice_after_insert");
                sql.executeUpdate(copyLines(longOf(owner, "SELECT max(sales_line_id) + 1 FROM fact_sales"), "T-3", 2));
                assertThat(invoice(owner, "T-3")).isEqualTo("none");

                WarehouseInputs inputs = new WarehouseReader(owner).read();

                assertThat(inputs.lines()).isEqualTo(longOf(owner, "SELECT count(*) FROM fact_sales"));
                assertThat(invoice(owner, "T-3")).isEqualTo("2 lines, 2 purchase lines");
                assertThat(longOf(owner, DIFFERENCES)).isZero();
            } finally {
                owner.rollback();
            }
        }
    }

    /**
     * The refresh's cleaning report counts lines with a unit price ≤ 0 and the invoices and customers left with no
     * other line (issue 17): a new customer with one invoice of two zero-price lines is removed with its invoice; a
     * zero-price line added to a known customer's new invoice beside a purchase removes neither.
     */
    @Test
    void theRefreshCountsWhatThePriceRuleRemoves() throws SQLException {
        try (Connection owner = connectAs("postgres")) {
            owner.setAutoCommit(false);
            bindScope(owner, ALL_REGIONS);
            try (Statement sql = owner.createStatement()) {
                WarehouseCleaning before = new WarehouseReader(owner).read().cleaning();
                long next = longOf(owner, "SELECT max(sales_line_id) + 1 FROM fact_sales");
                long newCustomer = longOf(owner, "SELECT max(customer_id) + 1 FROM fact_sales");
                sql.executeUpdate(copyLines(next, "T-Z1", 2));
                sql.executeUpdate("UPDATE fact_sales SET customer_id = " + newCustomer + ", unit_price = 0, "
                        + "net_amount = 0 WHERE invoice_no = 'T-Z1'");
                sql.executeUpdate(copyLines(next + 2, "T-Z2", 2));
                sql.executeUpdate("UPDATE fact_sales SET unit_price = 0, net_amount = 0 WHERE sales_line_id = "
                        + (next + 3));

                WarehouseInputs inputs = new WarehouseReader(owner).read();
                WarehouseCleaning after = inputs.cleaning();

                assertThat(after.lines()).isEqualTo(before.lines() + 4);
                assertThat(after.customers()).isEqualTo(before.customers() + 1);
                assertThat(after.invoices()).isEqualTo(before.invoices() + 2);
                assertThat(after.priceLines()).isEqualTo(before.priceLines() + 3);
                assertThat(after.priceInvoices()).isEqualTo(before.priceInvoices() + 1);
                assertThat(after.priceCustomers()).isEqualTo(before.priceCustomers() + 1);
                assertThat(after.priceCustomers()).isEqualTo(longOf(owner, "SELECT count(*) FROM (SELECT customer_id "
                        + "FROM fact_sales WHERE customer_id IS NOT NULL GROUP BY 1 HAVING bool_and(unit_price <= 0)) c"));
                assertThat(inputs.regionOfCustomer()).doesNotContainKey(String.valueOf(newCustomer));
                assertThat(after.text(inputs.rfm().size())).contains(String.format("%,d customers scored, %,d without",
                        inputs.rfm().size(), after.customers() - after.priceCustomers() - inputs.rfm().size()));
            } finally {
                owner.rollback();
            }
        }
    }

    /** Copies {@code count} purchase lines of one North customer's invoice into a new invoice. */
    private static String copyLines(long firstLineId, String invoiceNo, int count) {
        return "INSERT INTO fact_sales (sales_line_id, invoice_no, invoice_ts, date_key, customer_id, product_id, "
                + "quantity, unit_price, net_amount, is_cancellation, region_id) "
                + "SELECT " + firstLineId + " + row_number() OVER () - 1, '" + invoiceNo + "', invoice_ts, date_key, "
                + "customer_id, product_id, quantity, unit_price, net_amount, false, region_id FROM ("
                + "SELECT * FROM fact_sales WHERE region_id = 1 AND net_amount > 0 AND customer_id = "
                + "(SELECT min(customer_id) FROM fact_sales WHERE region_id = 1) ORDER BY sales_line_id LIMIT "
                + count + ") l";
    }

    private static String invoice(Connection connection, String invoiceNo) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT lines, purchase_lines FROM fact_invoice WHERE invoice_no = ?")) {
            query.setString(1, invoiceNo);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getInt(1) + " lines, " + row.getInt(2) + " purchase lines" : "none";
            }
        }
    }

    private static long longOf(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
