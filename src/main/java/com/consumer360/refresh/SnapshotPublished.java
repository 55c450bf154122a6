package com.consumer360.refresh;

/** A refresh over all sales succeeded and its snapshot is now current (not sent for snapshots of the past). */
public record SnapshotPublished(long runId, long snapshotId) {
}
