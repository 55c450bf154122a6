package com.consumer360.customsegments;

import java.util.Set;

/** What the builder saves: a name, a description, the roles it is shared with and the definition. */
public record SegmentDraft(String name, String description, Set<String> sharedWith, SegmentDefinition definition) {
    public SegmentDraft {
        sharedWith = sharedWith == null ? Set.of() : Set.copyOf(sharedWith);
    }
}
