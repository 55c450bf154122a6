package com.consumer360.analytics.rfm;

/** The eleven named RFM segments of DESIGN.md, in the order of the segment map's documentation. */
public enum Segment {
    CHAMPIONS("Champions"),
    LOYAL_CUSTOMERS("Loyal Customers"),
    POTENTIAL_LOYALISTS("Potential Loyalists"),
    NEW_CUSTOMERS("New Customers"),
    PROMISING("Promising"),
    NEED_ATTENTION("Need Attention"),
    ABOUT_TO_SLEEP("About to Sleep"),
    AT_RISK("At Risk"),
    CANT_LOSE_THEM("Can't Lose Them"),
    HIBERNATING("Hibernating"),
    LOST("Lost");

    private final String label;

    Segment(String label) {
        this.label = label;
    }

    /** The name shown to users and written to output files. */
    public String label() {
        return label;
    }
}
