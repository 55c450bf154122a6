package com.consumer360.rfm;

import java.math.BigDecimal;
import java.util.List;

/**
 * One segment's profile in the user's scope: how its customers spread over the R, F and M scores (customers per
 * score 1..5, index 0 = score 1), its most common customer countries and the products that bring it the most
 * net revenue.
 */
public record SegmentProfile(String segment, long customers, List<Long> byRScore, List<Long> byFScore,
                             List<Long> byMScore, List<CountryCount> topCountries, List<ProductRevenue> topProducts) {

    public SegmentProfile {
        byRScore = List.copyOf(byRScore);
        byFScore = List.copyOf(byFScore);
        byMScore = List.copyOf(byMScore);
        topCountries = List.copyOf(topCountries);
        topProducts = List.copyOf(topProducts);
    }

    /** A profile without products, as before products were profiled. */
    public SegmentProfile(String segment, long customers, List<Long> byRScore, List<Long> byFScore,
                          List<Long> byMScore, List<CountryCount> topCountries) {
        this(segment, customers, byRScore, byFScore, byMScore, topCountries, List.of());
    }

    /** Customers of the segment in one country. */
    public record CountryCount(String country, long customers) {
    }

    /**
     * One product's figures over the segment's customers: how many of them bought it, net units and net
     * revenue (cancellations and returns netted).
     */
    public record ProductRevenue(String productCode, String description, long customers, long units,
                                 BigDecimal revenue) {
    }
}
