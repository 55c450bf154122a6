package com.consumer360.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Appends transaction lines to a {@link TransactionTable}: set the fields of one line, then {@link #addLine()}.
 *
 * <pre>{@code
 * var b = new TransactionTableBuilder(EnumSet.of(CUSTOMER_ID, INVOICE_DATE, AMOUNT));
 * b.customer("c1").date(LocalDate.of(2024, 1, 5)).amount(12.5).addLine();
 * TransactionTable table = b.build();
 * }</pre>
 * Fields not set for a line are missing (codes -1), quantity defaults to 1 and the unit price to NaN.
 * When no amount is set the amount is quantity × unit price. Not thread-safe; use once.
 */
public final class TransactionTableBuilder {

    final Set<TransactionColumn> columns;
    /** Lines of a baskets-only source have no date and no amount (day Integer.MIN_VALUE, amount NaN). */
    private final boolean basketsOnly;
    int size;
    int malformedLines;
    final ChunkedColumns.Ints customer = new ChunkedColumns.Ints();
    final ChunkedColumns.Ints invoice = new ChunkedColumns.Ints();
    final ChunkedColumns.Ints day = new ChunkedColumns.Ints();
    final ChunkedColumns.Ints secondOfDay = new ChunkedColumns.Ints();
    final ChunkedColumns.Ints product = new ChunkedColumns.Ints();
    final ChunkedColumns.Ints quantity = new ChunkedColumns.Ints();
    final ChunkedColumns.Doubles unitPrice = new ChunkedColumns.Doubles();
    final ChunkedColumns.Doubles amount = new ChunkedColumns.Doubles();
    final ChunkedColumns.Ints country = new ChunkedColumns.Ints();
    final ChunkedColumns.Ints region = new ChunkedColumns.Ints();
    final Dictionary customers = new Dictionary();
    final Dictionary invoices = new Dictionary();
    final BitSet cancellationInvoices = new BitSet();
    final Dictionary products = new Dictionary();
    final List<String> descriptions = new ArrayList<>();
    final ChunkedColumns.Ints lineDescription = new ChunkedColumns.Ints();
    final Dictionary lineDescriptions = new Dictionary();
    final Dictionary countries = new Dictionary();
    final Dictionary regions = new Dictionary();

    private int lineCustomer = -1;
    private int lineInvoice = -1;
    private int lineDay = Integer.MIN_VALUE;
    private int lineSecond;
    private int lineProduct = -1;
    private String pendingDescription;
    private int lineDescriptionCode = -1;
    private boolean built;
    private int lineQuantity = 1;
    private double lineUnitPrice = Double.NaN;
    private double lineAmount = Double.NaN;
    private int lineCountry = -1;
    private int lineRegion = -1;

    /** @param columns the columns the source has (recorded in the table, see {@link TransactionTable#has}) */
    public TransactionTableBuilder(Set<TransactionColumn> columns) {
        this.columns = columns.isEmpty() ? EnumSet.noneOf(TransactionColumn.class) : EnumSet.copyOf(columns);
        this.basketsOnly = TransactionColumn.basketsOnly(this.columns);
    }

    /** Customer id; null or blank means missing. The characters are copied only for an id not seen before. */
    public TransactionTableBuilder customer(CharSequence id) {
        lineCustomer = customers.encode(id);
        return this;
    }

    /** Invoice id; null or blank means the line is a transaction of its own. */
    public TransactionTableBuilder invoice(CharSequence id) {
        lineInvoice = invoices.encode(id);
        if (lineInvoice >= 0 && invoices.value(lineInvoice).charAt(0) == 'C') {
            cancellationInvoices.set(lineInvoice);
        }
        return this;
    }

    public TransactionTableBuilder date(LocalDate date) {
        return dateTime(Math.toIntExact(date.toEpochDay()), 0);
    }

    /** Date as an ISO epoch day and time as seconds since midnight. */
    public TransactionTableBuilder dateTime(int epochDay, int secondsOfDay) {
        lineDay = epochDay;
        lineSecond = secondsOfDay;
        return this;
    }

    public TransactionTableBuilder product(CharSequence id) {
        lineProduct = products.encode(id);
        if (lineProduct == descriptions.size()) {
            descriptions.add(null);
        }
        if (pendingDescription != null) {
            description(pendingDescription);
            pendingDescription = null;
        }
        return this;
    }

    /**
     * Description of the line's product: kept as the line's own ({@link TransactionTable#lineDescription}) and, the
     * first non-blank one of each product, as the product's. Set it after {@link #product}: given before, it is copied
     * on every line in case the product turns out to be new.
     */
    public TransactionTableBuilder description(CharSequence text) {
        if (text == null || text.isEmpty()) {
            return this;
        }
        lineDescriptionCode = lineDescriptions.encode(text);
        if (lineProduct < 0) {
            pendingDescription = text.toString();
        } else if (descriptions.get(lineProduct) == null && !text.toString().isBlank()) {
            descriptions.set(lineProduct, text.toString());
        }
        return this;
    }

    public TransactionTableBuilder quantity(int value) {
        lineQuantity = value;
        return this;
    }

    public TransactionTableBuilder unitPrice(double value) {
        lineUnitPrice = value;
        return this;
    }

    public TransactionTableBuilder amount(double value) {
        lineAmount = value;
        return this;
    }

    public TransactionTableBuilder country(CharSequence name) {
        lineCountry = countries.encode(name);
        return this;
    }

    public TransactionTableBuilder region(CharSequence name) {
        lineRegion = regions.encode(name);
        return this;
    }

    /**
     * Appends the line set so far and resets the fields for the next one; throws if it has no date or amount,
     * unless the source is {@linkplain TransactionColumn#basketsOnly baskets only}.
     */
    public void addLine() {
        if (built) {
            throw new IllegalStateException("the table is built; use a new builder");
        }
        String missing = lineDay == Integer.MIN_VALUE ? "a date"
                : Double.isNaN(lineAmount) && Double.isNaN(lineUnitPrice) ? "an amount or a unit price" : null;
        if (missing != null && !basketsOnly) {
            resetLine(); // the next line starts clean even if the caller goes on
            throw new IllegalStateException("a transaction line needs " + missing);
        }
        int row = size++;
        customer.set(row, lineCustomer);
        invoice.set(row, lineInvoice);
        day.set(row, lineDay);
        secondOfDay.set(row, lineSecond);
        product.set(row, lineProduct);
        lineDescription.set(row, lineDescriptionCode);
        quantity.set(row, lineQuantity);
        unitPrice.set(row, lineUnitPrice);
        amount.set(row, Double.isNaN(lineAmount) ? lineQuantity * lineUnitPrice : lineAmount);
        country.set(row, lineCountry);
        region.set(row, lineRegion);
        resetLine();
    }

    /** Counts a source line that could not be read; the cleaning report lists it as malformed. */
    public void skipMalformedLine() {
        malformedLines++;
        resetLine();
    }

    public int size() {
        return size;
    }

    /** The table; the builder shares its columns with it, so no line can be added afterwards. */
    public TransactionTable build() {
        built = true;
        return new TransactionTable(this);
    }

    private void resetLine() {
        lineCustomer = -1;
        lineInvoice = -1;
        lineDay = Integer.MIN_VALUE;
        lineSecond = 0;
        lineProduct = -1;
        pendingDescription = null;
        lineDescriptionCode = -1;
        lineQuantity = 1;
        lineUnitPrice = Double.NaN;
        lineAmount = Double.NaN;
        lineCountry = -1;
        lineRegion = -1;
    }
}
