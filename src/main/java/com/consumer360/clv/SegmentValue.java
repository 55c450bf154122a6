package com.consumer360.clv;

/** CLV of one RFM segment's customers with a CLV: how many, total and mean CLV, mean P(alive). */
public record SegmentValue(String segment, long customers, double totalClv, double meanClv, double meanPAlive) {
}
