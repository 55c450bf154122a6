package com.consumer360.rfm;

/** What colours the RFM matrix. */
public enum MatrixMetric {
    CUSTOMERS("Customers"),
    REVENUE("Revenue"),
    MEAN_MONETARY("Mean monetary");

    private final String label;

    MatrixMetric(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
