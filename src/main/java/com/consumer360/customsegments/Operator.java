package com.consumer360.customsegments;

/** How a criterion compares a customer's value with the criterion's values. */
public enum Operator {
    EQUALS("is", 1),
    NOT_EQUALS("is not", 1),
    GREATER("is greater than", 1),
    LESS("is less than", 1),
    BETWEEN("is between", 2),
    NOT_BETWEEN("is not between", 2),
    IN("is any of", -1),
    NOT_IN("is none of", -1);

    private final String label;
    private final int arity;

    Operator(String label, int arity) {
        this.label = label;
        this.arity = arity;
    }

    /** As the builder shows it. */
    public String label() {
        return label;
    }

    /** As the builder shows it for an attribute: dates are after or before, not greater or less. */
    public String label(Attribute attribute) {
        if (attribute != null && attribute.type() == ValueType.DATE) {
            return switch (this) {
                case EQUALS -> "is on";
                case GREATER -> "is after";
                case LESS -> "is before";
                default -> label;
            };
        }
        return label;
    }

    /** How many values the operator takes; -1 for one or more. */
    public int arity() {
        return arity;
    }
}
