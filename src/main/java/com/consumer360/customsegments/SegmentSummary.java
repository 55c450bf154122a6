package com.consumer360.customsegments;

import java.time.Instant;
import java.util.Set;

/**
 * A custom segment as the list shows it: its members in the reader's scope at the current snapshot ({@code null}
 * without a snapshot), produced by definition version {@code version}.
 */
public record SegmentSummary(long id, String name, String description, String owner, Set<String> sharedWith,
                             int version, Instant updatedAt, Long members, boolean editable) {
}
