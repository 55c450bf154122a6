/** Market-basket analysis: frequent itemsets with FP-Growth and one-consequent association rules, as in R arules. */
package com.consumer360.analytics.basket;
