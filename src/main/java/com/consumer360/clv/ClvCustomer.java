package com.consumer360.clv;

import java.math.BigDecimal;

/**
 * A customer in the high-value or churn-risk list: past value (net monetary, invoices, days since the last
 * purchase), the model's P(alive), expected purchases over the horizon, expected average order value (Gamma-Gamma)
 * and CLV, and value at risk = monetary × (1 − P(alive)).
 */
public record ClvCustomer(long customerId, String name, String region, String segment, int recencyDays,
                          int frequency, BigDecimal monetary, double pAlive, double expectedPurchases,
                          double expectedAverageValue, double clv, double valueAtRisk) {
}
