package com.consumer360.analytics.rfm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Scores customers' RFM aggregates 1..5 by quintiles (ties by mid-rank, see {@link QuintileScores}) and segments them. */
public final class RfmScorer {

    private RfmScorer() {
    }

    /** Scores relative to the given population; the result is in input order. */
    public static List<RfmScore> score(List<CustomerRfm> customers) {
        CustomerRfm[] items = customers.toArray(CustomerRfm[]::new);
        int[] r = QuintileScores.lowerIsBetter(column(items, CustomerRfm::recencyDays));
        int[] f = QuintileScores.higherIsBetter(column(items, CustomerRfm::frequency));
        int[] m = QuintileScores.higherIsBetter(column(items, CustomerRfm::monetary));
        List<RfmScore> scores = new ArrayList<>(items.length);
        for (int i = 0; i < items.length; i++) {
            CustomerRfm c = items[i];
            scores.add(new RfmScore(c.customerId(), c.recencyDays(), c.frequency(), c.monetary(),
                    r[i], f[i], m[i], SegmentMap.segmentOf(r[i], f[i], m[i])));
        }
        return scores;
    }

    private static double[] column(CustomerRfm[] items, ToDoubleFunction<CustomerRfm> value) {
        double[] values = new double[items.length];
        for (int i = 0; i < items.length; i++) {
            values[i] = value.applyAsDouble(items[i]);
        }
        return values;
    }
}
