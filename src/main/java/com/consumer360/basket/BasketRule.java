package com.consumer360.basket;

import java.util.List;

/**
 * One association rule {antecedent} ⇒ {consequent} of a rule set, with its measures (docs/analytics-methods.md,
 * Basket rules). Items are product descriptions; {@code antecedent} joins them with " + ".
 *
 * @param rank       position in the rule set's order (1 = highest lift, ties by support, confidence, labels)
 * @param conviction null when confidence is 1: infinite conviction, the rule never fails (arules prints Inf)
 * @param count      baskets holding every item of the rule
 */
public record BasketRule(int rank, String antecedent, String consequent, double support, double confidence,
                         double lift, double leverage, Double conviction, int count) {

    /** How the stored rule joins its left-hand side's items. */
    public static final String ITEM_SEPARATOR = " + ";

    /** The left-hand side's items in the rule's order. */
    public List<String> antecedentItems() {
        return List.of(antecedent.split(" \\+ "));
    }

    /** "{a, b} ⇒ {c}", as arules prints a rule. */
    public String label() {
        return "{" + String.join(", ", antecedentItems()) + "} ⇒ {" + consequent + "}";
    }
}
