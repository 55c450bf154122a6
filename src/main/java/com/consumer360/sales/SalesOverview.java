package com.consumer360.sales;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** Core sales metrics of the signed-in user's regions. Net revenue: sales minus cancellations. */
public record SalesOverview(List<MonthlySales> byMonth, List<ProductSales> topByRevenue,
                            List<ProductSales> topByQuantity, List<RegionSales> byRegion) {

    /** Net revenue, units and invoices in one month. */
    public record MonthlySales(YearMonth month, BigDecimal netRevenue, long units, long invoices) {
    }

    /** A product's net revenue and net units. */
    public record ProductSales(String productCode, String description, String category, BigDecimal netRevenue,
                               long units) {
    }

    /** A region's net revenue, customers and invoices. */
    public record RegionSales(String region, BigDecimal netRevenue, long customers, long invoices) {
    }
}
