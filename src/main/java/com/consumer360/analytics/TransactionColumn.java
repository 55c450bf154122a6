package com.consumer360.analytics;

/** The columns a transaction table can carry; only the customer, the date and a way to get the amount are required. */
public enum TransactionColumn {
    CUSTOMER_ID, INVOICE_ID, INVOICE_DATE, PRODUCT_ID, DESCRIPTION, QUANTITY, UNIT_PRICE, AMOUNT, COUNTRY, REGION
}
