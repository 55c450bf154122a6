package com.consumer360.analytics.rfm;

/**
 * One segment's size and value. Shares are of all scored customers and of their net revenue; means are
 * over the segment's customers (0 for an empty segment).
 */
public record SegmentStats(Segment segment, int customers, double revenue, double customerShare,
                           double revenueShare, double meanRecencyDays, double meanFrequency,
                           double meanMonetary) {
}
