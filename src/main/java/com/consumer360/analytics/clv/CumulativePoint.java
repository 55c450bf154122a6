package com.consumer360.analytics.clv;

/**
 * Cumulative repeat purchases of the calibration customers at the end of period {@code period} after
 * the first day in the data: actual, and as BG/NBD predicts from each customer's first purchase on.
 */
public record CumulativePoint(int period, double actual, double predicted) {
}
