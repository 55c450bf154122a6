package com.consumer360.sources;

import java.time.OffsetDateTime;

/** A source as listed on the admin page: its definition, high-water mark and last run. */
public record SourceStatus(SourceDefinition definition, String highWaterMark, Long lastRunId,
                           OffsetDateTime lastRunAt, String lastStatus, Long lastLinesLoaded, String lastMessage) {
}
