package com.consumer360.ingest;

import com.consumer360.analytics.TransactionTable;
import com.consumer360.analytics.cleaning.CleaningReport;
import com.consumer360.warehouse.CopyStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * The cleaning rules that need every line of a file ({@code Cleaning.clean}'s exact-duplicate rule and its report's
 * counts), in SQL over a temporary table of every readable line with its file line: the first step of an import that
 * streams the file into the database instead of holding it in the heap (issue 16, docs/performance.md "Memory.").
 * Same definitions as {@code com.consumer360.analytics.cleaning.Cleaning}, rule order price then duplicates: a line
 * with a unit price of zero or less is excluded; of the remaining lines with an invoice id, a line equal in every
 * compared column (customer, invoice, date and time, product, quantity, unit price, amount, country, region label)
 * to an earlier one is an exact duplicate ({@code row_number() over (partition by the compared columns order by
 * line_no) > 1}: PostgreSQL partitions NULLs together, as the table's "missing" code equals itself; the amount is
 * compared as text, which tells -0 from 0 as {@code Double.compare} does, where float8 equality would not). Not yet called
 * by the import; StagedCleaningTest checks it against {@code Cleaning.clean} on the Online Retail sample.
 */
final class StagedCleaning {

    private StagedCleaning() {
    }

    /** Creates the (session-temporary, dropped at commit or rollback) table of readable lines. */
    static void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TEMPORARY TABLE stage_line (
                        line_no INTEGER NOT NULL, customer TEXT, invoice TEXT, day INTEGER, second INTEGER,
                        product TEXT, quantity INTEGER, unit_price FLOAT8, amount FLOAT8, country TEXT, region TEXT)
                    ON COMMIT DROP""");
        }
    }

    /** Copies every line of {@code table} ({@code lineOfRow}: its file line) into stage_line. */
    static void stage(Connection connection, TransactionTable table, int[] lineOfRow) throws SQLException {
        try (CopyStream out = new CopyStream(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY stage_line FROM STDIN"))) {
            for (int row = 0; row < table.size(); row++) {
                int customer = table.customer(row);
                int invoice = table.invoice(row);
                int product = table.product(row);
                int country = table.country(row);
                int region = table.region(row);
                out.field(lineOfRow[row]).field(customer < 0 ? null : table.customerId(customer))
                        .field(invoice < 0 ? null : table.invoiceId(invoice)).field(table.day(row))
                        .field(table.secondOfDay(row)).field(product < 0 ? null : table.productId(product))
                        .field(table.quantity(row)).field(number(table.unitPrice(row)))
                        .field(number(table.amount(row))).field(country < 0 ? null : table.countryName(country))
                        .field(region < 0 ? null : table.regionName(region)).endRow();
            }
        }
    }

    private static String number(double value) {
        return Double.isNaN(value) ? null : Double.toString(value);
    }

    /** Lines kept after price: the readable lines whose unit price is missing or positive. */
    private static final String AFTER_PRICE = "SELECT * FROM stage_line WHERE unit_price IS NULL OR unit_price > 0";

    /** Lines after price with their rank among equal lines (1: the first or the only one; no invoice id: 1). */
    private static final String RANKED = """
            SELECT p.*, CASE WHEN invoice IS NULL THEN 1 ELSE row_number() OVER (
                       PARTITION BY customer, invoice, day, second, product, quantity, unit_price, amount::text,
                                    country, region
                       ORDER BY line_no) END AS rank
            FROM (%s) p""".formatted(AFTER_PRICE);

    /** The cleaning report of the staged lines; {@code malformed}: the lines the reader skipped. */
    static CleaningReport report(Connection connection, long malformed) throws SQLException {
        String sql = """
                WITH ranked AS (%s),
                     kept AS (SELECT *, coalesce(invoice LIKE 'C%%', false) AS cancellation FROM ranked WHERE rank = 1)
                SELECT (SELECT count(*) FROM stage_line),
                       (SELECT count(*) FROM kept),
                       (SELECT count(*) FROM stage_line) - (SELECT count(*) FROM ranked),
                       (SELECT count(*) FROM ranked WHERE rank > 1),
                       (SELECT count(*) FILTER (WHERE cancellation) FROM kept),
                       (SELECT count(*) FILTER (WHERE NOT cancellation AND amount < 0) FROM kept),
                       (SELECT count(*) FILTER (WHERE customer IS NULL) FROM kept),
                       (SELECT count(DISTINCT customer) FROM kept),
                       (SELECT count(DISTINCT invoice) + count(*) FILTER (WHERE invoice IS NULL) FROM kept),
                       (SELECT count(DISTINCT customer) FROM stage_line),
                       (SELECT count(DISTINCT invoice) + count(*) FILTER (WHERE invoice IS NULL) FROM stage_line),
                       (SELECT count(DISTINCT customer) FROM ranked),
                       (SELECT count(DISTINCT invoice) + count(*) FILTER (WHERE invoice IS NULL) FROM ranked),
                       (SELECT count(DISTINCT customer) FROM kept
                        WHERE (amount > 0 OR amount = 0 AND unit_price IS NULL) AND NOT cancellation)
                """.formatted(RANKED);
        try (Statement statement = connection.createStatement(); ResultSet r = statement.executeQuery(sql)) {
            r.next();
            long readable = r.getLong(1);
            int customers = r.getInt(8);
            int invoices = r.getInt(9);
            int inputCustomers = r.getInt(10);
            int inputInvoices = r.getInt(11);
            int priceCustomers = r.getInt(12);
            int priceInvoices = r.getInt(13);
            return new CleaningReport(readable + malformed, r.getLong(2), malformed, r.getLong(3), r.getLong(4),
                    r.getLong(5), r.getLong(6), r.getLong(7), customers, invoices, inputCustomers, inputInvoices,
                    inputCustomers - priceCustomers, inputInvoices - priceInvoices, priceCustomers - customers,
                    priceInvoices - invoices, customers - r.getInt(14));
        }
    }

    /** The file lines excluded as exact duplicates, in file order. */
    static List<Integer> duplicateLines(Connection connection) throws SQLException {
        List<Integer> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet r = statement.executeQuery("SELECT line_no FROM (" + RANKED + ") d WHERE rank > 1 "
                     + "ORDER BY line_no")) {
            while (r.next()) {
                lines.add(r.getInt(1));
            }
        }
        return lines;
    }
}
