package com.consumer360.analytics.clv;

import java.util.ArrayList;
import java.util.List;

import org.hipparchus.random.RandomDataGenerator;

/**
 * Draws customers from the BG/NBD and Gamma-Gamma generative processes, for parameter recovery tests
 * and the benchmark. Purchase times are continuous unless {@code grid} &gt; 0, in which case they are
 * rounded down to multiples of it, as dates in real data are.
 */
final class BtydSimulation {

    private final RandomDataGenerator random;

    BtydSimulation(long seed) {
        random = new RandomDataGenerator(seed);
    }

    /** Customers with ages T uniform in [minT, maxT]; spends per purchase gamma(p, ν), ν ~ gamma(q, v). */
    List<CustomerSummary> customers(int n, BgNbdModel bg, GammaGammaModel gg, double minT, double maxT, double grid) {
        List<CustomerSummary> customers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double age = round(minT + (maxT - minT) * random.nextDouble(), grid);
            double lambda = random.nextGamma(bg.r(), 1 / bg.alpha());
            double dropout = random.nextBeta(bg.a(), bg.b());
            int x = 0;
            double t = 0;
            double last = 0;
            // The customer may drop out right after each repeat purchase (not after the first one).
            while (true) {
                t += random.nextExponential(1 / lambda);
                if (t > age) {
                    break;
                }
                x++;
                last = t;
                if (random.nextDouble() < dropout) {
                    break;
                }
            }
            double recency = x == 0 ? 0 : round(last, grid);
            double monetary = 0;
            if (x > 0) {
                double nu = random.nextGamma(gg.q(), 1 / gg.v());
                for (int k = 0; k < x; k++) {
                    monetary += random.nextGamma(gg.p(), 1 / nu);
                }
                monetary /= x;
            }
            customers.add(new CustomerSummary("c" + i, x, recency, age, monetary));
        }
        return customers;
    }

    private static double round(double value, double grid) {
        return grid > 0 ? Math.floor(value / grid) * grid : value;
    }
}
