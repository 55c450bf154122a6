package com.consumer360.warehouse;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * How fresh the numbers are. {@code snapshotAsOf} and {@code refreshedAt} describe the current analytics
 * snapshot (null before the first refresh); {@code latestSale}, the latest sale in the user's regions, is only
 * given while there is no snapshot; {@code lastRunFailed} is true when the most recent refresh failed (the
 * snapshot shown is then older).
 */
public record DataFreshness(LocalDate latestSale, LocalDate snapshotAsOf,
                            OffsetDateTime refreshedAt, boolean lastRunFailed, OffsetDateTime lastFailureAt) {
}
