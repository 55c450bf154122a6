package com.consumer360.rfm;

import java.util.List;

/**
 * One segment's profile in the user's scope: how its customers spread over the R, F and M scores (customers per
 * score 1..5, index 0 = score 1) and its most common customer countries.
 */
public record SegmentProfile(String segment, long customers, List<Long> byRScore, List<Long> byFScore,
                             List<Long> byMScore, List<CountryCount> topCountries) {

    public SegmentProfile {
        byRScore = List.copyOf(byRScore);
        byFScore = List.copyOf(byFScore);
        byMScore = List.copyOf(byMScore);
        topCountries = List.copyOf(topCountries);
    }

    /** Customers of the segment in one country. */
    public record CountryCount(String country, long customers) {
    }
}
