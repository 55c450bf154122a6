package com.consumer360.customsegments;

import java.util.List;
import java.util.Set;

/** What the builder saves: a name, a description, the roles it is shared with and the definition. */
public record SegmentDraft(String name, String description, Set<String> sharedWith, SegmentDefinition definition) {
    public SegmentDraft {
        sharedWith = sharedWith == null ? Set.of() : Set.copyOf(sharedWith);
    }

    /**
     * What is wrong with the name, description or sharing on their own, each at its field: the checks a save makes
     * before those of the definition and of names taken, so that a form can re-check a field as it changes.
     */
    public List<DefinitionProblem> detailProblems() {
        return DefinitionValidator.draft(name, description, sharedWith);
    }
}
