package com.consumer360.refresh;

/** Where a running refresh is: its run id, the stage it started, and the fraction done (0..1). */
public record RefreshProgress(long runId, RefreshStage stage, double fraction, boolean finished, String outcome) {
}
