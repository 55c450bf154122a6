package com.consumer360.sales;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the sales page is narrowed to: invoice dates from and to (inclusive, either may be open) and some of the
 * user's regions (empty: all of them). Regions outside the user's scope select nothing, by row-level security.
 */
public record SalesFilter(LocalDate from, LocalDate to, Set<Short> regionIds) {

    public static final SalesFilter ALL = new SalesFilter(null, null, Set.of());

    public SalesFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("The start date must not be after the end date");
        }
        regionIds = regionIds == null ? Set.of() : Set.copyOf(regionIds);
    }
}
