package com.consumer360.analytics.basket;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Online-Retail-sized baskets: 20,000 invoices over 4,000 products, about 20 lines each. Popularity follows a
 * Zipf law and products come in themes of ten (a gift shop's ranges), so that pairs and triples co-occur as they
 * do in the UCI Online Retail data rather than independently. The parameters give what that data shows: the top
 * product on about 15 % of invoices, some 250 products on at least 1 %.
 */
final class SyntheticRetail {

    static final int INVOICES = 20_000;
    static final int PRODUCTS = 4_000;
    private static final int THEME = 10;

    private SyntheticRetail() {
    }

    static Baskets generate(long seed) {
        Random random = new Random(seed);
        double[] cumulative = zipf(PRODUCTS / THEME, 0.7);
        int[][] baskets = new int[INVOICES][];
        for (int b = 0; b < INVOICES; b++) {
            // Geometric sizes with mean 20: many small invoices, a long tail of wholesale ones.
            int size = 1 + (int) (Math.log(1 - random.nextDouble()) / Math.log(1 - 1 / 20.0));
            int[] basket = new int[size];
            int theme = pick(cumulative, random);
            for (int i = 0; i < size; i++) {
                if (random.nextDouble() < 0.3) {
                    theme = pick(cumulative, random);
                }
                // Within a theme the first products sell best (density of u^1.5 falls off gently).
                double u = random.nextDouble();
                basket[i] = theme * THEME + (int) (Math.sqrt(u) * u * THEME);
            }
            baskets[b] = basket;
        }
        List<String> labels = new ArrayList<>(PRODUCTS);
        for (int p = 0; p < PRODUCTS; p++) {
            labels.add("product " + p);
        }
        return Baskets.of(labels, baskets);
    }

    private static double[] zipf(int n, double exponent) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, exponent);
            cumulative[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private static int pick(double[] cumulative, Random random) {
        int at = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(cumulative.length - 1, at >= 0 ? at : -at - 1);
    }
}
