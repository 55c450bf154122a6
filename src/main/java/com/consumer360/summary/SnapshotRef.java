package com.consumer360.summary;

import java.time.LocalDate;

/** A snapshot of the history: its id and as-of date. */
public record SnapshotRef(long id, LocalDate asOf) {
}
