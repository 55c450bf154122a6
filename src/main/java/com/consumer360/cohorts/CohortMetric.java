package com.consumer360.cohorts;

/** What the cohort heatmap shows in each cell. */
public enum CohortMetric {
    CUSTOMER_RETENTION("Customer retention %"),
    REVENUE_RETENTION("Revenue retention %"),
    CUSTOMERS("Active customers");

    private final String label;

    CohortMetric(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
