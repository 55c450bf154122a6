package com.consumer360.analytics.cleaning;

import com.consumer360.analytics.TransactionTable;
import java.time.LocalDate;
import java.util.function.IntConsumer;

/**
 * The kept lines of a {@link TransactionTable} after cleaning, with the report of what was excluded.
 *
 * <p>Engines iterate {@link #forEachRow} (or {@link #row} for i in 0..size-1) and read columns from
 * {@link #table()}. Customer analytics skip rows whose customer is -1.
 */
public final class CleanedTransactions {

    private final TransactionTable table;
    private final int[] rows;
    private final CleaningReport report;
    private final int firstDay;
    private final int lastDay;
    private final int[] monthOfDay;
    private volatile String[] descriptions;

    CleanedTransactions(TransactionTable table, int[] rows, CleaningReport report) {
        this.table = table;
        this.rows = rows;
        this.report = report;
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (int row : rows) {
            first = Math.min(first, table.day(row));
            last = Math.max(last, table.day(row));
        }
        this.firstDay = first;
        this.lastDay = last;
        // A month per day of the data's span: engines group by month without a date object per line.
        this.monthOfDay = new int[rows.length == 0 ? 0 : last - first + 1];
        for (int day = first; rows.length > 0 && day <= last; day++) {
            LocalDate date = LocalDate.ofEpochDay(day);
            monthOfDay[day - first] = date.getYear() * 12 + date.getMonthValue() - 1;
        }
    }

    public TransactionTable table() {
        return table;
    }

    public CleaningReport report() {
        return report;
    }

    /** Number of kept lines. */
    public int size() {
        return rows.length;
    }

    /** Table row of the i-th kept line, in input order. */
    public int row(int i) {
        return rows[i];
    }

    /**
     * The product's first non-blank description among the kept lines, in input order, or an empty string: a line the
     * cleaning excludes (a price of zero or below, an exact duplicate) never names a product, as in the import
     * ({@link TransactionTable#productDescription} may come from such a line).
     */
    public String productDescription(int product) {
        if (descriptions == null) {
            String[] first = new String[table.productCount()];
            for (int row : rows) {
                int p = table.product(row);
                int code = table.lineDescription(row);
                if (p >= 0 && first[p] == null && code >= 0 && !table.lineDescriptionText(code).isBlank()) {
                    first[p] = table.lineDescriptionText(code);
                }
            }
            descriptions = first;
        }
        return descriptions[product] == null ? "" : descriptions[product];
    }

    public void forEachRow(IntConsumer action) {
        for (int row : rows) {
            action.accept(row);
        }
    }

    /**
     * A purchase is a kept line with a positive amount, or a zero-value transaction (amount zero, no unit
     * price), that is not on a cancellation invoice. Frequency, recency and cohort activity count purchases
     * only; monetary values net purchases and returns.
     */
    public boolean isPurchase(int row) {
        return isPurchase(table, row);
    }

    static boolean isPurchase(TransactionTable table, int row) {
        double amount = table.amount(row);
        return (amount > 0 || amount == 0 && Double.isNaN(table.unitPrice(row)))
                && !table.isCancellation(table.invoice(row));
    }

    /**
     * The month of a kept line as consecutive integers (year × 12 + month − 1), so that "months since" is a
     * subtraction; {@link java.time.YearMonth} of it is {@code YearMonth.of(m / 12, m % 12 + 1)}.
     */
    public int monthIndex(int row) {
        return monthOfDay[table.day(row) - firstDay];
    }

    /** Epoch day of the first kept line, or {@link Integer#MAX_VALUE} when nothing was kept. */
    public int firstDay() {
        return firstDay;
    }

    /** Epoch day of the last kept line, or {@link Integer#MIN_VALUE} when nothing was kept. */
    public int lastDay() {
        return lastDay;
    }
}
