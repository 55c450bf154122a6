package com.consumer360.demodata;

import java.io.IOException;
import java.io.Writer;

/** Writes generated lines as CSV rows of the generic layout. */
final class CsvSink implements DemoSink {

    private final Writer writer;
    private final DemoCatalog catalog;
    /** Lines always follow their own customer, so the latest customer is the line's. */
    private Customer customer;
    private final StringBuilder row = new StringBuilder(160);
    private IOException failure;

    CsvSink(Writer writer, DemoCatalog catalog) {
        this.writer = writer;
        this.catalog = catalog;
    }

    @Override
    public void customer(Customer customer) {
        this.customer = customer;
    }

    @Override
    public void line(Line line) {
        if (failure != null) {
            return;
        }
        DemoCatalog.Product product = catalog.products().get(line.productId() - 1);
        row.setLength(0);
        row.append(customer.code()).append(',').append(line.invoiceNo()).append(',').append(line.timestamp())
                .append(',').append(product.code()).append(',').append(product.description()).append(',')
                .append(line.quantity()).append(',');
        cents(line.unitPriceCents()).append(',');
        cents(line.amountCents()).append(',').append(customer.country()).append(',')
                .append(DemoCatalog.REGIONS.get(line.regionId() - 1).name()).append('\n');
        try {
            writer.append(row);
        } catch (IOException e) {
            failure = e;
        }
    }

    void rethrow() throws IOException {
        if (failure != null) {
            throw failure;
        }
    }

    private StringBuilder cents(long cents) {
        if (cents < 0) {
            row.append('-');
            cents = -cents;
        }
        row.append(cents / 100).append('.');
        long fraction = cents % 100;
        return row.append(fraction < 10 ? "0" : "").append(fraction);
    }
}
