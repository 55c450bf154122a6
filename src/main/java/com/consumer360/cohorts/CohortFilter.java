package com.consumer360.cohorts;

import java.time.YearMonth;

/**
 * What the cohorts page narrows to: first-purchase months {@code from}..{@code to} (inclusive, null = open), one
 * customer country (null = all) and one region (null = every region the user may see). None of them can widen the
 * user's scope, which the database enforces.
 */
public record CohortFilter(YearMonth from, YearMonth to, String country, Short region) {

    /** Every cohort, country and visible region. */
    public static final CohortFilter ALL = new CohortFilter(null, null, null, null);

    public CohortFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("The first cohort month " + from + " is after the last, " + to + ".");
        }
        country = country == null || country.isBlank() ? null : country.strip();
    }

    public CohortFilter withRegion(Short region) {
        return new CohortFilter(from, to, country, region);
    }
}
