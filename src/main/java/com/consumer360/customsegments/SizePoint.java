package com.consumer360.customsegments;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A segment's size in the reader's scope at one snapshot of its stored history, and the version that produced it;
 * {@code refreshedAt} tells apart refreshes of the same as-of date.
 */
public record SizePoint(long snapshotId, LocalDate asOf, OffsetDateTime refreshedAt, int version, long customers) {
}
