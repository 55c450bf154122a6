package com.consumer360.clv;

import java.time.LocalDate;

/**
 * The page's headline figures over the customers with a CLV in scope: how many, their total and mean CLV, their
 * expected purchases over the model's horizon and how many have P(alive) below one half. {@code model} is null
 * when the snapshot has no CLV ({@code note} says why); {@code asOf} is null without a snapshot.
 */
public record ClvSummary(LocalDate asOf, long customersValued, double totalClv, double expectedPurchases,
                         long likelyGone, ClvModel model, String note) {

    /** Mean CLV per valued customer (0 without any). */
    public double meanClv() {
        return customersValued == 0 ? 0 : totalClv / customersValued;
    }

    /** Share of valued customers with P(alive) &lt; 0.5 (0 without any). */
    public double likelyGoneShare() {
        return customersValued == 0 ? 0 : (double) likelyGone / customersValued;
    }
}
