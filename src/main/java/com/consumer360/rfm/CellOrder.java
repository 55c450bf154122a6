package com.consumer360.rfm;

/** How a cell's customers are ordered: by one column, then by customer id; customers without a CLV come last. */
public record CellOrder(Column column, boolean descending) {

    /** The default: largest monetary value first. */
    public static final CellOrder BY_MONETARY = new CellOrder(Column.MONETARY, true);

    /** The columns a cell's customer list can be ordered by. */
    public enum Column {
        NAME, RECENCY, FREQUENCY, MONETARY, CLV
    }
}
