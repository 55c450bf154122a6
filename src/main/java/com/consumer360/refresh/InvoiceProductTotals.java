package com.consumer360.refresh;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Every customer invoice's net units and net cents per product, as read from fact_invoice (migration V11), kept
 * in flat arrays until the customers' segments are known; then summed per region, segment and product for the
 * segment profiles' top products (snap_segment_product).
 */
final class InvoiceProductTotals {

    private long[] customers = new long[1024];
    /** Invoice i's products are at positions [start[i], start[i + 1]). */
    private int[] start = new int[1025];
    private int invoices;
    private int[] products = new int[4096];
    private long[] units = new long[4096];
    private long[] cents = new long[4096];

    /** Adds one invoice of a customer; the three texts are space-separated and aligned, as array_to_string gives. */
    void add(long customerId, String productIds, String productUnits, String productCents) {
        if (invoices + 1 == customers.length) {
            customers = Arrays.copyOf(customers, customers.length * 2);
            start = Arrays.copyOf(start, customers.length + 1);
        }
        int at = start[invoices];
        int n = at;
        int p = 0;
        int u = 0;
        int c = 0;
        while (p < productIds.length()) {
            if (n == products.length) {
                products = Arrays.copyOf(products, n * 2);
                units = Arrays.copyOf(units, n * 2);
                cents = Arrays.copyOf(cents, n * 2);
            }
            int pe = end(productIds, p);
            int ue = end(productUnits, u);
            int ce = end(productCents, c);
            products[n] = Integer.parseInt(productIds, p, pe, 10);
            units[n] = Long.parseLong(productUnits, u, ue, 10);
            cents[n] = Long.parseLong(productCents, c, ce, 10);
            n++;
            p = pe + 1;
            u = ue + 1;
            c = ce + 1;
        }
        customers[invoices] = customerId;
        start[++invoices] = n;
    }

    private static int end(String text, int from) {
        int end = text.indexOf(' ', from);
        return end < 0 ? text.length() : end;
    }

    /**
     * Net units and cents per (region, segment, product) over the invoices of the customers {@code placeOf}
     * places (others, such as customers with returns only, are left out as they have no segment).
     *
     * @param placeOf a customer's region and segment, or null when the customer has no segment
     */
    Map<Key, long[]> bySegment(LongFunction<Placement> placeOf) {
        Map<Long, Placement> seen = new HashMap<>();
        Map<Key, long[]> totals = new HashMap<>();
        for (int i = 0; i < invoices; i++) {
            Placement customer = seen.computeIfAbsent(customers[i], placeOf::apply);
            if (customer == null) {
                continue;
            }
            for (int k = start[i]; k < start[i + 1]; k++) {
                long[] sum = totals.computeIfAbsent(new Key(customer.regionId(), customer.segment(), products[k]),
                        key -> new long[2]);
                sum[0] += units[k];
                sum[1] += cents[k];
            }
        }
        return totals;
    }

    /** A customer's region and segment. */
    record Placement(short regionId, String segment) {
    }

    /** A region, segment and product. */
    record Key(short regionId, String segment, int productId) {
    }
}
