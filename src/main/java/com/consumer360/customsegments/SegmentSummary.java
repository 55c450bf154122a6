package com.consumer360.customsegments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A custom segment as the list shows it: its members in the reader's scope at the current snapshot ({@code null}
 * without a snapshot), produced by definition version {@code version}; {@code lastEvaluated} is the as-of date of
 * the latest snapshot a refresh stored its members for ({@code null} before the first).
 */
public record SegmentSummary(long id, String name, String description, String owner, Set<String> sharedWith,
                             int version, Instant updatedAt, Long members, LocalDate lastEvaluated, boolean editable) {
}
