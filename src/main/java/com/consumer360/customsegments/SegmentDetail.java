package com.consumer360.customsegments;

import java.util.List;
import java.util.Set;

/** A segment with its current definition and every version, newest first. */
public record SegmentDetail(long id, String name, String description, String owner, Set<String> sharedWith,
                            int currentVersion, SegmentDefinition definition, List<SegmentVersion> versions,
                            boolean editable) {
}
