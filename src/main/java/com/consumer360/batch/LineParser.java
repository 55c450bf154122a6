package com.consumer360.batch;

import static com.consumer360.analytics.TransactionColumn.AMOUNT;
import static com.consumer360.analytics.TransactionColumn.DESCRIPTION;
import static com.consumer360.analytics.TransactionColumn.INVOICE_DATE;
import static com.consumer360.analytics.TransactionColumn.PRODUCT_ID;
import static com.consumer360.analytics.TransactionColumn.QUANTITY;
import static com.consumer360.analytics.TransactionColumn.UNIT_PRICE;

import com.consumer360.analytics.TransactionColumn;
import com.consumer360.analytics.TransactionTableBuilder;

/**
 * Turns the fields of one CSV line of a known layout into a table line, field by field as the CSV parser
 * delivers them; a field it cannot read names its column. Allocates nothing for values seen before.
 */
final class LineParser {

    /** Thrown for a field that does not parse; carries the column for the error message. */
    static final class FieldException extends Exception {
        final TransactionColumn column;

        FieldException(TransactionColumn column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }

    private final TransactionColumn[] columnAt;
    /** Bit sets by column ordinal: no iterator per line, which mattered in the allocation profile. */
    private int required;
    /** Without a product id column (the Groceries layout) the description identifies the product. */
    private final boolean descriptionIsProduct;
    private int seen;
    private final CharSlice text = new CharSlice();
    private String lastDateText;
    private long lastDateTime;

    LineParser(ColumnLayout layout) {
        int fields = layout.positions().values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        columnAt = new TransactionColumn[fields];
        layout.positions().forEach((column, position) -> columnAt[position] = column);
        descriptionIsProduct = layout.position(DESCRIPTION) >= 0
                && layout.position(PRODUCT_ID) == layout.position(DESCRIPTION);
        if (descriptionIsProduct) {
            columnAt[layout.position(DESCRIPTION)] = DESCRIPTION;
        }
        // A baskets-only layout has no date column; every other layout must have one.
        for (TransactionColumn column : new TransactionColumn[] {INVOICE_DATE, QUANTITY, UNIT_PRICE, AMOUNT}) {
            if (layout.position(column) >= 0) {
                required |= 1 << column.ordinal();
            }
        }
    }

    void begin() {
        seen = 0;
    }

    void field(int index, char[] buf, int offset, int length, TransactionTableBuilder line) throws FieldException {
        TransactionColumn column = index < columnAt.length ? columnAt[index] : null;
        if (column == null) {
            return;
        }
        text.set(buf, offset, length);
        if (column != TransactionColumn.DESCRIPTION) {
            text.strip();
        }
        if (text.isEmpty()) {
            return; // a missing value; required columns are checked in finish()
        }
        seen |= 1 << column.ordinal();
        switch (column) {
            case CUSTOMER_ID -> line.customer(text.withoutZeroFraction());
            case INVOICE_ID -> line.invoice(text);
            case INVOICE_DATE -> {
                long seconds = dateTime();
                line.dateTime((int) Math.floorDiv(seconds, 86_400), (int) Math.floorMod(seconds, 86_400));
            }
            case PRODUCT_ID -> line.product(text);
            case DESCRIPTION -> {
                if (descriptionIsProduct) {
                    line.product(text);
                }
                line.description(text);
            }
            case QUANTITY -> line.quantity(quantity());
            case UNIT_PRICE -> line.unitPrice(number(column));
            case AMOUNT -> line.amount(number(column));
            case COUNTRY -> line.country(text);
            case REGION -> line.region(text);
        }
    }

    /** Checks that the line had every required value. */
    void finish() throws FieldException {
        int missing = required & ~seen;
        if (missing != 0) {
            throw new FieldException(TransactionColumn.values()[Integer.numberOfTrailingZeros(missing)], "empty");
        }
    }

    /** Lines of one invoice share their date text, so the last one is remembered. */
    private long dateTime() throws FieldException {
        if (!text.contentEquals(lastDateText)) {
            String value = text.toString();
            long parsed = DateTimeText.parse(value);
            if (parsed == DateTimeText.INVALID) {
                throw new FieldException(INVOICE_DATE, "cannot read '" + value + "' as a date");
            }
            lastDateText = value;
            lastDateTime = parsed;
        }
        return lastDateTime;
    }

    private double number(TransactionColumn column) throws FieldException {
        double value = DecimalText.parseDouble(text);
        if (Double.isNaN(value)) {
            throw new FieldException(column, "cannot read '" + text + "' as a number");
        }
        return value;
    }

    private int quantity() throws FieldException {
        try {
            return DecimalText.parseInt(text);
        } catch (NumberFormatException e) {
            throw new FieldException(QUANTITY, "cannot read '" + text + "' as a whole number");
        }
    }
}
