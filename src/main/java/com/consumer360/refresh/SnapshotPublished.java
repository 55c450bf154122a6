package com.consumer360.refresh;

/**
 * A refresh over all sales succeeded and its snapshot is now current (not sent for snapshots of the past):
 * {@code trigger} as in the job history (MANUAL, SCHEDULED, …) and {@code startedBy}, the user who started a manual
 * run or a {@code system:} name.
 */
public record SnapshotPublished(long runId, long snapshotId, String trigger, String startedBy) {

    /** Whether a person started the run (Refresh now, an import's refresh), not the schedule or the system. */
    public boolean startedByUser() {
        return startedBy != null && !startedBy.isBlank() && !startedBy.startsWith("system");
    }
}
