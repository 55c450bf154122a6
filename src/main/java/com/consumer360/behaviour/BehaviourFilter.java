package com.consumer360.behaviour;

import java.util.Set;

/**
 * Which customers the behaviour map shows: some segments (empty: all eleven), a recency range in days (either
 * end open when null) and some of the user's regions (empty: all of them; a filter narrows the user's scope,
 * never widens it, since the database enforces the scope). Invalid values are refused with an
 * {@link InvalidSelectionException} before any query runs.
 */
public record BehaviourFilter(Set<String> segments, Integer minRecencyDays, Integer maxRecencyDays,
                              Set<Short> regions) {

    /** Everything the user may see. */
    public static final BehaviourFilter ALL = new BehaviourFilter(Set.of(), null, null, Set.of());

    public BehaviourFilter {
        segments = Checks.segments(segments);
        Checks.nonNegative("Recency (days)", minRecencyDays);
        Checks.nonNegative("Recency (days)", maxRecencyDays);
        Checks.ordered("Recency (days)", minRecencyDays, maxRecencyDays);
        regions = regions == null ? Set.of() : Set.copyOf(regions);
    }

    /** The same filter within other regions. */
    public BehaviourFilter inRegions(Set<Short> regionIds) {
        return new BehaviourFilter(segments, minRecencyDays, maxRecencyDays, regionIds);
    }
}
