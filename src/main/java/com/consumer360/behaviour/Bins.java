package com.consumer360.behaviour;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed histogram bins of the group comparison. Bin 0 holds values below the first threshold, bin i values
 * from threshold i − 1 up to (not including) threshold i, the last bin values from the last threshold up, as
 * PostgreSQL's {@code width_bucket(value, thresholds)} numbers them.
 */
final class Bins {

    /** Recency in days: a month, two, a quarter, half a year, …, two years. */
    static final Integer[] RECENCY_DAYS = {31, 61, 91, 181, 271, 366, 546, 731};

    /** Frequency in invoices: single values up to 5, then widening. */
    static final Integer[] FREQUENCY = {2, 3, 4, 5, 6, 8, 11, 16, 21, 31, 51};

    /** Monetary (net revenue): ≤ 0 apart, then roughly logarithmic steps. */
    static final BigDecimal[] MONETARY = decimals(0.01, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000,
            50_000);

    static final String RECENCY_NAME = "Recency (days)";
    static final String FREQUENCY_NAME = "Frequency (invoices)";
    static final String MONETARY_NAME = "Monetary (net revenue)";

    private Bins() {
    }

    static List<String> integerLabels(Integer[] thresholds) {
        List<String> labels = new ArrayList<>();
        labels.add("≤ " + (thresholds[0] - 1));
        for (int i = 1; i < thresholds.length; i++) {
            int from = thresholds[i - 1];
            int to = thresholds[i] - 1;
            labels.add(from == to ? String.valueOf(from) : from + "–" + to);
        }
        labels.add("≥ " + thresholds[thresholds.length - 1]);
        return labels;
    }

    static List<String> monetaryLabels() {
        List<String> labels = new ArrayList<>();
        labels.add("≤ 0");
        labels.add("0–" + compact(MONETARY[1]));
        for (int i = 2; i < MONETARY.length; i++) {
            labels.add(compact(MONETARY[i - 1]) + "–" + compact(MONETARY[i]));
        }
        labels.add("≥ " + compact(MONETARY[MONETARY.length - 1]));
        return labels;
    }

    private static String compact(BigDecimal value) {
        return value.compareTo(BigDecimal.valueOf(1_000)) >= 0
                ? value.movePointLeft(3).stripTrailingZeros().toPlainString() + "k"
                : value.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal[] decimals(double... values) {
        BigDecimal[] out = new BigDecimal[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = BigDecimal.valueOf(values[i]).setScale(2);
        }
        return out;
    }
}
