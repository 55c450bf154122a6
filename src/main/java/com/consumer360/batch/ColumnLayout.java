package com.consumer360.batch;

import com.consumer360.analytics.TransactionColumn;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Recognises a CSV header by column names, ignoring case, spaces and underscores: the generic layout
 * ({@code customer_id, invoice_id, invoice_date, ...}) and the UCI Online Retail layout ({@code InvoiceNo,
 * StockCode, ...}). Unknown columns are ignored. A file with an invoice and a product (or description) column but
 * without the sales columns is a baskets-only layout: {@code analyze} then mines basket rules only.
 */
record ColumnLayout(Map<TransactionColumn, Integer> positions) {

    private static final Map<TransactionColumn, Set<String>> NAMES = Map.of(
            TransactionColumn.CUSTOMER_ID, Set.of("customerid", "customer"),
            TransactionColumn.INVOICE_ID, Set.of("invoiceid", "invoiceno", "invoice", "invoicenumber"),
            TransactionColumn.INVOICE_DATE, Set.of("invoicedate", "date"),
            TransactionColumn.PRODUCT_ID, Set.of("productid", "stockcode", "product"),
            TransactionColumn.DESCRIPTION, Set.of("description"),
            TransactionColumn.QUANTITY, Set.of("quantity"),
            TransactionColumn.UNIT_PRICE, Set.of("unitprice", "price"),
            TransactionColumn.AMOUNT, Set.of("amount"),
            TransactionColumn.COUNTRY, Set.of("country"),
            TransactionColumn.REGION, Set.of("region"));

    static ColumnLayout of(String file, List<String> header) throws BadInputException {
        Map<TransactionColumn, Integer> positions = new EnumMap<>(TransactionColumn.class);
        for (int i = 0; i < header.size(); i++) {
            String name = normalise(header.get(i));
            for (var entry : NAMES.entrySet()) {
                if (entry.getValue().contains(name)) {
                    positions.putIfAbsent(entry.getKey(), i);
                }
            }
        }
        if (!positions.containsKey(TransactionColumn.PRODUCT_ID)
                && positions.containsKey(TransactionColumn.DESCRIPTION)) {
            // Without product ids (the Groceries layout) the description identifies the product.
            positions.put(TransactionColumn.PRODUCT_ID, positions.get(TransactionColumn.DESCRIPTION));
        }
        if (TransactionColumn.basketsOnly(positions.keySet())) {
            return new ColumnLayout(positions);
        }
        requireColumn(file, positions, TransactionColumn.CUSTOMER_ID, "customer_id or CustomerID");
        requireColumn(file, positions, TransactionColumn.INVOICE_DATE, "invoice_date or InvoiceDate");
        boolean priced = positions.containsKey(TransactionColumn.QUANTITY)
                && positions.containsKey(TransactionColumn.UNIT_PRICE);
        if (!priced && !positions.containsKey(TransactionColumn.AMOUNT)) {
            throw BadInputException.at(file, 1, "amount",
                    "no amount column, nor quantity and unit_price (header: " + String.join(",", header) + ")");
        }
        return new ColumnLayout(positions);
    }

    /**
     * The layout a column mapping chooses: each column at the position of the header field named exactly (spaces
     * around ignored); a name the header does not have is refused at line 1. No column is required here: the caller
     * checks what it needs.
     */
    static ColumnLayout chosen(String file, List<String> header, Map<TransactionColumn, String> names)
            throws BadInputException {
        Map<TransactionColumn, Integer> positions = new EnumMap<>(TransactionColumn.class);
        for (var entry : names.entrySet()) {
            int position = -1;
            for (int i = 0; i < header.size() && position < 0; i++) {
                if (header.get(i).strip().equals(entry.getValue().strip())) {
                    position = i;
                }
            }
            if (position < 0) {
                throw BadInputException.at(file, 1, nameOf(entry.getKey()), "the column mapping names column \""
                        + entry.getValue() + "\", which the file's header does not have (header: "
                        + String.join(",", header) + ")");
            }
            positions.put(entry.getKey(), position);
        }
        return new ColumnLayout(positions);
    }

    Set<TransactionColumn> columns() {
        return positions.keySet();
    }

    /** Position of the column in a record, or -1 when the file does not have it. */
    int position(TransactionColumn column) {
        return positions.getOrDefault(column, -1);
    }

    /** The header's name for error messages: the generic layout's name of the column. */
    static String nameOf(TransactionColumn column) {
        return column.name().toLowerCase(Locale.ROOT);
    }

    private static void requireColumn(String file, Map<TransactionColumn, Integer> positions,
                                      TransactionColumn column, String expected) throws BadInputException {
        if (!positions.containsKey(column)) {
            throw BadInputException.at(file, 1, nameOf(column), "no column named " + expected);
        }
    }

    private static String normalise(String name) {
        StringBuilder s = new StringBuilder(name.length());
        for (char ch : name.strip().toCharArray()) {
            if (Character.isLetterOrDigit(ch)) {
                s.append(Character.toLowerCase(ch));
            }
        }
        return s.toString();
    }
}
