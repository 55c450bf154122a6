package com.consumer360.analytics.basket;

import java.util.List;

/**
 * A rule antecedent ⇒ consequent with its interest measures (definitions in docs/analytics-methods.md).
 *
 * @param antecedent items on the left-hand side, never empty, sorted by label
 * @param consequent the single item on the right-hand side
 * @param count      baskets holding antecedent and consequent together
 * @param conviction (1 − support(consequent)) / (1 − confidence), or {@code null} when confidence is 1: the rule
 *                   never fails and arules reports conviction as infinite
 */
public record AssociationRule(List<String> antecedent, String consequent, int count, double support,
        double confidence, double lift, double leverage, Double conviction) {

    public AssociationRule {
        antecedent = List.copyOf(antecedent);
    }
}
