package com.consumer360.analytics.rfm;

import java.util.ArrayList;
import java.util.List;

/** Summarises scored customers by segment: every segment appears, in {@link Segment} order, empty ones too. */
public final class SegmentSummary {

    private SegmentSummary() {
    }

    public static List<SegmentStats> of(List<RfmScore> scores) {
        int segments = Segment.values().length;
        int[] customers = new int[segments];
        double[] revenue = new double[segments];
        double[] recency = new double[segments];
        double[] frequency = new double[segments];
        double totalRevenue = 0;
        for (RfmScore s : scores) {
            int k = s.segment().ordinal();
            customers[k]++;
            revenue[k] += s.monetary();
            recency[k] += s.recencyDays();
            frequency[k] += s.frequency();
            totalRevenue += s.monetary();
        }
        List<SegmentStats> result = new ArrayList<>(segments);
        for (Segment segment : Segment.values()) {
            int k = segment.ordinal();
            int n = customers[k];
            result.add(new SegmentStats(segment, n, revenue[k],
                    ratio(n, scores.size()), ratio(revenue[k], totalRevenue),
                    ratio(recency[k], n), ratio(frequency[k], n), ratio(revenue[k], n)));
        }
        return result;
    }

    private static double ratio(double part, double whole) {
        return whole == 0 ? 0 : part / whole;
    }
}
