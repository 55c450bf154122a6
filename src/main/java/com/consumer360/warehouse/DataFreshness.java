package com.consumer360.warehouse;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * How fresh the numbers are. {@code snapshotAsOf} and {@code refreshedAt} describe the current analytics
 * snapshot (null before the first refresh); {@code latestSale} is the latest sale in the user's regions;
 * {@code lastRunFailed} is true when the most recent refresh failed (the snapshot shown is then older).
 */
public record DataFreshness(LocalDate latestSale, OffsetDateTime loadedAt, LocalDate snapshotAsOf,
                            OffsetDateTime refreshedAt, boolean lastRunFailed, OffsetDateTime lastFailureAt) {
}
