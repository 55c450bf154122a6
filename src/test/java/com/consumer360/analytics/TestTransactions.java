package com.consumer360.analytics;

import java.time.LocalDate;
import java.util.EnumSet;

/** Builds small hand-made tables for engine tests: one {@code line(...)} call per transaction line. */
public final class TestTransactions {

    private final TransactionTableBuilder builder = new TransactionTableBuilder(EnumSet.of(
            TransactionColumn.CUSTOMER_ID, TransactionColumn.INVOICE_ID, TransactionColumn.INVOICE_DATE,
            TransactionColumn.PRODUCT_ID, TransactionColumn.QUANTITY, TransactionColumn.UNIT_PRICE,
            TransactionColumn.COUNTRY));

    /** A line; {@code customer} null means a missing customer id; invoices starting with C are cancellations. */
    public TestTransactions line(String customer, String invoice, String isoDate, String product, int quantity,
                                 double unitPrice) {
        return line(customer, invoice, isoDate, product, quantity, unitPrice, "United Kingdom");
    }

    public TestTransactions line(String customer, String invoice, String isoDate, String product, int quantity,
                                 double unitPrice, String country) {
        builder.customer(customer).invoice(invoice).date(LocalDate.parse(isoDate))
                .product(product).description("product " + product).quantity(quantity).unitPrice(unitPrice).country(country)
                .addLine();
        return this;
    }

    public TransactionTable table() {
        return builder.build();
    }
}
