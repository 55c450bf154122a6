package com.consumer360.analytics.clv;

/**
 * A customer's CLV outputs: P(alive), expected purchases over the horizon, expected average value per
 * purchase (Gamma-Gamma) and the discounted CLV.
 */
public record CustomerValue(CustomerSummary summary, double probabilityAlive, double expectedPurchases,
        double expectedAverageValue, double clv) {
}
