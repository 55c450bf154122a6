package com.consumer360.analytics.metrics;

/** Net revenue of a region or country and its share of all net revenue. */
public record GroupRevenue(String name, double revenue, double share) {
}
