package com.consumer360.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The columns a transaction table can carry. Sales need the customer, the date and a way to get the amount;
 * an invoice and a product column alone give baskets for basket rules.
 */
public enum TransactionColumn {
    CUSTOMER_ID, INVOICE_ID, INVOICE_DATE, PRODUCT_ID, DESCRIPTION, QUANTITY, UNIT_PRICE, AMOUNT, COUNTRY, REGION;

    /** The columns that customer and sales analytics need and {@code columns} lacks; AMOUNT stands for a way to it. */
    public static List<TransactionColumn> missingForSales(Set<TransactionColumn> columns) {
        List<TransactionColumn> missing = new ArrayList<>();
        for (TransactionColumn required : List.of(CUSTOMER_ID, INVOICE_DATE)) {
            if (!columns.contains(required)) {
                missing.add(required);
            }
        }
        if (!columns.contains(AMOUNT) && !(columns.contains(QUANTITY) && columns.contains(UNIT_PRICE))) {
            missing.add(AMOUNT);
        }
        return missing;
    }

    /** Whether the columns give baskets (invoices of products) but not sales: only basket rules can be mined. */
    public static boolean basketsOnly(Set<TransactionColumn> columns) {
        return columns.contains(INVOICE_ID) && columns.contains(PRODUCT_ID) && !missingForSales(columns).isEmpty();
    }
}
