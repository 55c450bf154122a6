package com.consumer360.refresh;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The refresh's cleaning report (docs/analytics-methods.md, "Transactions and cleaning"), written into the run's
 * message: what the warehouse held and what each rule left out, so that the scored customers reconcile with the
 * warehouse's distinct customer ids. The rules are those of {@code analytics.cleaning.Cleaning}: the price rule
 * finds the lines with a unit price ≤ 0 (never purchases here: their amount is not positive); the duplicate rule
 * removes nothing in the warehouse, where every row is an identified line of an invoice (files are de-duplicated
 * when they are read).
 *
 * @param lines            warehouse lines read
 * @param customers        distinct customer ids among them
 * @param invoices         distinct invoices among them
 * @param priceLines       lines with a unit price ≤ 0
 * @param priceCustomers   customers whose every line has a unit price ≤ 0
 * @param priceInvoices    invoices whose every line has a unit price ≤ 0
 */
record WarehouseCleaning(long lines, long customers, long invoices, long priceLines, long priceCustomers,
                         long priceInvoices) {

    /**
     * Counts the price rule's lines, and the invoices and customers it leaves with no other line, over the sales
     * before {@code beforeDateKey} (all sales when null). Invoices share one day, so fact_sales and fact_invoice
     * filter alike. Usually there is no such line: the scan of fact_sales then finds nothing to join.
     */
    static WarehouseCleaning count(Connection connection, Integer beforeDateKey, long lines, long customers,
                                   long invoices) throws SQLException {
        String sales = beforeDateKey == null ? "" : " AND date_key < " + beforeDateKey;
        String invoiceDays = beforeDateKey == null ? "" : " AND f.date_key < " + beforeDateKey;
        String sql = "WITH z AS (SELECT invoice_no, count(*) AS n FROM fact_sales WHERE unit_price <= 0" + sales
                + " GROUP BY invoice_no), "
                + "zi AS (SELECT f.invoice_no, f.customer_id, z.n, f.lines FROM z JOIN fact_invoice f USING (invoice_no)"
                + " WHERE true" + invoiceDays + ") "
                + "SELECT coalesce(sum(n), 0), count(*) FILTER (WHERE n = lines), "
                + "(SELECT count(*) FROM (SELECT f.customer_id FROM fact_invoice f LEFT JOIN z USING (invoice_no) "
                + "  WHERE f.customer_id IN (SELECT customer_id FROM zi)" + invoiceDays
                + "  GROUP BY f.customer_id HAVING bool_and(coalesce(z.n, 0) = f.lines)) c) FROM zi";
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return new WarehouseCleaning(lines, customers, invoices, row.getLong(1), row.getLong(3), row.getLong(2));
        }
    }

    /** The report as one sentence for the run's message, ending with the customers scored. */
    String text(int scored) {
        return String.format("cleaning: the warehouse held %,d lines, %,d customers and %,d invoices; unit price ≤ 0: "
                        + "%,d lines, removing %,d customers and %,d invoices (none of their lines left); exact "
                        + "duplicates: none (every warehouse line is identified); %,d customers scored, %,d without a "
                        + "purchase", lines, customers, invoices, priceLines, priceCustomers, priceInvoices, scored,
                customers - priceCustomers - scored);
    }
}
