package com.consumer360.refresh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Every customer invoice's net units and net cents per product, as read from fact_invoice (migration V11), kept
 * as the read decoded them until the customers' segments are known; then summed per region and segment into arrays
 * over the products, for the segment profiles' top products (snap_segment_product_totals, migration V12). The
 * invoices keep the small arrays the read decoded rather than copies in flat arrays that grow with the warehouse:
 * those became G1 humongous allocations, which set off concurrent collections during the refresh.
 */
final class InvoiceProductTotals {

    private final List<Invoice> invoices = new ArrayList<>();

    /** Adds one invoice of a customer: its products and their net units and cents, aligned (kept, not copied). */
    void add(long customerId, int[] productIds, long[] productUnits, long[] productCents) {
        if (productUnits.length != productIds.length || productCents.length != productIds.length) {
            throw new IllegalArgumentException("unaligned product totals of customer " + customerId);
        }
        invoices.add(new Invoice(customerId, productIds, productUnits, productCents));
    }

    /**
     * Net units and cents per product for each (region, segment), over the invoices of the customers
     * {@code placeOf} places (others, such as customers with returns only, are left out as they have no
     * segment). Summed into one dense array per place, indexed by the rank of the product id among all product
     * ids read, so no per-product key is allocated; each place lists the products its invoices hold, ascending.
     *
     * @param placeOf a customer's region and segment, or null when the customer has no segment
     */
    Map<Placement, ProductSums> bySegment(LongFunction<Placement> placeOf) {
        ProductIndex index = new ProductIndex(invoices);
        Map<Placement, long[][]> sums = new HashMap<>();
        for (Invoice invoice : invoices) {
            Placement customer = placeOf.apply(invoice.customerId());
            if (customer == null) {
                continue;
            }
            // [0]: units, [1]: cents, [2]: 1 where the place has the product at all
            long[][] place = sums.computeIfAbsent(customer, key -> new long[3][index.size()]);
            for (int k = 0; k < invoice.productIds().length; k++) {
                int at = index.of(invoice.productIds()[k]);
                place[0][at] += invoice.units()[k];
                place[1][at] += invoice.cents()[k];
                place[2][at] = 1;
            }
        }
        Map<Placement, ProductSums> totals = new HashMap<>();
        sums.forEach((place, sum) -> totals.put(place, ProductSums.of(index.ids(), sum)));
        return totals;
    }

    private record Invoice(long customerId, int[] productIds, long[] units, long[] cents) {
    }

    /** The distinct product ids of the invoices, ascending, and each id's position among them. */
    private static final class ProductIndex {
        private final IntIntMap positions = new IntIntMap();
        private final int[] ids;

        ProductIndex(List<Invoice> invoices) {
            for (Invoice invoice : invoices) {
                for (int id : invoice.productIds()) {
                    positions.put(id, 0);
                }
            }
            ids = positions.keys();
            Arrays.sort(ids);
            for (int position = 0; position < ids.length; position++) {
                positions.put(ids[position], position);
            }
        }

        int size() {
            return ids.length;
        }

        int[] ids() {
            return ids;
        }

        int of(int id) {
            return positions.get(id);
        }
    }

    /** A customer's region and segment. */
    record Placement(short regionId, String segment) {
    }

    /** Net units and cents per product of one place, aligned with the ascending product ids. */
    record ProductSums(int[] productIds, long[] units, long[] cents) {

        static ProductSums of(int[] ids, long[][] sums) {
            int n = 0;
            for (long present : sums[2]) {
                n += (int) present;
            }
            ProductSums result = new ProductSums(new int[n], new long[n], new long[n]);
            int at = 0;
            for (int index = 0; index < ids.length; index++) {
                if (sums[2][index] == 1) {
                    result.productIds[at] = ids[index];
                    result.units[at] = sums[0][index];
                    result.cents[at++] = sums[1][index];
                }
            }
            return result;
        }
    }
}
