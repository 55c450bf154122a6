package com.consumer360.basket;

import java.util.List;

/**
 * For one product: the rules {product} ⇒ {other} of the rule set, the strongest by lift and by confidence. When
 * the product is on no rule's left-hand side alone, both lists are empty.
 */
public record BoughtTogether(String product, long rulesWithProduct, List<BasketRule> byLift,
                             List<BasketRule> byConfidence) {
}
