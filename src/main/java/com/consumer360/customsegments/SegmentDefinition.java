package com.consumer360.customsegments;

import java.util.ArrayList;
import java.util.List;

/** A custom segment's definition: a root group of criteria and nested groups (at most {@link #MAX_DEPTH} deep). */
public record SegmentDefinition(Rule.Group root) {

    /** Group levels allowed: the root group and two levels of nested groups. */
    public static final int MAX_DEPTH = 3;
    /** Criteria allowed in one definition. */
    public static final int MAX_CRITERIA = 30;

    /** Every criterion, depth first, in the order the builder shows them. */
    public List<Rule.Criterion> criteria() {
        List<Rule.Criterion> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(Rule rule, List<Rule.Criterion> into) {
        switch (rule) {
            case Rule.Criterion criterion -> into.add(criterion);
            case Rule.Group group -> group.rules().forEach(r -> collect(r, into));
        }
    }
}
