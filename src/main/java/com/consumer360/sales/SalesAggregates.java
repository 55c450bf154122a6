package com.consumer360.sales;

import com.consumer360.refresh.SnapshotExtension;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Writes the Sales page's sums (migration V32) after every refresh over all sales, once its snapshot is current (in
 * their own REPEATABLE READ transaction: the sums and the warehouse version they record are read from one view of
 * the warehouse; about 10 s at 10 M lines, outside the refresh's time, and the page reads the warehouse until they
 * are written). The refresh runs it only with every region in its scope (the sums are read for any set of regions);
 * otherwise, or when writing fails, the sums are not replaced and the page reads them only while the warehouse
 * version they record is current, else computes from the warehouse (SalesQueries).
 */
@Component
class SalesAggregates implements SnapshotExtension {

    @Override
    public String name() {
        return "sales_aggregates";
    }

    @Override
    public boolean afterSwitch() {
        return true;
    }

    @Override
    public String extend(Connection connection, long snapshotId, LocalDate asOf) throws SQLException {
        // The runner calls this with every region in scope and rolls back on failure: the previous sums stay, with
        // the version they were built from, still read while it is current.
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM agg_sales_state");
            statement.execute("DELETE FROM agg_sales_day");
            statement.execute("DELETE FROM agg_sales_month_product");
            statement.execute("DELETE FROM agg_sales_region_customers");
            statement.execute("DELETE FROM agg_sales_customer_days");
            statement.execute("""
                    INSERT INTO agg_sales_day (region_id, date_key, net_amount, units, invoices)
                    SELECT region_id, date_key, sum(net_amount), sum(units), count(*)
                    FROM fact_invoice GROUP BY region_id, date_key""");
            statement.execute("""
                    INSERT INTO agg_sales_month_product (region_id, month_key, product_id, net_amount, units, lines)
                    SELECT region_id, date_key / 100, product_id, sum(net_amount), sum(quantity), count(*)
                    FROM fact_sales GROUP BY region_id, date_key / 100, product_id""");
            statement.execute("""
                    INSERT INTO agg_sales_region_customers (region_id, customers)
                    SELECT region_id, count(*)
                    FROM (SELECT DISTINCT region_id, customer_id FROM fact_invoice WHERE customer_id IS NOT NULL) c
                    GROUP BY region_id""");
            statement.execute("""
                    INSERT INTO agg_sales_customer_days (region_id, date_key, first_customers, last_customers)
                    SELECT region_id, date_key, count(*) FILTER (WHERE first), count(*) FILTER (WHERE NOT first)
                    FROM (SELECT region_id, min(date_key) AS first_day, max(date_key) AS last_day
                          FROM fact_invoice WHERE customer_id IS NOT NULL GROUP BY region_id, customer_id) c,
                         LATERAL (VALUES (c.first_day, TRUE), (c.last_day, FALSE)) AS d(date_key, first)
                    GROUP BY region_id, date_key""");
            statement.execute("""
                    INSERT INTO agg_sales_state (singleton, version, first_date_key, last_date_key, built_at,
                                                 customer_days)
                    SELECT TRUE, v.version, (SELECT min(date_key) FROM agg_sales_day),
                           (SELECT max(date_key) FROM agg_sales_day), now(), TRUE
                    FROM warehouse_version v""");
            return null;
        }
    }
}
