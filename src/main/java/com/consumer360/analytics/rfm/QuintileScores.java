package com.consumer360.analytics.rfm;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.ToDoubleFunction;

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

    /** Scores where a larger value is better. */
    static <T> int[] higherIsBetter(T[] items, ToDoubleFunction<T> value) {
        int n = items.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> value.applyAsDouble(items[i])));
        int[] scores = new int[n];
        int start = 0;
        while (start < n) {
            double v = value.applyAsDouble(items[order[start]]);
            int end = start;
            while (end < n && value.applyAsDouble(items[order[end]]) == v) {
                end++;
            }
            int score = score(start, n);
            for (int k = start; k < end; k++) {
                scores[order[k]] = score;
            }
            start = end;
        }
        return scores;
    }

    /** Scores where a smaller value is better (recency). */
    static <T> int[] lowerIsBetter(T[] items, ToDoubleFunction<T> value) {
        return higherIsBetter(items, item -> -value.applyAsDouble(item));
    }

    static int score(long below, long n) {
        return (int) (1 + 5 * below / n);
    }
}
