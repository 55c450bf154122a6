package com.consumer360.analytics.rfm;

/** A customer's RFM values, scores 1..5 and segment (see {@link SegmentMap#VERSION}). */
public record RfmScore(String customerId, int recencyDays, int frequency, double monetary,
                       int r, int f, int m, Segment segment) {
}
