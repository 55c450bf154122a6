package com.consumer360.sales;

import java.math.BigDecimal;
import java.util.List;

/** The top products of the signed-in user's regions under a filter, by net revenue and by net units. */
public record ProductRankings(List<ProductSales> topByRevenue, List<ProductSales> topByUnits) {

    /** A product's net revenue and net units. */
    public record ProductSales(String productCode, String description, String category, BigDecimal netRevenue,
                               long units) {
    }
}
