package com.consumer360.demodata;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.hipparchus.random.RandomDataGenerator;

/** Writes one invoice (and, sometimes, its cancellation) for one customer purchase. */
final class InvoiceWriter {

    /** Popularity skew: product index = floor(n * u^SKEW), so low ids are bought far more often. */
    private static final double SKEW = 2.5;

    private final RandomDataGenerator random;
    private final DemoParameters parameters;
    private final DemoCatalog catalog;
    private final Map<Integer, Integer> affinity;
    private final DemoDataGenerator.Counters counters;
    private final long targetLines;

    InvoiceWriter(RandomDataGenerator random, DemoParameters parameters, DemoCatalog catalog,
                  Map<Integer, Integer> affinity, DemoDataGenerator.Counters counters, long targetLines) {
        this.random = random;
        this.parameters = parameters;
        this.catalog = catalog;
        this.affinity = affinity;
        this.counters = counters;
        this.targetLines = targetLines;
    }

    void write(DemoSink sink, long customerId, short regionId, LocalDateTime timestamp, double spendFactor,
               LocalDate endDate) {
        Set<Integer> basket = basket(timestamp.getMonthValue());
        String invoiceNo = Long.toString(counters.invoices++);
        int[] quantities = new int[basket.size()];
        int i = 0;
        for (int productId : basket) {
            if (counters.lines >= targetLines) {
                return;
            }
            quantities[i] = 1 + (int) random.nextPoisson(Math.max(0.1, 2.0 * spendFactor));
            emit(sink, invoiceNo, timestamp, customerId, productId, quantities[i++], regionId, false);
        }
        LocalDateTime cancelledAt = timestamp.plusDays(1 + random.nextInt(3));
        if (random.nextDouble() < parameters.cancellationRate() && !cancelledAt.toLocalDate().isAfter(endDate)) {
            int cancelledLines = 1 + random.nextInt(basket.size());
            i = 0;
            for (int productId : basket) {
                if (i == cancelledLines || counters.lines >= targetLines) {
                    break;
                }
                emit(sink, "C" + invoiceNo, cancelledAt, customerId, productId, -quantities[i++], regionId, true);
            }
        }
    }

    private Set<Integer> basket(int month) {
        double mean = parameters.meanExtraLinesPerInvoice() * (month >= 11 ? parameters.seasonalBasketBoost() : 1);
        int size = 1 + (int) random.nextPoisson(mean);
        int productCount = catalog.products().size();
        Set<Integer> basket = new LinkedHashSet<>();
        while (basket.size() < size) {
            int productId = 1 + (int) (productCount * Math.pow(random.nextDouble(), SKEW));
            basket.add(productId);
            Integer partner = affinity.get(productId);
            if (partner != null && random.nextDouble() < parameters.affinityProbability()) {
                basket.add(partner);
            }
        }
        return basket;
    }

    private void emit(DemoSink sink, String invoiceNo, LocalDateTime timestamp, long customerId, int productId,
                      int quantity, short regionId, boolean cancellation) {
        long price = catalog.products().get(productId - 1).listPrice().movePointRight(2).longValueExact();
        counters.lines++;
        sink.line(new DemoSink.Line(counters.lines, invoiceNo, timestamp, customerId, productId, quantity, price,
                price * quantity, cancellation, regionId));
    }
}
