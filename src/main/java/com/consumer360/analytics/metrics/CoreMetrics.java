package com.consumer360.analytics.metrics;

import java.util.List;

/**
 * The core sales metrics of DESIGN.md. Lists by product, region or country are empty when the source had
 * no such column; ties in the top lists are broken by product id so the order is deterministic.
 */
public record CoreMetrics(List<MonthlySales> salesByMonth, List<ProductSales> topProductsByRevenue,
                          List<ProductSales> topProductsByQuantity, List<GroupRevenue> revenueByRegion,
                          List<GroupRevenue> revenueByCountry) {
}
