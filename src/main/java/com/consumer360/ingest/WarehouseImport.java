package com.consumer360.ingest;

import com.consumer360.analytics.TransactionTable;
import com.consumer360.warehouse.BulkLoad;
import com.consumer360.warehouse.CopyStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * Loads an {@link ImportPlan} in the caller's transaction: kept lines are copied into a temporary staging table
 * (COPY is refused on row-secured tables), new dates, products and customers are added, and the lines are inserted
 * with {@code ON CONFLICT (line_key) DO NOTHING}, so a line already in the warehouse is not added twice. The caller
 * commits or rolls back; a failure or a cancel leaves the warehouse as it was.
 */
final class WarehouseImport {

    static final int PROGRESS_EVERY = 10_000;
    /** The country of a customer whose first line names none (the sources' connector uses the same). */
    static final String UNKNOWN_COUNTRY = "(unknown)";

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

    record Counts(long inserted, long alreadyLoaded, long replaced, long customersAdded, long productsAdded,
                  String phases) {
    }

    /** Milliseconds per step of a load, for the log line of the run ("stage 900 ms, dates 12 ms, ..."). */
    static final class Phases {
        private final StringBuilder text = new StringBuilder();
        private long last = System.nanoTime();

        void done(String step) {
            long now = System.nanoTime();
            text.append(text.isEmpty() ? "" : ", ").append(step).append(' ').append((now - last) / 1_000_000)
                    .append(" ms");
            last = now;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /**
     * What the load needs to know of the staged lines (temporary tables stage_import with the kept lines,
     * stage_product with each product's description, stage_customer with each customer's first line): how many,
     * the first and last day key, whether two may share a natural key, and what to add to stage_import.sales_line_id
     * to make the warehouse's id (0 when it is the id already).
     */
    record Staged(long kept, int firstDateKey, int lastDateKey, boolean repeatedKeys, long idOffset) {
    }

    /** The insert trigger keeps the inserted lines as a transition table and aggregates them into invoices. */
    static void workMem(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // With the server's 32 MB both spill to disk for a file of half a million lines.
            statement.execute("SET LOCAL work_mem = '256MB'");
        }
    }

    /** Loads a table read and cleaned in memory (a source's extract): stages its kept lines, then loads them. */
    static Counts load(Connection connection, ImportPlan plan, boolean replaceRange, ImportProgress progress)
            throws SQLException, ImportException {
        workMem(connection);
        Phases phases = new Phases();
        boolean repeatedKeys = stage(connection, plan, progress);
        phases.done("stage");
        Staged staged = new Staged(plan.cleaned.size(), plan.cleaned.size() == 0 ? 0 : dateKey(plan.cleaned.firstDay()),
                plan.cleaned.size() == 0 ? 0 : dateKey(plan.cleaned.lastDay()), repeatedKeys, 0);
        return loadStaged(connection, staged, replaceRange, phases);
    }

