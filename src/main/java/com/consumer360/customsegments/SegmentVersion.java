package com.consumer360.customsegments;

import java.time.Instant;

/** One saved version of a segment: what it was called and how it was defined, by whom and when. */
public record SegmentVersion(int version, String name, String description, SegmentDefinition definition,
                             String createdBy, Instant createdAt) {
}
