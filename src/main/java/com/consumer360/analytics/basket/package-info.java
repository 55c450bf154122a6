/** Market-basket analysis: frequent itemsets with FP-Growth and one-consequent association rules, as in R arules. */
@NamedInterface("basket")
package com.consumer360.analytics.basket;

import org.springframework.modulith.NamedInterface;