    /** Loads the staged lines in the caller's transaction (see {@link Staged}); {@code phases} times the steps. */
    static Counts loadStaged(Connection connection, Staged staged, boolean replaceRange, Phases phases)
            throws SQLException, ImportException {
        long replaced = replaceRange ? deleteRange(connection, staged) : 0;
        if (replaceRange) {
            phases.done("replace");
        }
        boolean repeatedKeys = staged.repeatedKeys();
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO dim_date (date_key, full_date, year, quarter, month, day_of_month, iso_week, day_of_week,
                                          is_weekend)
                    SELECT to_char(d, 'YYYYMMDD')::int, d, extract(year FROM d), extract(quarter FROM d),
                           extract(month FROM d), extract(day FROM d), extract(week FROM d), extract(isodow FROM d),
                           extract(isodow FROM d) >= 6
                    FROM (SELECT DISTINCT invoice_ts::date AS d FROM stage_import) g
                    ON CONFLICT (date_key) DO NOTHING""");
            phases.done("dates");
            long products = statement.executeUpdate("""
                    INSERT INTO dim_product (product_id, product_code, description, category, list_price)
                    SELECT (SELECT coalesce(max(product_id), 0) FROM dim_product)
                               + row_number() OVER (ORDER BY p.product_code),
                           p.product_code, left(coalesce(nullif(p.description, ''), p.product_code), 200), 'Imported',
                           NULL
                    FROM stage_product p
                    WHERE EXISTS (SELECT 1 FROM stage_import s WHERE s.product_code = p.product_code)
                      AND NOT EXISTS (SELECT 1 FROM dim_product d WHERE d.product_code = p.product_code)""");
            phases.done("products");
            // A customer's region is that of the country of its first line (stage_customer, computed while
            // staging); its lines carry that region, so the row policies show the customer and its sales to the
            // same managers.
            long customers = statement.executeUpdate("""
                    INSERT INTO dim_customer (customer_id, customer_code, name, region_id, country, first_purchase_date)
                    SELECT nextval('import_id_seq'), c.customer_code, c.customer_code, c.region_id, c.country,
                           c.first_purchase
                    FROM stage_customer c
                    WHERE NOT EXISTS (SELECT 1 FROM dim_customer d WHERE d.customer_code = c.customer_code)
                    ORDER BY c.first_line""");
            statement.executeUpdate("""
                    UPDATE dim_customer d SET first_purchase_date = c.first_purchase
                    FROM stage_customer c
                    WHERE d.customer_code = c.customer_code AND c.first_purchase IS NOT NULL
                      AND (d.first_purchase_date IS NULL OR d.first_purchase_date > c.first_purchase)""");
            checkCustomersVisible(statement);
            phases.done("customers");
            // A line whose key is in the warehouse already is not added again (nor the second of two equal lines of
            // the file). A key starts with the line's day, so only the warehouse's lines on the file's days can
            // match: their keys are read first (none for a file of new days), and the lines are inserted with an
            // anti-join against them. Not ON CONFLICT: its speculative insertion cost 1.3 s of 5 for half a
            // million lines. The import's scope has every region (checkCustomersVisible), so the keys read are
            // all of those days' keys; the unique index still refuses a duplicate it could not see.
            long existing = statement.executeUpdate("CREATE TEMPORARY TABLE existing_key ON COMMIT DROP AS "
                    + "SELECT line_key FROM fact_sales WHERE date_key BETWEEN " + staged.firstDateKey()
                    + " AND " + staged.lastDateKey() + " AND line_key IS NOT NULL");
            String insertFacts = """
                    INSERT INTO fact_sales (sales_line_id, invoice_no, invoice_ts, date_key, customer_id, product_id,
                                            quantity, unit_price, net_amount, is_cancellation, region_id, line_key)
                    SELECT s.sales_line_id + %d, s.invoice_no, s.invoice_ts, s.date_key, c.customer_id,
                           p.product_id, s.quantity, s.unit_price, s.net_amount, s.is_cancellation,
                           coalesce(c.region_id, s.region_id), s.line_key
                    FROM %s s
                    JOIN dim_product p ON p.product_code = s.product_code
                    LEFT JOIN dim_customer c ON c.customer_code = s.customer_code
                    %s""".formatted(staged.idOffset(),
                    repeatedKeys ? "(SELECT DISTINCT ON (line_key) * FROM stage_import ORDER BY line_key, line_no)"
                            : "stage_import",
                    existing == 0 ? "" : "WHERE NOT EXISTS (SELECT 1 FROM existing_key e WHERE e.line_key = s.line_key)");
            // Into a warehouse that never had lines (a first import), the lines go in without fact_sales's secondary
            // indexes and insert trigger, built once afterwards in this transaction (V28, as the demo loader does):
            // maintaining seven indexes row by row was most of a large import's time.
            boolean bulk = staged.kept() > 0 && BulkLoad.begin(connection);
            long inserted;
            try {
                inserted = statement.executeUpdate(insertFacts);
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    throw new ImportException("some lines of the file are already in the warehouse in a region "
                            + "outside the importing scope; the import needs every region in scope");
                }
                throw e;
            }
            phases.done("lines");
            if (bulk) {
                BulkLoad.finish(connection);
                phases.done("invoices and indexes (bulk load)");
            }
            return new Counts(inserted, staged.kept() - inserted, replaced, customers, products,
                    phases.toString());
        }
    }

    /** Replace mode: the warehouse's lines (in scope) on the days the file covers go first. */
    private static long deleteRange(Connection connection, Staged staged) throws SQLException {
        if (staged.kept() == 0) {
            return 0;
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM fact_sales WHERE date_key BETWEEN ? AND ?")) {
            delete.setInt(1, staged.firstDateKey());
            delete.setInt(2, staged.lastDateKey());
            return delete.executeUpdate();
        }
    }

    private static int dateKey(int epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        return date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }

    /**
     * Copies the kept lines into stage_import, with their warehouse ids (a block of the import sequence, reserved
     * here: one import at a time holds the import lock) and natural keys; returns whether two lines of the file
     * may share a key (then only the first is inserted).
     */
    private static boolean stage(Connection connection, ImportPlan plan, ImportProgress progress)
            throws SQLException, ImportException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TEMPORARY TABLE stage_import (
                        line_no INTEGER, sales_line_id BIGINT, invoice_no VARCHAR(32), invoice_ts TIMESTAMP, product_code VARCHAR(64),
                        description TEXT, quantity INTEGER, unit_price NUMERIC(12, 2), net_amount NUMERIC(14, 2),
                        is_cancellation BOOLEAN, customer_code VARCHAR(64), region_id SMALLINT, date_key INTEGER,
                        line_key UUID) ON COMMIT DROP""");
            statement.execute("""
                    CREATE TEMPORARY TABLE stage_customer (
                        customer_code VARCHAR(64), region_id SMALLINT, country VARCHAR(64), first_purchase DATE,
                        first_line INTEGER) ON COMMIT DROP""");
        }
        TransactionTable t = plan.table;
        int total = plan.cleaned.size();
        LineKey lineKey = new LineKey();
        long firstId = reserveIds(connection, total);
        long[] keyBits = new long[total];
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
                int description = t.lineDescription(row);
                String price = decimal(unitPrice(t, row));
                String amount = decimal(t.amount(row));
                String customerId = customer < 0 ? null : t.customerId(customer);
                String countryName = country < 0 ? null : t.countryName(country);
                UUID key = lineKey.of(dateKey, invoiceId, timestamp, product, t.quantity(row), price, amount,
                        customerId, countryName);
                keyBits[i] = key.getLeastSignificantBits();
                out.field(i).field(firstId + i).field(invoiceId).field(timestamp).field(product)
                        .field(description < 0 ? null : t.lineDescriptionText(description)).field(t.quantity(row))
                        .field(price)
                        .field(amount).field(t.isCancellation(invoice))
                        .field(customerId).field(plan.regionOf(row))
                        .field(dateKey)
                        .field(key).endRow();
                if ((i + 1) % PROGRESS_EVERY == 0 && !progress.staged(i + 1, total)) {
                    throw new ImportException("cancelled after " + (i + 1) + " of " + total
                            + " lines; nothing was loaded");
                }
            }
        }
        stageCustomers(connection, plan);
        try (Statement statement = connection.createStatement()) {
            statement.execute(StagedFile.PRODUCTS);
        }
        progress.staged(total, total);
        // Equal keys have equal digests: sorted, any two equal neighbours mean the file may repeat a key.
        java.util.Arrays.sort(keyBits);
        for (int i = 1; i < total; i++) {
            if (keyBits[i] == keyBits[i - 1]) {
                return true;
            }
        }
        return false;
    }

    /** Takes {@code count} consecutive values of import_id_seq and returns the first. */
    static long reserveIds(Connection connection, long count) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet first = statement.executeQuery("SELECT nextval('import_id_seq')")) {
            first.next();
            long id = first.getLong(1);
            if (count > 1) {
                try (PreparedStatement advance = connection.prepareStatement("SELECT setval('import_id_seq', ?)")) {
                    advance.setLong(1, id + count - 1);
                    advance.execute();
                }
            }
            return id;
        }
    }

    /**
     * One row per customer of the file: the region and country of its first line (by time, then file order), the
     * day of its first purchase, and that first line's position — computed here in one pass rather than by
     * grouping the staged lines in SQL. A customer line without a country gets "(unknown)", as from a source.
     */
    private static void stageCustomers(Connection connection, ImportPlan plan) throws SQLException {
        TransactionTable t = plan.table;
        int customers = t.customerCount();
        long[] firstTime = new long[customers];
        int[] firstLine = new int[customers];
        int[] firstPurchase = new int[customers];
        java.util.Arrays.fill(firstTime, Long.MAX_VALUE);
        java.util.Arrays.fill(firstPurchase, Integer.MAX_VALUE);
        int total = plan.cleaned.size();
        for (int i = 0; i < total; i++) {
            int row = plan.cleaned.row(i);
            int customer = t.customer(row);
            if (customer < 0) {
                continue;
            }
            long time = (long) t.day(row) * 86_400 + t.secondOfDay(row);
            if (time < firstTime[customer]) {
                firstTime[customer] = time;
                firstLine[customer] = i;
            }
            if (plan.cleaned.isPurchase(row) && t.day(row) < firstPurchase[customer]) {
                firstPurchase[customer] = t.day(row);
            }
        }
        try (CopyStream out = new CopyStream(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY stage_customer FROM STDIN"))) {
            for (int customer = 0; customer < customers; customer++) {
                if (firstTime[customer] == Long.MAX_VALUE) {
                    continue;
                }
                int row = plan.cleaned.row(firstLine[customer]);
                int country = t.country(row);
                out.field(t.customerId(customer)).field(plan.regionOf(row))
                        .field(country < 0 ? UNKNOWN_COUNTRY : t.countryName(country))
                        .field(firstPurchase[customer] == Integer.MAX_VALUE ? null
                                : LocalDate.ofEpochDay(firstPurchase[customer]).toString())
                        .field(firstLine[customer]).endRow();
            }
        }
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
                SELECT count(*) FROM stage_customer s
                WHERE NOT EXISTS (SELECT 1 FROM dim_customer c WHERE c.customer_code = s.customer_code)""")) {
            hidden.next();
            if (hidden.getLong(1) > 0) {
                throw new SQLException(hidden.getLong(1) + " customers of the file exist in regions outside the "
                        + "importing scope; the import needs every region in scope");
            }
        }
    }
}
