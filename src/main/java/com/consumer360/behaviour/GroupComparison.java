package com.consumer360.behaviour;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Two groups of the customers the map's filter selects, side by side. {@code customersShown} and
 * {@code revenueShown} are those of the whole filtered population, the base of the revenue shares;
 * {@code inBoth} counts customers that satisfy both rules (groups may overlap). Histograms count customers per
 * bin of recency (days), frequency (invoices) and monetary (net revenue), with the same bins for both groups.
 */
public record GroupComparison(LocalDate asOf, long customersShown, BigDecimal revenueShown, Group a, Group b,
                              long inBoth, Histogram recency, Histogram frequency, Histogram monetary) {

    /**
     * One group's figures. Means and medians are null for an empty group; mean CLV is also null when none of
     * its customers has a CLV.
     */
    public record Group(GroupRule rule, long customers, BigDecimal revenue, double revenueShare,
                        Double meanRecencyDays, Double medianRecencyDays, Double meanFrequency,
                        Double medianFrequency, BigDecimal meanMonetary, BigDecimal medianMonetary, Double meanClv) {
    }

    /** Customers per bin for group A and group B; {@code bins} are the bins' labels in order. */
    public record Histogram(String measure, List<String> bins, List<Long> a, List<Long> b) {

        public Histogram {
            bins = List.copyOf(bins);
            a = List.copyOf(a);
            b = List.copyOf(b);
        }
    }
}
