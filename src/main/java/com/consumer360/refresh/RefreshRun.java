package com.consumer360.refresh;

import java.time.OffsetDateTime;

/** One row of the refresh job history. */
public record RefreshRun(long runId, String trigger, String startedBy, OffsetDateTime startedAt,
                         OffsetDateTime finishedAt, String status, String stage, Long durationMillis,
                         String stageMillis, String rowsWritten, Long snapshotId, String errorMessage) {
}
