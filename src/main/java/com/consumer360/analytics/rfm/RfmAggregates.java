package com.consumer360.analytics.rfm;

import com.consumer360.analytics.TransactionTable;
import com.consumer360.analytics.cleaning.CleanedTransactions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The table feed of RFM: per-customer aggregates from cleaned transactions. The warehouse computes the same
 * {@link CustomerRfm} values in SQL. Customers without any purchase (only returns) have no recency and are
 * left out.
 */
public final class RfmAggregates {

    private RfmAggregates() {
    }

    /** The default as-of date: the day after the last kept transaction. */
    public static LocalDate defaultAsOf(CleanedTransactions clean) {
        return LocalDate.ofEpochDay(clean.lastDay() + 1L);
    }

    /** Aggregates in order of the customers' first appearance in the table. */
    public static List<CustomerRfm> of(CleanedTransactions clean, LocalDate asOf) {
        TransactionTable t = clean.table();
        int customers = t.customerCount();
        int[] lastPurchase = new int[customers];
        Arrays.fill(lastPurchase, Integer.MIN_VALUE);
        int[] frequency = new int[customers];
        double[] net = new double[customers];
        PurchaseInvoices invoices = new PurchaseInvoices(t.invoiceCount());
        for (int i = 0; i < clean.size(); i++) {
            int row = clean.row(i);
            int c = t.customer(row);
            if (c < 0) {
                continue;
            }
            net[c] += t.amount(row);
            if (clean.isPurchase(row)) {
                lastPurchase[c] = Math.max(lastPurchase[c], t.day(row));
                if (invoices.firstPurchaseOf(c, t.invoice(row))) {
                    frequency[c]++;
                }
            }
        }
        long asOfDay = asOf.toEpochDay();
        List<CustomerRfm> result = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            if (lastPurchase[c] != Integer.MIN_VALUE) {
                int recency = Math.toIntExact(asOfDay - lastPurchase[c]);
                if (recency < 0) {
                    throw new IllegalArgumentException("as-of date " + asOf + " is before a purchase on "
                            + LocalDate.ofEpochDay(lastPurchase[c]));
                }
                result.add(CustomerRfm.ofNetRevenue(t.customerId(c), recency, frequency[c], net[c]));
            }
        }
        return result;
    }

    /**
     * Counts each (customer, invoice) pair once. An invoice almost always has one customer, so its first
     * customer is kept in an array; the rare invoice shared by several customers falls back to a set.
     */
    private static final class PurchaseInvoices {
        private final int[] owner;
        private final Set<Long> sharedPairs = new HashSet<>();

        PurchaseInvoices(int invoices) {
            owner = new int[invoices];
            Arrays.fill(owner, -1);
        }

        boolean firstPurchaseOf(int customer, int invoice) {
            if (invoice < 0) {
                return true; // a line without invoice id is a transaction of its own
            }
            if (owner[invoice] == -1) {
                owner[invoice] = customer;
                return true;
            }
            if (owner[invoice] == customer) {
                return false;
            }
            return sharedPairs.add(((long) customer << 32) | invoice);
        }
    }
}
