package com.consumer360.demodata;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomDataGenerator;

/** One customer's purchase times under BG/NBD: Poisson purchases at rate lambda, drop-out p after each repeat. */
final class PurchaseProcess {

    private final double lambda;
    private final double dropout;
    private final RandomDataGenerator random;

    PurchaseProcess(RandomDataGenerator random, DemoParameters parameters) {
        this.random = random;
        // Hipparchus parameterises Gamma by shape and scale; the model's alpha is a rate.
        this.lambda = random.nextGamma(parameters.r(), 1.0 / parameters.alpha());
        this.dropout = random.nextBeta(parameters.a(), parameters.b());
    }

    /** Purchase days (from the period start) from the acquisition day up to the end of the period. */
    List<Double> simulate(double acquisitionDay, int periodDays) {
        List<Double> days = new ArrayList<>();
        double t = acquisitionDay;
        while (t < periodDays) {
            days.add(t);
            // BG/NBD: drop-out can follow a repeat purchase, not the first one (its likelihood for x = 0 is
            // exp(-lambda T), a customer without repeats is certainly alive).
            if (days.size() > 1 && random.nextDouble() < dropout) {
                break;
            }
            t += random.nextExponential(1.0 / Math.max(lambda, 1e-9));
        }
        return days;
    }
}
