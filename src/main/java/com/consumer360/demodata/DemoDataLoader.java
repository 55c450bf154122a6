package com.consumer360.demodata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import com.consumer360.warehouse.CopyStream;
import com.consumer360.warehouse.StagedCopy;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads a generated retailer into the warehouse with COPY, in one transaction. */
final class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final long PROGRESS_EVERY = 100_000;

    private final DemoDataGenerator generator;

    DemoDataLoader(DemoDataGenerator generator) {
        this.generator = generator;
    }

    /** Loads regions, dates, products, customers and sales; the caller commits. Returns the lines loaded. */
    long load(Connection connection) throws SQLException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        insertRegions(connection);
        insertDates(connection, generator.startDate(), generator.startDate().plusMonths(DemoDataGenerator.MONTHS));
        copyProducts(copy);
        long started = System.nanoTime();
        // PostgreSQL refuses COPY into a table with row-level security, so rows are copied into a temporary
        // staging table and moved with one INSERT ... SELECT, which the policies' WITH CHECK still guards.
        try (CopyStream customers = StagedCopy.open(connection, "dim_customer",
                "customer_id, customer_code, name, region_id, country, first_purchase_date")) {
            generator.generate(new CustomerCopySink(customers));
        }
        log.info("Demo data: {} customers loaded", StagedCopy.publish(connection, "dim_customer"));
        // Into an empty warehouse the lines go without fact_sales's secondary indexes and its insert trigger, which
        // are built once afterwards, in this transaction (migration V28): row-by-row index maintenance dominated
        // the load at 10 M lines.
        boolean bulk = beginBulkLoad(connection);
        try (CopyStream lines = StagedCopy.open(connection, "fact_sales", "sales_line_id, invoice_no, invoice_ts, "
                + "date_key, customer_id, product_id, quantity, unit_price, net_amount, is_cancellation, region_id")) {
            generator.generate(new LineCopySink(lines, started));
        }
        log.info("Demo data: sales lines copied to staging in {} ms", (System.nanoTime() - started) / 1_000_000);
        checkReferences(connection);
        long loaded = StagedCopy.publish(connection, "fact_sales");
        if (bulk) {
            log.info("Demo data: {} sales lines inserted in {} ms; building fact_invoice and the indexes", loaded,
                    (System.nanoTime() - started) / 1_000_000);
            finishBulkLoad(connection);
        }
        log.info("Demo data: {} sales lines loaded in {} ms ({})", loaded, (System.nanoTime() - started) / 1_000_000,
                bulk ? "bulk load into the empty warehouse" : "rows inserted with the indexes and triggers in place");
        return loaded;
    }

    /**
     * Drops fact_sales's and fact_invoice's secondary indexes and the insert trigger for this transaction if both
     * tables are empty (V28); returns whether it did. The transaction cannot commit until {@link #finishBulkLoad}.
     */
    static boolean beginBulkLoad(Connection connection) throws SQLException {
        return com.consumer360.warehouse.BulkLoad.begin(connection);
    }

    /** Aggregates fact_invoice set-based, builds the dropped indexes and enables the trigger again (V28). */
    static void finishBulkLoad(Connection connection) throws SQLException {
        com.consumer360.warehouse.BulkLoad.finish(connection);
    }

    private static void insertRegions(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO dim_region (region_id, code, name) VALUES (?, ?, ?)")) {
            for (DemoCatalog.Region region : DemoCatalog.regions()) {
                insert.setShort(1, region.id());
                insert.setString(2, region.code());
                insert.setString(3, region.name());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void insertDates(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO dim_date (date_key, full_date, year, quarter, month, day_of_month, iso_week, day_of_week, is_weekend)
                SELECT to_char(d, 'YYYYMMDD')::int, d, extract(year FROM d), extract(quarter FROM d), extract(month FROM d),
                       extract(day FROM d), extract(week FROM d), extract(isodow FROM d), extract(isodow FROM d) >= 6
                FROM generate_series(?::date, ?::date, interval '1 day') AS g(d)
                ON CONFLICT (date_key) DO NOTHING""")) {
            insert.setObject(1, from);
            insert.setObject(2, to);
            insert.execute();
        }
    }

    private void copyProducts(CopyManager copy) throws SQLException {
        try (CopyStream products = new CopyStream(copy.copyIn(
                "COPY dim_product (product_id, product_code, description, category, list_price) FROM STDIN"))) {
            for (DemoCatalog.Product product : generator.catalog().products()) {
                products.field(product.id()).field(product.code()).field(product.description())
                        .field(product.category()).field(product.listPrice().toPlainString()).endRow();
            }
        }
    }

    /** The fact table has no foreign keys (load speed); its references are checked here, set-based. */
    static void checkReferences(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             java.sql.ResultSet orphans = statement.executeQuery("""
                     SELECT count(*) FILTER (WHERE c.customer_id IS NULL AND f.customer_id IS NOT NULL),
                            count(*) FILTER (WHERE p.product_id IS NULL),
                            count(*) FILTER (WHERE d.date_key IS NULL),
                            count(*) FILTER (WHERE r.region_id IS NULL)
                     FROM stage_fact_sales f
                     LEFT JOIN dim_customer c ON c.customer_id = f.customer_id
                     LEFT JOIN dim_product p ON p.product_id = f.product_id
                     LEFT JOIN dim_date d ON d.date_key = f.date_key
                     LEFT JOIN dim_region r ON r.region_id = f.region_id""")) {
            orphans.next();
            long total = orphans.getLong(1) + orphans.getLong(2) + orphans.getLong(3) + orphans.getLong(4);
            if (total > 0) {
                throw new SQLException("Sales lines reference missing dimension rows: customers " + orphans.getLong(1)
                        + ", products " + orphans.getLong(2) + ", dates " + orphans.getLong(3) + ", regions "
                        + orphans.getLong(4));
            }
        }
    }

    /** Streams customers only; their lines are dropped (the second pass loads them). */
    private record CustomerCopySink(CopyStream out) implements DemoSink {
        @Override
        public void customer(Customer c) {
            try {
                out.field(c.id()).field(c.code()).field(c.name()).field(c.regionId()).field(c.country())
                        .field(c.firstPurchase()).endRow();
            } catch (SQLException e) {
                throw new CopyFailed(e);
            }
        }

        @Override
        public void line(Line line) {
        }
    }

    /** Streams sales lines, logging progress. */
    private record LineCopySink(CopyStream out, long started) implements DemoSink {
        @Override
        public void customer(Customer customer) {
        }

        @Override
        public void line(Line l) {
            try {
                out.field(l.lineId()).field(l.invoiceNo()).field(l.timestamp())
                        .field(l.timestamp().getYear() * 10_000 + l.timestamp().getMonthValue() * 100
                                + l.timestamp().getDayOfMonth())
                        .field(l.customerId()).field(l.productId()).field(l.quantity()).cents(l.unitPriceCents())
                        .cents(l.amountCents()).field(l.cancellation()).field(l.regionId()).endRow();
            } catch (SQLException e) {
                throw new CopyFailed(e);
            }
            if (out.rows() % PROGRESS_EVERY == 0) {
                log.info("Demo data: {} sales lines copied ({} ms)", out.rows(), (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    /** Carries an SQLException out of a sink callback. */
    static final class CopyFailed extends RuntimeException {
        CopyFailed(SQLException cause) {
            super(cause);
        }
    }
}
