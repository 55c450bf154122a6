package com.consumer360.demodata;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** Receives the generated retailer: each customer before its sales lines. */
public interface DemoSink {

    /** A customer; {@code firstPurchase} is the date of its first invoice. */
    record Customer(long id, String code, String name, short regionId, String country, LocalDate firstPurchase) {
    }

    /** One invoice line; prices and amounts in cents, negative quantity and amount on cancellations. */
    record Line(long lineId, String invoiceNo, LocalDateTime timestamp, long customerId, int productId,
                int quantity, long unitPriceCents, long amountCents, boolean cancellation, short regionId) {
    }

    void customer(Customer customer);

    void line(Line line);
}
