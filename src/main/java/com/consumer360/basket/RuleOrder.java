package com.consumer360.basket;

/** The order of a rule list: one measure, ascending or descending; ties by rank. RANK ascending is the mined order. */
public record RuleOrder(Column column, boolean descending) {

    public enum Column { RANK, SUPPORT, CONFIDENCE, LIFT, LEVERAGE, CONVICTION, COUNT }

    /** The rule set's own order: lift, then support, then confidence, all descending. */
    public static final RuleOrder BY_RANK = new RuleOrder(Column.RANK, false);
}
