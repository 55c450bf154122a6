package com.consumer360.customsegments;

import java.time.LocalDate;

/** A segment's size in the reader's scope at one snapshot of its stored history, and the version that produced it. */
public record SizePoint(long snapshotId, LocalDate asOf, int version, long customers) {
}
