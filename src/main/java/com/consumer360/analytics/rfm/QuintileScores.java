package com.consumer360.analytics.rfm;

import java.util.Arrays;

/**
 * Quintile scores by rank with ties at the lowest rank, the tie rule of docs/analytics-methods.md.
 *
 * <p>For n values, a value with {@code below} values worse than it scores 1 + floor(5 · below / n), which is
 * 1 + floor(5 · (RANK() − 1) / n) in SQL, so the warehouse can compute the same scores. Equal values always
 * share a score whatever the input order; a tie group takes the score where it starts (one-time buyers all
 * get F = 1), and with no ties the scores are exact quintiles.
 */
final class QuintileScores {

    private QuintileScores() {
    }

    /** Scores where a larger value is better: "below" counts the strictly smaller values. */
    static int[] higherIsBetter(double[] values) {
        double[] sorted = sortedCopy(values);
        int n = values.length;
        int[] scores = new int[n];
        for (int i = 0; i < n; i++) {
            scores[i] = score(firstNotBelow(sorted, values[i]), n);
        }
        return scores;
    }

    /** Scores where a smaller value is better (recency): the strictly larger values count as below. */
    static int[] lowerIsBetter(double[] values) {
        double[] negated = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            negated[i] = -values[i];
        }
        return higherIsBetter(negated);
    }

    static int score(long below, long n) {
        return (int) (1 + 5 * below / n);
    }

    private static double[] sortedCopy(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /** Number of values smaller than {@code v}. */
    private static int firstNotBelow(double[] sorted, double v) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < v) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
