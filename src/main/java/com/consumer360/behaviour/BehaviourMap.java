package com.consumer360.behaviour;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the behaviour map shows for a filter. {@code customers}: all customers the filter selects;
 * {@code notPlotted}: those among them with net revenue ≤ 0, which a logarithmic monetary axis cannot place;
 * {@code points}: the plotted customers, all of the others or, when there are more than {@code cap}, the
 * deterministic sample of {@code cap} described in docs/analytics-methods.md. {@code asOf} is null without a
 * snapshot.
 */
public record BehaviourMap(LocalDate asOf, long customers, long notPlotted, int cap, List<Point> points) {

    public BehaviourMap {
        points = List.copyOf(points);
    }

    /** Customers with net revenue above 0: the population the points are drawn from. */
    public long plottable() {
        return customers - notPlotted;
    }

    /** True when the points are a sample of the plottable customers rather than all of them. */
    public boolean sampled() {
        return points.size() < plottable();
    }

    /** One plotted customer. */
    public record Point(long customerId, int recencyDays, int frequency, BigDecimal monetary, String segment) {

        public RecencyBand band() {
            return RecencyBand.of(recencyDays);
        }
    }
}
