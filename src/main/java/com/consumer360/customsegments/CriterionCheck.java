package com.consumer360.customsegments;

/**
 * One criterion of a definition tested on one customer: the criterion in words, the customer's value (null when the
 * customer has none) and whether the criterion holds. {@code depth} is the group level, for indenting.
 */
public record CriterionCheck(String path, int depth, String criterion, String value, boolean holds) {
}
