package com.consumer360.refresh;

import com.consumer360.warehouse.BinaryCopyReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.time.LocalDate;

/**
 * Every customer invoice's net units and net cents per product (fact_invoice, migration V11), summed per region and
 * segment into arrays over the products once the customers' segments are known, for the segment profiles' top
 * products (snap_segment_product_totals, migration V12).
 *
 * <p>The refresh's totals are read from fact_invoice a second time, when the segments are known, and summed as they
 * stream in: keeping every invoice's product arrays from the first read until then held about 40 MB per million
 * lines, most of a 1 GiB heap at 10 M lines (issue 19). The second read covers the same rows in the refresh's
 * REPEATABLE READ transaction, so it sees exactly what the first read saw; it comes in customer order, so that the
 * customers who bought each product are counted in the same pass (migration V33: 2.9 → 3.6 s for that read at 10 M
 * lines, instead of a distinct count over a million lines each time a profile opens). Invoices {@link #add added} in
 * memory (for tests) are summed the same way.
 */
public final class InvoiceProductTotals {

    private final List<Invoice> invoices = new ArrayList<>();
    private final Connection connection;
    private final String where;

    /** Totals of the invoices {@link #add added}. */
    InvoiceProductTotals() {
        this(null, null);
    }

    private InvoiceProductTotals(Connection connection, String where) {
        this.connection = connection;
        this.where = where;
    }

    /**
     * Totals read from fact_invoice on {@code connection} when summed; {@code where} is the read's filter
     * ({@code ""} or a {@code WHERE} clause of numbers only). Summing uses the connection: not while another
     * statement is open on it.
     */
    static InvoiceProductTotals reading(Connection connection, String where) {
        return new InvoiceProductTotals(connection, where);
    }

    /** Adds one invoice of a customer: its products and their net units and cents, aligned (kept, not copied). */
    void add(long customerId, int[] productIds, long[] productUnits, long[] productCents) {
        if (connection != null) {
            throw new IllegalStateException("these totals are read from the warehouse");
        }
        invoices.add(new Invoice(customerId, productIds, productUnits, productCents));
    }

    /**
     * Net units and cents per product for each (region, segment), over the invoices of the customers
     * {@code placeOf} places (others, such as customers with returns only, are left out as they have no
     * segment). Summed into one dense array per place, indexed by the order in which product ids first appear,
     * so no per-product key is allocated; each place lists the products its invoices hold, ascending.
     *
     * @param placeOf a customer's region and segment, or null when the customer has no segment
     */
    Map<Placement, ProductSums> bySegment(LongFunction<Placement> placeOf) throws SQLException {
        return byPlaces(customer -> {
            Placement place = placeOf.apply(customer);
            return place == null ? List.of() : List.of(place);
        });
    }

    /**
     * For snapshot extensions: net units and cents per product, and buyers, of the invoices before {@code before}
     * (every invoice when null) summed for each place the customers are in, read from fact_invoice on
     * {@code connection} in customer order (within the refresh's transaction: the invoices the snapshot was computed
     * from). A customer may be in several places (custom segments overlap) or none.
     *
     * @param placesOf a customer's places; called once per customer, in ascending customer order
     */
    public static <K> Map<K, ProductSums> byPlaces(Connection connection, LocalDate before,
                                                   LongFunction<List<K>> placesOf) throws SQLException {
        String where = before == null ? "" : " WHERE date_key < " + (before.getYear() * 10_000
                + before.getMonthValue() * 100 + before.getDayOfMonth());
        return reading(connection, where).byPlaces(placesOf);
    }

    private <K> Map<K, ProductSums> byPlaces(LongFunction<List<K>> placesOf) throws SQLException {
        Sums<K> sums = new Sums<>(placesOf);
        if (connection == null) {
            List<Invoice> byCustomer = new ArrayList<>(invoices);
            byCustomer.sort(java.util.Comparator.comparingLong(Invoice::customerId));
            for (Invoice invoice : byCustomer) {
                sums.add(invoice.customerId(), invoice.productIds(), invoice.units(), invoice.cents());
            }
        } else {
            try (BinaryCopyReader row = new BinaryCopyReader(connection, "SELECT customer_id, products, product_units, "
                    + "product_cents FROM fact_invoice" + (where.isEmpty() ? " WHERE " : where + " AND ")
                    + "customer_id IS NOT NULL ORDER BY customer_id")) {
                while (row.next()) {
                    long customer = row.getLong();
                    sums.add(customer, BinaryArrays.ints(row.getBytes()), BinaryArrays.longs(row.getBytes()),
                            BinaryArrays.longs(row.getBytes()));
                }
            }
        }
        return sums.result();
    }

