package com.consumer360.analytics.clv;

/**
 * One row of the holdout check: customers with this calibration frequency ("7+" pools 7 and more),
 * their mean actual purchase days in the holdout period and the BG/NBD conditional expectation.
 */
public record HoldoutRow(String calibrationFrequency, int customers, double actualMean, double predictedMean) {
}
