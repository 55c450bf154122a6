package com.consumer360.analytics.cleaning;

import com.consumer360.analytics.TransactionTable;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Applies the cleaning rules of DESIGN.md in a fixed order, so each excluded line is counted under the
 * first rule that excludes it: non-positive price, then exact duplicate. Cancellations, returns and lines
 * without customer id are kept and counted; they net against sales.
 */
public final class Cleaning {

    private Cleaning() {
    }

    public static CleanedTransactions clean(TransactionTable table) {
        int n = table.size();
        int[] kept = new int[n];
        int keptCount = 0;
        long nonPositivePrice = 0;
        long duplicates = 0;
        DuplicateFinder duplicatesSeen = new DuplicateFinder(table);
        for (int row = 0; row < n; row++) {
            if (hasNonPositivePrice(table, row)) {
                nonPositivePrice++;
            } else if (duplicatesSeen.isRepeat(row)) {
                duplicates++;
            } else {
                kept[keptCount++] = row;
            }
        }
        int[] rows = Arrays.copyOf(kept, keptCount);
        CleaningReport report = report(table, rows, nonPositivePrice, duplicates);
        return new CleanedTransactions(table, rows, report);
    }

    /**
     * Price rule: a line with a unit price of zero or less is excluded. A line without a unit price has no
     * price to judge: an amount of zero there is a zero-value transaction, which the BTYD/lifetimes
     * conventions count (CDNOW's published fits include its $0.00 purchases), so it is kept.
     */
    static boolean hasNonPositivePrice(TransactionTable table, int row) {
        double price = table.unitPrice(row);
        return !Double.isNaN(price) && price <= 0;
    }

    private static CleaningReport report(TransactionTable table, int[] rows, long nonPositivePrice,
                                         long duplicates) {
        long cancellations = 0;
        long returns = 0;
        long missingCustomer = 0;
        int linesWithoutInvoice = 0;
        BitSet customers = new BitSet(table.customerCount());
        BitSet invoices = new BitSet(table.invoiceCount());
        for (int row : rows) {
            int invoice = table.invoice(row);
            if (table.isCancellation(invoice)) {
                cancellations++;
            } else if (table.amount(row) < 0) {
                returns++;
            }
            if (table.customer(row) < 0) {
                missingCustomer++;
            } else {
                customers.set(table.customer(row));
            }
            if (invoice < 0) {
                linesWithoutInvoice++;
            } else {
                invoices.set(invoice);
            }
        }
        long read = (long) table.size() + table.malformedLines();
        return new CleaningReport(read, rows.length, table.malformedLines(), nonPositivePrice, duplicates,
                cancellations, returns, missingCustomer, customers.cardinality(),
                invoices.cardinality() + linesWithoutInvoice);
    }
}
