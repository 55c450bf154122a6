package com.consumer360.analytics.cleaning;

import com.consumer360.analytics.TransactionTable;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Applies the cleaning rules of DESIGN.md in a fixed order, so each excluded line is counted under the
 * first rule that excludes it: non-positive price, then exact duplicate. Cancellations, returns and lines
 * without customer id are kept and counted; they net against sales.
 *
 * <p>This is the one place of the rules: the batch run ({@code analyze}) and any loader of files into the warehouse
 * call {@link #clean}, or decide line by line with {@link #hasNonPositivePrice} and {@link #canBeDuplicate}; the
 * refresh reads the warehouse, whose lines are already identified one by one (docs/analytics-methods.md).
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
        Presence input = new Presence(table);
        Presence afterPrice = new Presence(table);
        for (int row = 0; row < n; row++) {
            input.add(row);
            if (hasNonPositivePrice(table, row)) {
                nonPositivePrice++;
                continue;
            }
            afterPrice.add(row);
            if (duplicatesSeen.isRepeat(row)) {
                duplicates++;
            } else {
                kept[keptCount++] = row;
            }
        }
        int[] rows = Arrays.copyOf(kept, keptCount);
        CleaningReport report = report(table, rows, nonPositivePrice, duplicates, input, afterPrice);
        return new CleanedTransactions(table, rows, report);
    }

    /**
     * Price rule: a line with a unit price of zero or less is excluded. A line without a unit price has no
     * price to judge: an amount of zero there is a zero-value transaction, which the BTYD/lifetimes
     * conventions count (CDNOW's published fits include its $0.00 purchases), so it is kept.
     */
    public static boolean hasNonPositivePrice(TransactionTable table, int row) {
        double price = table.unitPrice(row);
        return !Double.isNaN(price) && price <= 0;
    }

    /**
     * Duplicate rule, its scope: only a line with an invoice id can be an exact duplicate. There the file
     * identifies the line, so a second line equal in every column is the same line written twice. Without an
     * invoice id (CDNOW's log: customer, date, amount) two equal lines are two purchases and both are kept.
     */
    public static boolean canBeDuplicate(TransactionTable table, int row) {
        return table.invoice(row) >= 0;
    }

    private static CleaningReport report(TransactionTable table, int[] rows, long nonPositivePrice,
                                         long duplicates, Presence input, Presence afterPrice) {
        long cancellations = 0;
        long returns = 0;
        long missingCustomer = 0;
        Presence kept = new Presence(table);
        BitSet purchasing = new BitSet(table.customerCount());
        for (int row : rows) {
            int invoice = table.invoice(row);
            if (table.isCancellation(invoice)) {
                cancellations++;
            } else if (table.amount(row) < 0) {
                returns++;
            }
            if (table.customer(row) < 0) {
                missingCustomer++;
            } else if (CleanedTransactions.isPurchase(table, row)) {
                purchasing.set(table.customer(row));
            }
            kept.add(row);
        }
        long read = (long) table.size() + table.malformedLines();
        return new CleaningReport(read, rows.length, table.malformedLines(), nonPositivePrice, duplicates,
                cancellations, returns, missingCustomer, kept.customers(), kept.invoices(),
                input.customers(), input.invoices(),
                input.customers() - afterPrice.customers(), input.invoices() - afterPrice.invoices(),
                afterPrice.customers() - kept.customers(), afterPrice.invoices() - kept.invoices(),
                kept.customers() - purchasing.cardinality());
    }

    /** The distinct customers and invoices of the lines added (a line without invoice id is an invoice of its own). */
    private static final class Presence {
        private final TransactionTable table;
        private final BitSet customers;
        private final BitSet invoices;
        private int linesWithoutInvoice;

        Presence(TransactionTable table) {
            this.table = table;
            this.customers = new BitSet(table.customerCount());
            this.invoices = new BitSet(table.invoiceCount());
        }

        void add(int row) {
            int customer = table.customer(row);
            if (customer >= 0) {
                customers.set(customer);
            }
            int invoice = table.invoice(row);
            if (invoice < 0) {
                linesWithoutInvoice++;
            } else {
                invoices.set(invoice);
            }
        }

        int customers() {
            return customers.cardinality();
        }

        int invoices() {
            return invoices.cardinality() + linesWithoutInvoice;
        }
    }
}
