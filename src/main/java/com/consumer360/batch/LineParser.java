package com.consumer360.batch;

import static com.consumer360.analytics.TransactionColumn.AMOUNT;
import static com.consumer360.analytics.TransactionColumn.COUNTRY;
import static com.consumer360.analytics.TransactionColumn.CUSTOMER_ID;
import static com.consumer360.analytics.TransactionColumn.DESCRIPTION;
import static com.consumer360.analytics.TransactionColumn.INVOICE_DATE;
import static com.consumer360.analytics.TransactionColumn.INVOICE_ID;
import static com.consumer360.analytics.TransactionColumn.PRODUCT_ID;
import static com.consumer360.analytics.TransactionColumn.QUANTITY;
import static com.consumer360.analytics.TransactionColumn.REGION;
import static com.consumer360.analytics.TransactionColumn.UNIT_PRICE;

import com.consumer360.analytics.TransactionColumn;
import com.consumer360.analytics.TransactionTableBuilder;
import de.siegmar.fastcsv.reader.CsvRecord;

/** Turns one CSV record of a known layout into a table line; a field it cannot read names its column. */
final class LineParser {

    /** Thrown for a field that does not parse; carries the column for the error message. */
    static final class FieldException extends Exception {
        final TransactionColumn column;

        FieldException(TransactionColumn column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }

    private final int[] position = new int[TransactionColumn.values().length];

    LineParser(ColumnLayout layout) {
        for (TransactionColumn column : TransactionColumn.values()) {
            position[column.ordinal()] = layout.position(column);
        }
    }

    void parse(CsvRecord record, TransactionTableBuilder line) throws FieldException {
        line.customer(customerId(field(record, CUSTOMER_ID)));
        long dateTime = DateTimeText.parse(required(record, INVOICE_DATE));
        if (dateTime == DateTimeText.INVALID) {
            throw new FieldException(INVOICE_DATE, "cannot read '" + field(record, INVOICE_DATE) + "' as a date");
        }
        line.dateTime((int) Math.floorDiv(dateTime, 86_400), (int) Math.floorMod(dateTime, 86_400));
        if (has(INVOICE_ID)) {
            line.invoice(field(record, INVOICE_ID));
        }
        if (has(PRODUCT_ID)) {
            line.product(field(record, PRODUCT_ID), has(DESCRIPTION) ? field(record, DESCRIPTION) : null);
        }
        if (has(QUANTITY)) {
            line.quantity(quantity(required(record, QUANTITY)));
        }
        if (has(UNIT_PRICE)) {
            line.unitPrice(number(record, UNIT_PRICE));
        }
        if (has(AMOUNT)) {
            line.amount(number(record, AMOUNT));
        }
        if (has(COUNTRY)) {
            line.country(field(record, COUNTRY));
        }
        if (has(REGION)) {
            line.region(field(record, REGION));
        }
    }

    /** UCI writes customer ids as floats ({@code 17850.0}); the id is the integer part then. */
    static String customerId(String raw) {
        String id = raw.strip();
        int dot = id.indexOf('.');
        if (dot > 0 && id.chars().skip(dot + 1).allMatch(c -> c == '0')
                && id.chars().limit(dot).allMatch(Character::isDigit)) {
            return id.substring(0, dot);
        }
        return id;
    }

    private boolean has(TransactionColumn column) {
        return position[column.ordinal()] >= 0;
    }

    private String field(CsvRecord record, TransactionColumn column) {
        int at = position[column.ordinal()];
        return at < record.getFieldCount() ? record.getField(at) : "";
    }

    private String required(CsvRecord record, TransactionColumn column) throws FieldException {
        String value = field(record, column).strip();
        if (value.isEmpty()) {
            throw new FieldException(column, "empty");
        }
        return value;
    }

    private double number(CsvRecord record, TransactionColumn column) throws FieldException {
        String text = required(record, column);
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the column
        }
        throw new FieldException(column, "cannot read '" + text + "' as a number");
    }

    private static int quantity(String text) throws FieldException {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new FieldException(QUANTITY, "cannot read '" + text + "' as a whole number");
        }
    }
}
