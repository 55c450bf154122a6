package com.consumer360.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The per-segment product sums against a plain map of (place, product) sums, on random invoices. */
class InvoiceProductTotalsTest {

    private static final InvoiceProductTotals.Placement NORTH_CHAMPIONS =
            new InvoiceProductTotals.Placement((short) 1, "Champions");
    private static final InvoiceProductTotals.Placement SOUTH_LOST = new InvoiceProductTotals.Placement((short) 2, "Lost");

    @Test
    void sumsEqualAPlainMapOfPlaceAndProduct() throws Exception {
        Random random = new Random(7);
        // Ids far apart and at the ends of the int range, so the product index must hash, not count.
        int[] catalogue = new int[3000];
        for (int i = 0; i < catalogue.length; i++) {
            catalogue[i] = i < 2 ? (i == 0 ? Integer.MAX_VALUE : 0) : random.nextInt(Integer.MAX_VALUE);
        }
        InvoiceProductTotals totals = new InvoiceProductTotals();
        Map<InvoiceProductTotals.Placement, Map<Integer, long[]>> expected = new HashMap<>();
        for (int invoice = 0; invoice < 5000; invoice++) {
            long customer = random.nextInt(400);
            int[] ids = random.ints(1 + random.nextInt(25), 0, catalogue.length).distinct()
                    .map(i -> catalogue[i]).toArray();
            long[] units = random.longs(ids.length, -5, 50).toArray();
            long[] cents = random.longs(ids.length, -5_000, 90_000).toArray();
            totals.add(customer, ids, units, cents);
            InvoiceProductTotals.Placement place = place(customer);
            for (int k = 0; place != null && k < ids.length; k++) {
                long[] sum = expected.computeIfAbsent(place, p -> new TreeMap<>()).computeIfAbsent(ids[k],
                        id -> new long[2]);
                sum[0] += units[k];
                sum[1] += cents[k];
            }
        }

        Map<InvoiceProductTotals.Placement, InvoiceProductTotals.ProductSums> actual =
                totals.bySegment(InvoiceProductTotalsTest::place);

        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((place, products) -> {
            InvoiceProductTotals.ProductSums sums = actual.get(place);
            assertThat(sums.productIds()).containsExactly(products.keySet().stream().mapToInt(Integer::intValue)
                    .toArray());
            int k = 0;
            for (long[] sum : products.values()) {
                assertThat(sums.units()[k]).isEqualTo(sum[0]);
                assertThat(sums.cents()[k++]).isEqualTo(sum[1]);
            }
        });
    }

    /** Customers below 150 are northern champions, up to 300 southern lost ones; the rest have no segment. */
    private static InvoiceProductTotals.Placement place(long customer) {
        return customer < 150 ? NORTH_CHAMPIONS : customer < 300 ? SOUTH_LOST : null;
    }
}
