package com.consumer360.ingest;

import com.consumer360.analytics.TransactionColumn;
import com.consumer360.analytics.TransactionTable;
import com.consumer360.analytics.cleaning.CleaningReport;
import com.consumer360.batch.LineProblem;
import com.consumer360.batch.TransactionFiles;
import com.consumer360.warehouse.CopyStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * A file's lines staged in the database as they are read, so that the heap holds one chunk of the file, not the file
 * (docs/performance.md, "Memory"). The reader hands chunks of lines on ({@link TransactionFiles#readInChunks}); each
 * chunk's line-level checks run at once (columns, formula-like cells, field lengths, a kept line without invoice id,
 * the region of each line) and every readable line is copied with its file line into the temporary table
 * {@code stage_import}. The rules that need every line run in SQL over that table when the file is read
 * ({@link #finish}): the cleaning rules of {@code com.consumer360.analytics.cleaning.Cleaning} (price, then exact
 * duplicates), the cleaning report and the row-level error report, each product's first non-blank description and
 * each customer's first line (both among the kept lines only), the countries without a region. The tables are
 * dropped at commit or rollback: the validation pass rolls back, the load goes on in the same transaction
 * ({@link WarehouseImport#loadStaged}).
 *
 * <p>The exact-duplicate rule: of the lines kept by the price rule that have an invoice id, a line equal in every
 * compared column (customer, invoice, date and time, product, quantity, unit price, amount, country, region label) to
 * an earlier one is a duplicate: {@code row_number() over (partition by the compared columns order by line_no) > 1}.
 * PostgreSQL partitions NULLs together, as the batch table's "missing" code equals itself; the amount is compared as
 * text, which tells -0 from 0 as {@code Double.compare} does, where float8 equality would not.
 * StagedFileTest checks report and duplicates against {@code Cleaning.clean}.
 */
final class StagedFile {

    /** Lines per chunk: about 5 MB of heap for Online-Retail-shaped lines. */
    static final int CHUNK_LINES = 20_000;

    /** What staging found once the file is read: reports, and the extent of the kept lines for the load. */
    record Result(CleaningReport report, List<RowError> rowErrors, long readable, long kept, int firstDateKey,
                  int lastDateKey, boolean repeatedKeys) {
    }

    private StagedFile() {
    }

    /** Creates the (transaction-temporary) table of readable lines. */
    static void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TEMPORARY TABLE stage_import (
                        line_no INTEGER NOT NULL, sales_line_id BIGINT NOT NULL, invoice_no VARCHAR(32),
                        invoice_ts TIMESTAMP NOT NULL, product_code VARCHAR(64), quantity INTEGER,
                        unit_price NUMERIC(12, 2), net_amount NUMERIC(14, 2), is_cancellation BOOLEAN NOT NULL,
                        customer_code VARCHAR(64), region_id SMALLINT, date_key INTEGER NOT NULL, line_key UUID NOT NULL,
                        price_raw FLOAT8, amount_raw FLOAT8, country TEXT, region_label TEXT, purchase BOOLEAN NOT NULL,
                        description TEXT)
                    ON COMMIT DROP""");
        }
    }

    /**
     * The region of a line: its region label's if that names a warehouse region, else its country's by the mapping
     * (case-insensitive), else the default region; -1 when none. Countries are resolved once per file.
     */
    static final class Regions {
        private final String file;
        private final Map<String, Short> regions;
        private final RegionMapping mapping;
        private final short fallback;
        private final Map<String, Short> countries = new HashMap<>();

        Regions(String file, RegionMapping mapping, Map<String, Short> regions) throws ImportException {
            this.file = file;
            this.regions = regions;
            this.mapping = mapping;
            this.fallback = mapping.defaultRegion() != null && !mapping.defaultRegion().isBlank()
                    ? region(mapping.defaultRegion(), "the default region") : -1;
        }

        short[] ofCountries(TransactionTable chunk) throws ImportException {
            short[] ids = new short[chunk.countryCount()];
            for (int code = 0; code < ids.length; code++) {
                String country = chunk.countryName(code);
                Short id = countries.get(country);
                if (id == null) {
                    id = ofCountry(country);
                    countries.put(country, id);
                }
                ids[code] = id;
            }
            return ids;
        }

        short[] ofLabels(TransactionTable chunk) {
            short[] ids = new short[chunk.regionCount()];
            for (int code = 0; code < ids.length; code++) {
                Short id = regions.get(ImportPlan.key(chunk.regionName(code)));
                ids[code] = id == null ? -1 : id;
            }
            return ids;
        }

        short missingCountry() {
            return fallback;
        }

        private short ofCountry(String country) throws ImportException {
            String target = mapping.countryToRegion().get(country);
            if (target == null) {
                for (var entry : mapping.countryToRegion().entrySet()) {
                    if (entry.getKey().equalsIgnoreCase(country)) {
                        target = entry.getValue();
                    }
                }
            }
            return target != null ? region(target, "country " + country) : fallback;
        }

        private short region(String name, String what) throws ImportException {
            Short id = regions.get(ImportPlan.key(name));
            if (id == null) {
                throw new ImportException(file + ": region mapping: " + what + " maps to \"" + name + "\", which is "
                        + "not a region of the warehouse (regions: " + String.join(", ", new TreeSet<>(regions.keySet()))
                        + ")");
            }
            return id;
        }
    }

    /**
     * Receives the chunks of one file and copies their readable lines into stage_import (one COPY for the file), each
     * with its file line, its position among the readable lines (its sales line id less the first reserved id), its
     * region and natural key. Unreadable lines are kept for the row-level report (at most 0.1% of the file).
     */
    static final class Writer implements AutoCloseable {
        private final String file;
        private final Regions regions;
        private final CopyStream out;
        private final ImportProgress progress;
        private final long expectedLines;
        private final LineKey lineKey = new LineKey();
        private final List<RowError> unreadable = new ArrayList<>();
        private long readable;
        private long malformed;
        private final boolean checks;
        private boolean checkedColumns;

        Writer(Connection connection, String file, Regions regions, ImportProgress progress, long expectedLines)
                throws SQLException {
            this(connection, file, regions, progress, expectedLines, true);
        }

        /** {@code checks} false: the cleaning rules' tests stage lines the import would refuse (no invoice id). */
        Writer(Connection connection, String file, Regions regions, ImportProgress progress, long expectedLines,
               boolean checks) throws SQLException {
            this.checks = checks;
            this.file = file;
            this.regions = regions;
            this.progress = progress;
            this.expectedLines = expectedLines;
            this.out = new CopyStream(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY stage_import FROM STDIN"));
        }

        void accept(TransactionFiles.Lines chunk) throws ImportException, SQLException {
            TransactionTable t = chunk.table();
            for (LineProblem problem : chunk.unreadable()) {
                unreadable.add(new RowError(problem.line(), problem.column(), problem.value(),
                        "unreadable, skipped: " + problem.reason()));
            }
            malformed += t.malformedLines();
            if (t.size() == 0) {
                return;
            }
            if (checks) {
                if (!checkedColumns) {
                    requireColumns(file, t);
                    checkedColumns = true;
                }
                FileCheck.after(file, t);
                checkLengths(file, t);
            }
            short[] countries = regions.ofCountries(t);
            short[] labels = regions.ofLabels(t);
            int[] lineOfRow = chunk.lineOfRow();
            for (int row = 0; row < t.size(); row++) {
                write(t, row, lineOfRow[row], countries, labels);
                if (readable % WarehouseImport.PROGRESS_EVERY == 0
                        && !progress.staged(readable, Math.max(readable, expectedLines))) {
                    throw new ImportException("cancelled after " + readable + " of about "
                            + Math.max(readable, expectedLines) + " lines; nothing was loaded");
                }
            }
        }

        private void write(TransactionTable t, int row, int line, short[] countries, short[] labels)
                throws ImportException, SQLException {
            int invoice = t.invoice(row);
            int customer = t.customer(row);
            int country = t.country(row);
            int label = t.region(row);
            int product = t.product(row);
            int description = t.lineDescription(row);
            String invoiceId = invoice < 0 ? null : t.invoiceId(invoice);
            double rawPrice = t.unitPrice(row);
            double rawAmount = t.amount(row);
            if (checks && invoiceId == null && (Double.isNaN(rawPrice) || rawPrice > 0)) {
                throw new ImportException(file + ": line " + line + ", column invoice_id: a kept line has no invoice "
                        + "id, which identifies the line in the warehouse");
            }
            short region = label >= 0 && labels[label] >= 0 ? labels[label]
                    : country < 0 ? regions.missingCountry() : countries[country];
            LocalDate day = LocalDate.ofEpochDay(t.day(row));
            int dateKey = day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth();
            String timestamp = LineKey.timestamp(day, t.secondOfDay(row));
            String productId = product < 0 ? null : t.productId(product);
            String price = WarehouseImport.money(WarehouseImport.unitPrice(t, row)).toPlainString();
            String amount = WarehouseImport.money(rawAmount).toPlainString();
            String customerId = customer < 0 ? null : t.customerId(customer);
            String countryName = country < 0 ? null : t.countryName(country);
            boolean cancellation = t.isCancellation(invoice);
            boolean purchase = (rawAmount > 0 || rawAmount == 0 && Double.isNaN(rawPrice)) && !cancellation;
            UUID key = lineKey.of(dateKey, invoiceId, timestamp, productId, t.quantity(row), price, amount,
                    customerId, countryName);
            out.field(line).field(readable).field(invoiceId).field(timestamp).field(productId)
                    .field(t.quantity(row)).field(price)
                    .field(amount).field(cancellation).field(customerId).field(region < 0 ? null : region)
                    .field(dateKey).field(key).field(number(rawPrice)).field(number(rawAmount)).field(countryName)
                    .field(label < 0 ? null : t.regionName(label)).field(purchase)
                    .field(description < 0 ? null : t.lineDescriptionText(description)).endRow();
            readable++;
        }

        long readable() {
            return readable;
        }

        /** Ends the COPY; call before any other statement on the connection. */
        @Override
        public void close() throws SQLException {
            out.close();
        }
    }

    private static String number(double value) {
        return Double.isNaN(value) ? null : Double.toString(value);
    }

    static void requireColumns(String file, TransactionTable table) throws ImportException {
        List<String> missing = new ArrayList<>();
        for (TransactionColumn column : TransactionColumn.missingForSales(table.columns())) {
            missing.add(column == TransactionColumn.AMOUNT ? "amount (or quantity and unit_price)"
                    : column.name().toLowerCase(Locale.ROOT));
        }
        if (!table.has(TransactionColumn.INVOICE_ID)) {
            missing.add("invoice_id (it identifies each line, so a repeated import adds nothing)");
        }
        if (!table.has(TransactionColumn.PRODUCT_ID)) {
            missing.add("product_id");
        }
        if (!missing.isEmpty()) {
            throw new ImportException(file + ": line 1: the import needs the column(s) " + String.join(", ", missing));
        }
    }

    static void checkLengths(String file, TransactionTable table) throws ImportException {
        for (int code = 0; code < table.invoiceCount(); code++) {
            tooLong(file, "invoice_id", table.invoiceId(code), ImportPlan.INVOICE_LENGTH);
        }
        for (int code = 0; code < table.productCount(); code++) {
            tooLong(file, "product_id", table.productId(code), ImportPlan.CODE_LENGTH);
        }
        for (int code = 0; code < table.customerCount(); code++) {
            tooLong(file, "customer_id", table.customerId(code), ImportPlan.CODE_LENGTH);
        }
        for (int code = 0; code < table.countryCount(); code++) {
            tooLong(file, "country", table.countryName(code), ImportPlan.CODE_LENGTH);
        }
    }

    private static void tooLong(String file, String column, String value, int limit) throws ImportException {
        if (value != null && value.length() > limit) {
            throw new ImportException(file + ": column " + column + ": value longer than " + limit
                    + " characters: \"" + value.substring(0, 40) + "...\"");
        }
    }

    /**
     * Natural keys that more than one staged line has. The key is a digest of columns the duplicate rule compares
     * (or of values computed from them), so exact duplicates share a key: the rule ranks only these lines.
     */
    private static final String REPEATED_KEYS = """
            CREATE TEMPORARY TABLE stage_repeat ON COMMIT DROP AS
            SELECT line_key FROM stage_import GROUP BY line_key HAVING count(*) > 1""";

    /**
     * The lines each rule excludes, with what the reports need of them: reason 1 a unit price of zero or less, 2 an
     * exact duplicate of an earlier line.
     */
    private static final String DROPS = """
            CREATE TEMPORARY TABLE stage_drop ON COMMIT DROP AS
            SELECT line_no, 1 AS reason, customer_code, invoice_no, price_raw FROM stage_import WHERE price_raw <= 0
            UNION ALL
            SELECT line_no, 2, customer_code, invoice_no, price_raw FROM (
                SELECT line_no, customer_code, invoice_no, price_raw, row_number() OVER (
                           PARTITION BY customer_code, invoice_no, invoice_ts, product_code, quantity, price_raw,
                                        amount_raw::text, country, region_label
                           ORDER BY line_no) AS rank
                FROM stage_import
                WHERE line_key IN (SELECT line_key FROM stage_repeat)
                  AND invoice_no IS NOT NULL AND (price_raw IS NULL OR price_raw > 0)) r
            WHERE rank > 1""";

    /**
     * Each product of the kept lines with its first non-blank description in file order (null: none); shared with
     * {@link WarehouseImport}'s staging of a source's extract. A grouping by product and one join, not a sort of every
     * line by product code (which, in the database's collation, cost the import of 541,909 lines about 2 s).
     */
    static final String PRODUCTS = """
            CREATE TEMPORARY TABLE stage_product ON COMMIT DROP AS
            SELECT p.product_code, s.description
            FROM (SELECT product_code, min(line_no) FILTER (WHERE description IS NOT NULL) AS first_line
                  FROM stage_import WHERE product_code IS NOT NULL GROUP BY product_code) p
            LEFT JOIN stage_import s ON s.line_no = p.first_line""";

    /**
     * Applies the rules that need every line once the whole file is staged, and checks what the load needs: the
     * excluded lines and their row-level errors, the kept lines (the excluded ones removed), each product's first
     * non-blank description among them (stage_product), a region for every kept line, each customer's first line
     * (stage_customer), and the cleaning report.
     */
    static Result finish(Connection connection, String file, Writer writer) throws SQLException, ImportException {
        return finish(connection, file, writer, new WarehouseImport.Phases());
    }

    /** As {@link #finish(Connection, String, Writer)}, timing each step in {@code phases}. */
    static Result finish(Connection connection, String file, Writer writer, WarehouseImport.Phases phases)
            throws SQLException, ImportException {
        if (writer.readable == 0) {
            throw new ImportException(file + ": no data lines to import");
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(REPEATED_KEYS);
            statement.execute(DROPS);
            phases.done("rules");
            List<RowError> errors = new ArrayList<>(writer.unreadable);
            try (ResultSet r = statement.executeQuery(
                    "SELECT line_no, reason, price_raw, invoice_no FROM stage_drop ORDER BY line_no")) {
                while (r.next()) {
                    errors.add(r.getInt(2) == 1
                            ? new RowError(r.getInt(1), "unit_price",
                            WarehouseImport.money(r.getDouble(3)).toPlainString(),
                            "unit price of zero or less: excluded by the price rule")
                            : new RowError(r.getInt(1), "*", r.getString(4), "exact duplicate of an earlier line "
                            + "(equal in every column read): excluded, the first is kept"));
                }
            }
            errors.sort(java.util.Comparator.comparingLong(RowError::line));
            long dropped = errors.size() - writer.unreadable.size();
            if (dropped > 0) {
                statement.execute("DELETE FROM stage_import s USING stage_drop d WHERE s.line_no = d.line_no");
            }
            // After the exclusions: an excluded line (a price of zero, a duplicate) never describes a product.
            statement.execute(PRODUCTS);
            phases.done("exclude");
            checkEveryLineHasARegion(statement, file);
            statement.execute("""
                    CREATE TEMPORARY TABLE stage_customer ON COMMIT DROP AS
                    SELECT DISTINCT ON (customer_code) customer_code, region_id,
                           coalesce(country, '%s') AS country,
                           min(invoice_ts::date) FILTER (WHERE purchase) OVER (
                               PARTITION BY customer_code ORDER BY invoice_ts, line_no
                               ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS first_purchase,
                           line_no AS first_line
                    FROM stage_import WHERE customer_code IS NOT NULL
                    ORDER BY customer_code, invoice_ts, line_no""".formatted(WarehouseImport.UNKNOWN_COUNTRY));
            phases.done("first lines");
            Result result = result(statement, writer, errors);
            phases.done("report");
            return result;
        }
    }

    /**
     * The cleaning report and the load's figures, from the kept lines (one pass, one grouping by invoice), their
     * customers (stage_customer: a customer with a kept purchase has a first purchase) and the excluded lines, which
     * are few: a customer or invoice of the file that has no kept line was removed by price (all its lines priced at
     * zero or less) or as a duplicate (else).
     */
    private static Result result(Statement statement, Writer writer, List<RowError> errors) throws SQLException {
        try (ResultSet r = statement.executeQuery("""
                WITH gone_customers AS (
                         SELECT bool_or(reason = 2) AS duplicate FROM stage_drop d
                         WHERE customer_code IS NOT NULL
                           AND NOT EXISTS (SELECT FROM stage_customer c WHERE c.customer_code = d.customer_code)
                         GROUP BY customer_code),
                     gone_invoices AS (
                         SELECT bool_or(reason = 2) AS duplicate FROM stage_drop d
                         WHERE invoice_no IS NOT NULL
                           AND NOT EXISTS (SELECT FROM stage_import s WHERE s.invoice_no = d.invoice_no)
                         GROUP BY invoice_no)
                SELECT count(*), min(date_key), max(date_key),
                       count(*) FILTER (WHERE is_cancellation),
                       count(*) FILTER (WHERE NOT is_cancellation AND amount_raw < 0),
                       count(*) FILTER (WHERE customer_code IS NULL),
                       count(*) FILTER (WHERE invoice_no IS NULL),
                       EXISTS (SELECT FROM stage_import WHERE line_key IN (SELECT line_key FROM stage_repeat)
                               GROUP BY line_key HAVING count(*) > 1),
                       (SELECT count(*) FROM (SELECT FROM stage_import WHERE invoice_no IS NOT NULL
                                              GROUP BY invoice_no) i),
                       (SELECT count(*) FROM stage_customer),
                       (SELECT count(*) FROM stage_customer WHERE first_purchase IS NOT NULL),
                       (SELECT count(*) FROM gone_customers),
                       (SELECT count(*) FILTER (WHERE duplicate) FROM gone_customers),
                       (SELECT count(*) FROM gone_invoices),
                       (SELECT count(*) FILTER (WHERE duplicate) FROM gone_invoices),
                       (SELECT count(*) FILTER (WHERE reason = 1) FROM stage_drop),
                       (SELECT count(*) FILTER (WHERE reason = 2) FROM stage_drop),
                       (SELECT count(*) FROM stage_drop WHERE invoice_no IS NULL)
                FROM stage_import""")) {
            r.next();
            long kept = r.getLong(1);
            int ownInvoices = r.getInt(7);
            int invoices = r.getInt(9) + ownInvoices;
            int customers = r.getInt(10);
            int goneCustomers = r.getInt(12);
            int goneCustomersAsDuplicates = r.getInt(13);
            int goneInvoices = r.getInt(14) + r.getInt(18);
            int goneInvoicesAsDuplicates = r.getInt(15);
            CleaningReport report = new CleaningReport(writer.readable + writer.malformed, kept, writer.malformed,
                    r.getLong(16), r.getLong(17), r.getLong(4), r.getLong(5), r.getLong(6), customers, invoices,
                    customers + goneCustomers, invoices + goneInvoices, goneCustomers - goneCustomersAsDuplicates,
                    goneInvoices - goneInvoicesAsDuplicates, goneCustomersAsDuplicates, goneInvoicesAsDuplicates,
                    customers - r.getInt(11));
            return new Result(report, List.copyOf(errors), writer.readable, kept, r.getInt(2), r.getInt(3),
                    r.getBoolean(8));
        }
    }

    /** Kept lines without a region (their country unmapped and no default) refuse the file, naming the countries. */
    private static void checkEveryLineHasARegion(Statement statement, String file)
            throws SQLException, ImportException {
        List<String> needed = new ArrayList<>();
        try (ResultSet r = statement.executeQuery("""
                SELECT DISTINCT coalesce(country, '(no country)') FROM stage_import WHERE region_id IS NULL
                ORDER BY 1""")) {
            while (r.next()) {
                needed.add(r.getString(1));
            }
        }
        if (!needed.isEmpty()) {
            throw new ImportException(file + ": column country: no region for " + needed.size() + " countr"
                    + (needed.size() == 1 ? "y" : "ies") + ": " + String.join(", ", needed)
                    + "; map them to a region or choose a default region");
        }
    }

    /** The first {@code limit} kept lines, in file order, as they will be loaded; {@code regionCodes} names regions. */
    static List<PreviewLine> preview(Connection connection, int limit,
                                     java.util.function.Function<Short, String> regionCodes)
            throws SQLException {
        List<PreviewLine> lines = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT s.invoice_no, s.invoice_ts, s.product_code, coalesce(p.description, ''), s.quantity,
                       s.unit_price, s.net_amount, s.customer_code, s.country, s.region_id
                FROM stage_import s LEFT JOIN stage_product p ON p.product_code = s.product_code
                ORDER BY s.line_no LIMIT ?""")) {
            statement.setInt(1, limit);
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    lines.add(new PreviewLine(r.getString(1), r.getTimestamp(2).toLocalDateTime(), r.getString(3),
                            r.getString(4), r.getInt(5), r.getBigDecimal(6), r.getBigDecimal(7),
                            r.getString(8) == null ? "" : r.getString(8), r.getString(9) == null ? "" : r.getString(9),
                            regionCodes.apply(r.getShort(10))));
                }
            }
        }
        return lines;
    }
}
