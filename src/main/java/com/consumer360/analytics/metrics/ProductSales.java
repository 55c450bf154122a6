package com.consumer360.analytics.metrics;

/** A product's net revenue and net units over all kept lines. */
public record ProductSales(String productId, String description, double revenue, long quantity) {
}
