package com.consumer360.ingest;

import com.consumer360.analytics.TransactionTable;
import com.consumer360.warehouse.CopyStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * Loads an {@link ImportPlan} in the caller's transaction: kept lines are copied into a temporary staging table
 * (COPY is refused on row-secured tables), new dates, products and customers are added, and the lines are inserted
 * with {@code ON CONFLICT (line_key) DO NOTHING}, so a line already in the warehouse is not added twice. The caller
 * commits or rolls back; a failure or a cancel leaves the warehouse as it was.
 */
final class WarehouseImport {

    static final int PROGRESS_EVERY = 10_000;

    private WarehouseImport() {
    }

    /** Regions of the warehouse by upper-case code and name. */
    static Map<String, Short> regions(Connection connection) throws SQLException {
        Map<String, Short> regions = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT region_id, code, name FROM dim_region")) {
            while (result.next()) {
                regions.put(ImportPlan.key(result.getString(2)), result.getShort(1));
                regions.put(ImportPlan.key(result.getString(3)), result.getShort(1));
            }
        }
        return regions;
    }

    record Counts(long inserted, long alreadyLoaded, long replaced, long customersAdded, long productsAdded) {
    }

    static Counts load(Connection connection, ImportPlan plan, boolean replaceRange, ImportProgress progress)
            throws SQLException, ImportException {
        long replaced = replaceRange ? deleteRange(connection, plan) : 0;
        try (Statement statement = connection.createStatement()) {
            // The insert trigger keeps the inserted lines as a transition table and aggregates them into invoices;
            // with the server's 32 MB both spill to disk for a file of half a million lines.
            statement.execute("SET LOCAL work_mem = '256MB'");
        }
        stage(connection, plan, progress);
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO dim_date (date_key, full_date, year, quarter, month, day_of_month, iso_week, day_of_week,
                                          is_weekend)
                    SELECT to_char(d, 'YYYYMMDD')::int, d, extract(year FROM d), extract(quarter FROM d),
                           extract(month FROM d), extract(day FROM d), extract(week FROM d), extract(isodow FROM d),
                           extract(isodow FROM d) >= 6
                    FROM (SELECT DISTINCT invoice_ts::date AS d FROM stage_import) g
                    ON CONFLICT (date_key) DO NOTHING""");
            long products = statement.executeUpdate("""
                    INSERT INTO dim_product (product_id, product_code, description, category, list_price)
                    SELECT (SELECT coalesce(max(product_id), 0) FROM dim_product) + row_number() OVER (ORDER BY p.code),
                           p.code, left(coalesce(nullif(p.description, ''), p.code), 200), 'Imported', NULL
                    FROM (SELECT product_code AS code, min(description) AS description
                          FROM stage_import GROUP BY product_code) p
                    WHERE NOT EXISTS (SELECT 1 FROM dim_product d WHERE d.product_code = p.code)""");
            // A customer's region is that of the country of its first line; its lines carry that region, so the
            // row policies show the customer and its sales to the same managers.
            long customers = statement.executeUpdate("""
                    INSERT INTO dim_customer (customer_id, customer_code, name, region_id, country, first_purchase_date)
                    SELECT nextval('import_id_seq'), c.code, c.code, c.region_id, c.country, c.first_purchase
                    FROM (SELECT customer_code AS code,
                                 (array_agg(region_id ORDER BY invoice_ts, line_no))[1] AS region_id,
                                 (array_agg(country ORDER BY invoice_ts, line_no))[1] AS country,
                                 min(invoice_ts::date) FILTER (WHERE purchase) AS first_purchase
                          FROM stage_import WHERE customer_code IS NOT NULL GROUP BY customer_code) c
                    WHERE NOT EXISTS (SELECT 1 FROM dim_customer d WHERE d.customer_code = c.code)""");
            statement.executeUpdate("""
                    UPDATE dim_customer d SET first_purchase_date = f.first_purchase
                    FROM (SELECT customer_code, min(invoice_ts::date) AS first_purchase FROM stage_import
                          WHERE purchase GROUP BY customer_code) f
                    WHERE d.customer_code = f.customer_code
                      AND (d.first_purchase_date IS NULL OR d.first_purchase_date > f.first_purchase)""");
            checkCustomersVisible(statement);
            String insertFacts = """
                    INSERT INTO fact_sales (sales_line_id, invoice_no, invoice_ts, date_key, customer_id, product_id,
                                            quantity, unit_price, net_amount, is_cancellation, region_id, line_key)
                    SELECT nextval('import_id_seq'), s.invoice_no, s.invoice_ts, s.date_key, c.customer_id,
                           p.product_id, s.quantity, s.unit_price, s.net_amount, s.is_cancellation,
                           coalesce(c.region_id, s.region_id), s.line_key
                    FROM stage_import s
                    JOIN dim_product p ON p.product_code = s.product_code
                    LEFT JOIN dim_customer c ON c.customer_code = s.customer_code
                    ON CONFLICT (line_key) WHERE line_key IS NOT NULL DO NOTHING""";
            long inserted = statement.executeUpdate(insertFacts);
            return new Counts(inserted, plan.cleaned.size() - inserted, replaced, customers, products);
        }
    }

    /** Replace mode: the warehouse's lines (in scope) on the days the file covers go first. */
    private static long deleteRange(Connection connection, ImportPlan plan) throws SQLException {
        if (plan.cleaned.size() == 0) {
            return 0;
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM fact_sales WHERE date_key BETWEEN ? AND ?")) {
            delete.setInt(1, dateKey(plan.cleaned.firstDay()));
            delete.setInt(2, dateKey(plan.cleaned.lastDay()));
            return delete.executeUpdate();
        }
    }

    private static int dateKey(int epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        return date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }

    private static void stage(Connection connection, ImportPlan plan, ImportProgress progress)
            throws SQLException, ImportException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TEMPORARY TABLE stage_import (
                        line_no INTEGER, invoice_no VARCHAR(32), invoice_ts TIMESTAMP, product_code VARCHAR(64),
                        description TEXT, quantity INTEGER, unit_price NUMERIC(12, 2), net_amount NUMERIC(14, 2),
                        is_cancellation BOOLEAN, purchase BOOLEAN, customer_code VARCHAR(64), country VARCHAR(64),
                        region_id SMALLINT, date_key INTEGER, line_key UUID) ON COMMIT DROP""");
        }
        TransactionTable t = plan.table;
        int total = plan.cleaned.size();
        LineKey lineKey = new LineKey();
        try (CopyStream out = new CopyStream(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY stage_import FROM STDIN"))) {
            for (int i = 0; i < total; i++) {
                int row = plan.cleaned.row(i);
                int invoice = t.invoice(row);
                int customer = t.customer(row);
                int country = t.country(row);
                String invoiceId = invoice < 0 ? null : t.invoiceId(invoice);
                LocalDate day = LocalDate.ofEpochDay(t.day(row));
                int dateKey = day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth();
                String timestamp = LineKey.timestamp(day, t.secondOfDay(row));
                String product = t.productId(t.product(row));
                String price = decimal(unitPrice(t, row));
                String amount = decimal(t.amount(row));
                String customerId = customer < 0 ? null : t.customerId(customer);
                String countryName = country < 0 ? null : t.countryName(country);
                out.field(i).field(invoiceId).field(timestamp).field(product)
                        .field(t.productDescription(t.product(row))).field(t.quantity(row)).field(price)
                        .field(amount).field(t.isCancellation(invoice)).field(plan.cleaned.isPurchase(row))
                        .field(customerId).field(countryName).field(plan.regionOf(row))
                        .field(dateKey)
                        .field(lineKey.of(dateKey, invoiceId, timestamp, product, t.quantity(row), price, amount, customerId,
                                countryName)).endRow();
                if ((i + 1) % PROGRESS_EVERY == 0 && !progress.staged(i + 1, total)) {
                    throw new ImportException("cancelled after " + (i + 1) + " of " + total
                            + " lines; nothing was loaded");
                }
            }
        }
        progress.staged(total, total);
    }

    /** The line's unit price; in an amount-only file the amount per unit (quantity 1 when there is none). */
    static double unitPrice(TransactionTable t, int row) {
        double price = t.unitPrice(row);
        if (Double.isNaN(price)) {
            double amount = t.amount(row);
            return t.quantity(row) == 0 ? amount : amount / t.quantity(row);
        }
        return price;
    }

    /** Rounded to cents, as the warehouse stores money. */
    static java.math.BigDecimal money(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** Plain decimal text (no exponent) rounded to cents. */
    private static String decimal(double value) {
        return money(value).toPlainString();
    }

    private static void checkCustomersVisible(Statement statement) throws SQLException {
        try (ResultSet hidden = statement.executeQuery("""
                SELECT count(DISTINCT s.customer_code) FROM stage_import s
                WHERE s.customer_code IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM dim_customer c WHERE c.customer_code = s.customer_code)""")) {
            hidden.next();
            if (hidden.getLong(1) > 0) {
                throw new SQLException(hidden.getLong(1) + " customers of the file exist in regions outside the "
                        + "importing scope; the import needs every region in scope");
            }
        }
    }
}