    private record Invoice(long customerId, int[] productIds, long[] units, long[] cents) {
    }

    /**
     * Sums per place as invoices stream in; a product's position is the order of its first appearance. Invoices come
     * in customer order, so a customer's distinct products are told by stamping each position with the customer's
     * turn: a product counts a buyer the first time it appears in the customer's turn (memory per product, not per
     * customer and product).
     */
    private static final class Sums<K> {
        private final LongFunction<List<K>> placesOf;
        private final IntIntMap positions = new IntIntMap();
        private int[] idOfPosition = new int[1024];
        private final Map<K, long[][]> places = new HashMap<>();
        private int[] stamp = new int[1024];
        private long lastCustomer = Long.MIN_VALUE;
        private int turn;
        private final List<long[][]> customerPlaces = new ArrayList<>();

        Sums(LongFunction<List<K>> placesOf) {
            this.placesOf = placesOf;
        }

        void add(long customerId, int[] productIds, long[] units, long[] cents) {
            if (units.length != productIds.length || cents.length != productIds.length) {
                throw new IllegalArgumentException("unaligned product totals of customer " + customerId);
            }
            if (customerId < lastCustomer) {
                throw new IllegalStateException("invoices must come in customer order to count buyers");
            }
            if (customerId != lastCustomer) {
                lastCustomer = customerId;
                turn++;
                customerPlaces.clear();
                for (K place : placesOf.apply(customerId)) {
                    customerPlaces.add(places.computeIfAbsent(place, key -> new long[4][idOfPosition.length]));
                }
            }
            if (customerPlaces.isEmpty()) {
                return;
            }
            // Per place: [0]: units, [1]: cents, [2]: 1 where the place has the product at all, [3]: buyers
            for (int k = 0; k < productIds.length; k++) {
                int at = position(productIds[k]);
                boolean firstOfCustomer = stamp[at] != turn;
                stamp[at] = turn;
                for (int p = 0; p < customerPlaces.size(); p++) {
                    long[][] place = customerPlaces.get(p);
                    if (at >= place[0].length) {
                        int capacity = idOfPosition.length;
                        for (int i = 0; i < place.length; i++) {
                            place[i] = Arrays.copyOf(place[i], capacity);
                        }
                    }
                    place[0][at] += units[k];
                    place[1][at] += cents[k];
                    place[2][at] = 1;
                    if (firstOfCustomer) {
                        place[3][at]++;
                    }
                }
            }
        }

        private int position(int productId) {
            int at = positions.get(productId);
            if (at < 0) {
                at = positions.size();
                positions.put(productId, at);
                if (at == idOfPosition.length) {
                    idOfPosition = Arrays.copyOf(idOfPosition, at * 2);
                    stamp = Arrays.copyOf(stamp, at * 2);
                }
                idOfPosition[at] = productId;
            }
            return at;
        }

        Map<K, ProductSums> result() {
            int n = positions.size();
            // Positions in ascending product id order.
            int[] ascending = java.util.stream.IntStream.range(0, n).boxed()
                    .sorted((a, b) -> Integer.compare(idOfPosition[a], idOfPosition[b]))
                    .mapToInt(Integer::intValue).toArray();
            Map<K, ProductSums> totals = new HashMap<>();
            places.forEach((place, sums) -> totals.put(place, ProductSums.of(idOfPosition, ascending, sums)));
            return totals;
        }
    }

    /** A customer's region and segment. */
    record Placement(short regionId, String segment) {
    }

    /**
     * Net units and cents per product of one place, and how many of the place's customers have a line of it (any
     * line, as the profile's "customers who bought it" counted from fact_sales), aligned with the ascending product
     * ids.
     */
    public record ProductSums(int[] productIds, long[] units, long[] cents, int[] buyers) {

        static ProductSums of(int[] idOfPosition, int[] ascending, long[][] sums) {
            int n = 0;
            for (long present : sums[2]) {
                n += (int) present;
            }
            ProductSums result = new ProductSums(new int[n], new long[n], new long[n], new int[n]);
            int at = 0;
            for (int position : ascending) {
                if (position < sums[2].length && sums[2][position] == 1) {
                    result.productIds[at] = idOfPosition[position];
                    result.units[at] = sums[0][position];
                    result.buyers[at] = (int) sums[3][position];
                    result.cents[at++] = sums[1][position];
                }
            }
            return result;
        }
    }
}
