package com.consumer360.refresh;

import com.consumer360.analytics.basket.Baskets;
import com.consumer360.warehouse.BinaryCopyReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the refresh's inputs from the invoice-level aggregate fact_invoice, which triggers keep equal to an
 * aggregation of fact_sales (migration V8): one scan of one row per invoice feeds RFM, CLV and cohorts
 * (folded per customer and day) and basket mining. Purchases are lines with a positive amount on a
 * non-cancellation invoice (as in the engines' cleaning); monetary values net cancellations and returns. Runs in
 * the refresh's transaction, so all reads see one consistent state.
 */
final class WarehouseReader {

    private static final Logger log = LoggerFactory.getLogger(WarehouseReader.class);
    private static final int FETCH = 20_000;
    /** Insert, update, delete and truncate triggers that maintain fact_invoice (migration V8). */
    private static final int TRIGGERS = 4;

    private final Connection connection;
    private final LocalDate salesBefore;

    /** Reads every sale. */
    WarehouseReader(Connection connection) {
        this(connection, null);
    }

    /** Reads every sale, or with {@code salesBefore} only the sales before that day (a snapshot of the past). */
    WarehouseReader(Connection connection, LocalDate salesBefore) {
        this.connection = connection;
        this.salesBefore = salesBefore;
    }

    WarehouseInputs read() throws SQLException {
        rebuildIfTriggersDisabled();
        ProductItems products = products();
        // The last sale day and the line count come from the same scan: a query of their own read the table twice.
        int lastSaleKey = Integer.MIN_VALUE;
        long lines = 0;
        long invoices = 0;
        List<String> regionOfBasket = new ArrayList<>();
        Map<Short, String> regionLabels = new HashMap<>();
        List<int[]> baskets = new ArrayList<>();
        CustomerDayTotals customerDays = new CustomerDayTotals();
        String where = salesBefore == null ? "" : " WHERE date_key < " + dateKey(salesBefore);
        // Unordered: a sequential scan, where ordering by customer cost PostgreSQL a sort or a random index scan.
        // Read by binary COPY: the product arrays are half a million numbers each. The per-product totals are read
        // again when the segments are known (InvoiceProductTotals), rather than kept for every invoice until then.
        try (BinaryCopyReader row = new BinaryCopyReader(connection, "SELECT customer_id, region_id, date_key, "
                + "purchase_lines > 0, (purchase_amount * 100)::BIGINT, (net_amount * 100)::BIGINT, "
                + "purchase_products, lines FROM fact_invoice" + where)) {
            while (row.next()) {
                long customer = row.getLong();
                boolean guest = row.wasNull();
                short region = row.getShort();
                int dateKey = row.getInt();
                lastSaleKey = Math.max(lastSaleKey, dateKey);
                boolean purchase = row.getBoolean();
                long purchaseCents = row.getLong();
                long netCents = row.getLong();
                int[] purchaseProducts = BinaryArrays.ints(row.getBytes());
                lines += row.getInt();
                invoices++;
                if (!guest) {
                    customerDays.add(customer, region, dateKey, purchase, purchaseCents, netCents);
                }
                if (purchase) {
                    regionOfBasket.add(regionLabels.computeIfAbsent(region, String::valueOf));
                    baskets.add(products.items(purchaseProducts));
                }
            }
        }
        if (lastSaleKey == Integer.MIN_VALUE) {
            throw new IllegalStateException("the warehouse has no sales to analyse");
        }
        WarehouseCleaning cleaning = WarehouseCleaning.count(connection,
                salesBefore == null ? null : dateKey(salesBefore), lines, customerDays.customerCount(), invoices);
        LocalDate lastSale = dateOf(lastSaleKey);
        LocalDate asOf = lastSale.plusDays(1);
        CustomerDays days = new CustomerDays(asOf);
        customerDays.feed(days); // empties customerDays as it goes
        days.finish();
        int[][] basketArray = baskets.toArray(int[][]::new);
        baskets = null; // Baskets.of copies the baskets: the list at least is garbage meanwhile
        return new WarehouseInputs(asOf, lastSale, days.rfm(), days.regionOfCustomer(), days.purchaseDays(),
                days.cohortActivity(), Baskets.of(products.labels(), basketArray), regionOfBasket,
                InvoiceProductTotals.reading(connection, where), lines, cleaning);
    }

    /**
     * The triggers on fact_sales keep fact_invoice equal to its aggregation. Only the owner can disable them (for
     * a bulk repair, say); if any is disabled now, the aggregate is rebuilt inside the refresh's transaction
     * rather than refreshing from stale inputs. docs/operations.md says what to run after such a repair.
     */
    private void rebuildIfTriggersDisabled() throws SQLException {
        try (ResultSet result = query("SELECT count(*) FILTER (WHERE tgenabled <> 'D') FROM pg_trigger "
                + "WHERE tgrelid = 'fact_sales'::regclass AND tgname LIKE 'fact_invoice_after_%'")) {
            result.next();
            if (result.getInt(1) == TRIGGERS) {
                return;
            }
        }
        log.warn("The fact_invoice triggers on fact_sales are disabled: rebuilding the invoice aggregate");
        try (ResultSet rebuilt = query("SELECT fact_invoice_rebuild()")) {
            rebuilt.next();
        }
    }

    /**
     * Basket items are product descriptions, as in the batch analysis: products sharing a description are one
     * item. The dictionary maps product ids to item ids once, so baskets are built without string lookups.
     */
    private ProductItems products() throws SQLException {
        Map<String, Integer> itemOfLabel = new HashMap<>();
        IntIntMap itemOfProduct = new IntIntMap();
        List<String> labels = new ArrayList<>();
        try (ResultSet row = query("SELECT product_id, description FROM dim_product ORDER BY product_id")) {
            while (row.next()) {
                int item = itemOfLabel.computeIfAbsent(row.getString(2), label -> {
                    labels.add(label);
                    return labels.size() - 1;
                });
                itemOfProduct.put(row.getInt(1), item);
            }
        }
        return new ProductItems(itemOfProduct, labels);
    }

    /** Product ids to basket item ids, and the items' labels. */
    private record ProductItems(IntIntMap itemOfProduct, List<String> labels) {

        /** The distinct items of a basket's products; a product missing from dim_product is "product <id>". */
        int[] items(int[] productIds) {
            int[] items = new int[productIds.length];
            for (int i = 0; i < items.length; i++) {
                int item = itemOfProduct.get(productIds[i]);
                if (item < 0) {
                    labels.add("product " + productIds[i]);
                    item = labels.size() - 1;
                    itemOfProduct.put(productIds[i], item);
                }
                items[i] = item;
            }
            return items.length > 1 && itemOfProduct.size() != labels.size()
                    ? Arrays.stream(items).distinct().toArray() : items;
        }
    }

    private ResultSet query(String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setFetchSize(FETCH);
        statement.closeOnCompletion();
        return statement.executeQuery();
    }

    /** The warehouse's date key of a day, yyyymmdd (a number, so it is safe inside the COPY statement). */
    static int dateKey(LocalDate day) {
        return day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth();
    }

    private static LocalDate dateOf(int dateKey) {
        return CustomerDayTotals.dateOf(dateKey);
    }
}
