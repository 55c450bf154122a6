package com.consumer360.customsegments;

import java.util.List;

/** A node of a segment definition: a group of rules, or one criterion. */
public sealed interface Rule permits Rule.Group, Rule.Criterion {

    /** Rules combined with AND ({@link Match#ALL}) or OR ({@link Match#ANY}). */
    record Group(Match match, List<Rule> rules) implements Rule {
        public Group {
            rules = List.copyOf(rules);
        }
    }

    /**
     * One test of a customer attribute. {@code values} are text as the JSON holds them (numbers, ISO dates, names,
     * product codes); {@code days} is the look-back window of {@link Attribute#BOUGHT_PRODUCT} and null otherwise.
     */
    record Criterion(Attribute attribute, Operator operator, List<String> values, Integer days) implements Rule {
        public Criterion {
            values = List.copyOf(values);
        }
    }
}
