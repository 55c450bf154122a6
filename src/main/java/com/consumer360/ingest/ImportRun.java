package com.consumer360.ingest;

import java.time.OffsetDateTime;

/** One load into the warehouse as recorded in ingest_run (imports and the demo load). */
public record ImportRun(long runId, String source, OffsetDateTime startedAt, OffsetDateTime finishedAt, String status,
                        long linesRead, long linesLoaded, long linesExcluded, long linesAlreadyLoaded, long customers,
                        String message) {
}
