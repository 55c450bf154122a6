package com.consumer360.refresh;

import com.consumer360.analytics.basket.Baskets;
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

    WarehouseReader(Connection connection) {
        this.connection = connection;
    }

    WarehouseInputs read() throws SQLException {
        rebuildIfTriggersDisabled();
        LocalDate lastSale;
        long lines;
        try (ResultSet result = query("SELECT max(date_key), coalesce(sum(lines), 0) FROM fact_invoice")) {
            result.next();
            int key = result.getInt(1);
            if (result.wasNull()) {
                throw new IllegalStateException("the warehouse has no sales to analyse");
            }
            lastSale = dateOf(key);
            lines = result.getLong(2);
        }
        LocalDate asOf = lastSale.plusDays(1);
        ProductItems products = products();
        List<String> regionOfBasket = new ArrayList<>();
        List<int[]> baskets = new ArrayList<>();
        CustomerDayTotals customerDays = new CustomerDayTotals();
        InvoiceProductTotals productTotals = new InvoiceProductTotals();
        // Unordered: a sequential scan, where ordering by customer cost PostgreSQL a sort or a random index scan.
        try (ResultSet row = query("SELECT customer_id, region_id, date_key, purchase_lines > 0, "
                + "(purchase_amount * 100)::BIGINT, (net_amount * 100)::BIGINT, array_to_string(purchase_products, ' '), "
                + "array_to_string(products, ' '), array_to_string(product_units, ' '), "
                + "array_to_string(product_cents, ' ') FROM fact_invoice")) {
            while (row.next()) {
                long customer = row.getLong(1);
                boolean guest = row.wasNull();
                short region = row.getShort(2);
                boolean purchase = row.getBoolean(4);
                if (!guest) {
                    customerDays.add(customer, region, row.getInt(3), purchase, row.getLong(5), row.getLong(6));
                    productTotals.add(customer, row.getString(8), row.getString(9), row.getString(10));
                }
                if (purchase) {
                    regionOfBasket.add(Short.toString(region));
                    baskets.add(products.items(row.getString(7)));
                }
            }
        }
        CustomerDays days = new CustomerDays(asOf);
        customerDays.feed(days);
        days.finish();
        return new WarehouseInputs(asOf, lastSale, days.rfm(), days.regionOfCustomer(), days.purchaseDays(),
                days.cohortActivity(), Baskets.of(products.labels(), baskets.toArray(int[][]::new)), regionOfBasket,
                productTotals, lines);
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
        Map<Integer, Integer> itemOfProduct = new HashMap<>();
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
    private record ProductItems(Map<Integer, Integer> itemOfProduct, List<String> labels) {

        /**
         * The distinct items of a basket's products, given as space-separated ids (parsed here: cheaper than
         * the driver's array decoding); a product missing from dim_product is "product <id>".
         */
        int[] items(String productIds) {
            int[] items = new int[productIds.length() / 2 + 1];
            int n = 0;
            int start = 0;
            while (start < productIds.length()) {
                int end = productIds.indexOf(' ', start);
                if (end < 0) {
                    end = productIds.length();
                }
                int productId = Integer.parseInt(productIds, start, end, 10);
                items[n++] = itemOfProduct.computeIfAbsent(productId, id -> {
                    labels.add("product " + id);
                    return labels.size() - 1;
                });
                start = end + 1;
            }
            items = Arrays.copyOf(items, n);
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

    private static LocalDate dateOf(int dateKey) {
        return CustomerDayTotals.dateOf(dateKey);
    }
}
