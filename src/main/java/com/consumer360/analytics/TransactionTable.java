package com.consumer360.analytics;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Columnar, dictionary-encoded transaction lines: the shared input of the engines in the batch run.
 *
 * <p>Rows are transaction lines in input order. String columns are stored as dense codes (0..count-1,
 * -1 when the line has no value) into per-column dictionaries, so engines aggregate into arrays indexed
 * by code. A line without an invoice id ({@link #invoice} = -1) is a transaction of its own.
 * Built with {@link TransactionTableBuilder}; immutable afterwards.
 */
public final class TransactionTable {

    /** Region or country label used by the engines' outputs for lines that have none. */
    public static final String MISSING_LABEL = "(missing)";

    private final int size;
    private final int malformedLines;
    private final Set<TransactionColumn> columns;
    private final ChunkedColumns.Ints customer;
    private final ChunkedColumns.Ints invoice;
    private final ChunkedColumns.Ints day;
    private final ChunkedColumns.Ints secondOfDay;
    private final ChunkedColumns.Ints product;
    private final ChunkedColumns.Ints quantity;
    private final ChunkedColumns.Doubles unitPrice;
    private final ChunkedColumns.Doubles amount;
    private final ChunkedColumns.Ints country;
    private final ChunkedColumns.Ints region;
    private final Dictionary customers;
    private final Dictionary invoices;
    private final BitSet cancellationInvoices;
    private final Dictionary products;
    private final String[] descriptions;
    private final ChunkedColumns.Ints lineDescription;
    private final Dictionary lineDescriptions;
    private final Dictionary countries;
    private final Dictionary regions;

    TransactionTable(TransactionTableBuilder b) {
        size = b.size;
        malformedLines = b.malformedLines;
        columns = Collections.unmodifiableSet(EnumSet.copyOf(b.columns));
        customer = b.customer;
        invoice = b.invoice;
        day = b.day;
        secondOfDay = b.secondOfDay;
        product = b.product;
        quantity = b.quantity;
        unitPrice = b.unitPrice;
        amount = b.amount;
        country = b.country;
        region = b.region;
        customers = b.customers;
        invoices = b.invoices;
        cancellationInvoices = b.cancellationInvoices;
        products = b.products;
        descriptions = b.descriptions.toArray(String[]::new);
        lineDescription = b.lineDescription;
        lineDescriptions = b.lineDescriptions;
        countries = b.countries;
        regions = b.regions;
    }

    /** Number of lines held. */
    public int size() {
        return size;
    }

    /** Lines the producer of this table could not read and skipped (counted by the cleaning report). */
    public int malformedLines() {
        return malformedLines;
    }

    /** Whether the source had this column; absent columns hold defaults (missing codes, quantity 1, NaN price). */
    public boolean has(TransactionColumn column) {
        return columns.contains(column);
    }

    /** The columns the source had. */
    public Set<TransactionColumn> columns() {
        return columns;
    }

    /** Whether the lines are baskets without sales: no customer, date or amount (see {@link TransactionColumn}). */
    public boolean basketsOnly() {
        return TransactionColumn.basketsOnly(columns);
    }

    public int customer(int row) {
        return customer.get(row);
    }

    public String customerId(int code) {
        return customers.value(code);
    }

    public int customerCount() {
        return customers.size();
    }

    /** Invoice code of the line, or -1 when it has no invoice id and so is a transaction of its own. */
    public int invoice(int row) {
        return invoice.get(row);
    }

    public String invoiceId(int code) {
        return invoices.value(code);
    }

    public int invoiceCount() {
        return invoices.size();
    }

    /** Whether the invoice is a cancellation (its number starts with {@code C}, the UCI convention). */
    public boolean isCancellation(int invoiceCode) {
        return invoiceCode >= 0 && cancellationInvoices.get(invoiceCode);
    }

    /** Transaction date as days since 1970-01-01 (the ISO epoch day). */
    public int day(int row) {
        return day.get(row);
    }

    /** The date as an object; loops over millions of lines should use {@link #day} (one LocalDate per call). */
    public LocalDate date(int row) {
        return LocalDate.ofEpochDay(day.get(row));
    }

    /** Time of day in seconds; 0 when the source had dates only. */
    public int secondOfDay(int row) {
        return secondOfDay.get(row);
    }

    public int product(int row) {
        return product.get(row);
    }

    public String productId(int code) {
        return products.value(code);
    }

    /** First non-blank description seen for the product, or an empty string. */
    public String productDescription(int code) {
        return descriptions[code] == null ? "" : descriptions[code];
    }

    /**
     * Code of the line's own description, or -1 when it has none (blank): an import describes a product by the lines
     * it keeps, not by {@link #productDescription}, which may come from a line the cleaning excludes.
     */
    public int lineDescription(int row) {
        return lineDescription.get(row);
    }

    public String lineDescriptionText(int code) {
        return lineDescriptions.value(code);
    }

    public int lineDescriptionCount() {
        return lineDescriptions.size();
    }

    public int productCount() {
        return products.size();
    }

    /** Quantity of the line (negative for returns); 1 when the source has no quantity column. */
    public int quantity(int row) {
        return quantity.get(row);
    }

    /** Unit price, or NaN when the source gave an amount only. */
    public double unitPrice(int row) {
        return unitPrice.get(row);
    }

    /** Line amount: the source's amount, else quantity × unit price. Negative for returns. */
    public double amount(int row) {
        return amount.get(row);
    }

    public int country(int row) {
        return country.get(row);
    }

    /** Country name of a code, or {@link #MISSING_LABEL} for -1. */
    public String countryName(int code) {
        return code < 0 ? MISSING_LABEL : countries.value(code);
    }

    public int countryCount() {
        return countries.size();
    }

    public int region(int row) {
        return region.get(row);
    }

    /** Region name of a code, or {@link #MISSING_LABEL} for -1. */
    public String regionName(int code) {
        return code < 0 ? MISSING_LABEL : regions.value(code);
    }

    public int regionCount() {
        return regions.size();
    }
}
