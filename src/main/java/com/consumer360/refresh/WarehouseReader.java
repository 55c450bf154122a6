package com.consumer360.refresh;

import com.consumer360.analytics.basket.Baskets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the refresh's inputs with the heavy aggregation pushed down to PostgreSQL. Purchases are lines with a
 * positive amount on a non-cancellation invoice (as in the engines' cleaning); monetary values net
 * cancellations and returns. Runs in the refresh's transaction, so all reads see one consistent state.
 */
final class WarehouseReader {

    private static final String PURCHASE = "net_amount > 0 AND NOT is_cancellation";
    private static final int FETCH = 10_000;

    private final Connection connection;

    WarehouseReader(Connection connection) {
        this.connection = connection;
    }

    WarehouseInputs read() throws SQLException {
        LocalDate lastSale;
        long lines;
        try (ResultSet result = query("SELECT max(date_key), count(*) FROM fact_sales")) {
            result.next();
            int key = result.getInt(1);
            if (result.wasNull()) {
                throw new IllegalStateException("the warehouse has no sales to analyse");
            }
            lastSale = dateOf(key);
            lines = result.getLong(2);
        }
        LocalDate asOf = lastSale.plusDays(1);
        CustomerDays days = customerDays(asOf);
        Map<Integer, String> products = products();
        List<String> regionOfBasket = new ArrayList<>();
        Baskets baskets = baskets(products, regionOfBasket);
        return new WarehouseInputs(asOf, lastSale, days.rfm(), days.regionOfCustomer(), days.purchaseDays(),
                days.cohortActivity(), baskets, regionOfBasket, lines);
    }

    /**
     * One scan aggregated per customer and day feeds RFM, CLV and cohorts: an invoice lies on one day, so
     * summing the days' distinct purchase invoices gives the customer's distinct purchase invoices.
     */
    private CustomerDays customerDays(LocalDate asOf) throws SQLException {
        CustomerDays days = new CustomerDays(asOf);
        try (ResultSet row = query("SELECT customer_id, min(region_id), date_key, count(DISTINCT invoice_no) FILTER "
                + "(WHERE " + PURCHASE + "), coalesce(sum(net_amount) FILTER (WHERE " + PURCHASE + "), 0), "
                + "sum(net_amount) FROM fact_sales WHERE customer_id IS NOT NULL "
                + "GROUP BY customer_id, date_key ORDER BY customer_id, date_key")) {
            while (row.next()) {
                days.add(row.getLong(1), row.getShort(2), dateOf(row.getInt(3)), row.getInt(4), row.getDouble(5),
                        row.getDouble(6));
            }
        }
        return days.finish();
    }

    private Map<Integer, String> products() throws SQLException {
        Map<Integer, String> labels = new HashMap<>();
        try (ResultSet row = query("SELECT product_id, description FROM dim_product")) {
            while (row.next()) {
                labels.put(row.getInt(1), row.getString(2));
            }
        }
        return labels;
    }

    private Baskets baskets(Map<Integer, String> products, List<String> regionOfBasket) throws SQLException {
        Baskets.Builder builder = new Baskets.Builder();
        try (ResultSet row = query("SELECT min(region_id), array_agg(DISTINCT product_id) FROM fact_sales "
                + "WHERE " + PURCHASE + " GROUP BY invoice_no")) {
            while (row.next()) {
                regionOfBasket.add(Short.toString(row.getShort(1)));
                Array array = row.getArray(2);
                List<String> items = new ArrayList<>();
                for (Integer productId : (Integer[]) array.getArray()) {
                    items.add(products.getOrDefault(productId, "product " + productId));
                }
                array.free();
                builder.add(items);
            }
        }
        return builder.build();
    }

    private ResultSet query(String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setFetchSize(FETCH);
        statement.closeOnCompletion();
        return statement.executeQuery();
    }

    private static LocalDate dateOf(int dateKey) {
        return LocalDate.of(dateKey / 10_000, dateKey / 100 % 100, dateKey % 100);
    }
}
