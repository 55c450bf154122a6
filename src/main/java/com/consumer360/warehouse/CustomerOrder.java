package com.consumer360.warehouse;

/** How a list of customers (a matrix cell, a segment) is ordered: by one column, then by customer id; customers without a CLV come last. */
public record CustomerOrder(Column column, boolean descending) {

    /** The default: largest monetary value first. */
    public static final CustomerOrder BY_MONETARY = new CustomerOrder(Column.MONETARY, true);

    /** The columns a cell's customer list can be ordered by. */
    public enum Column {
        NAME, RECENCY, FREQUENCY, MONETARY, CLV
    }
}
