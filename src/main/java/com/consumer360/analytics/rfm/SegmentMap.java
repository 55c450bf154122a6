package com.consumer360.analytics.rfm;

import static com.consumer360.analytics.rfm.Segment.ABOUT_TO_SLEEP;
import static com.consumer360.analytics.rfm.Segment.AT_RISK;
import static com.consumer360.analytics.rfm.Segment.CANT_LOSE_THEM;
import static com.consumer360.analytics.rfm.Segment.CHAMPIONS;
import static com.consumer360.analytics.rfm.Segment.HIBERNATING;
import static com.consumer360.analytics.rfm.Segment.LOST;
import static com.consumer360.analytics.rfm.Segment.LOYAL_CUSTOMERS;
import static com.consumer360.analytics.rfm.Segment.NEED_ATTENTION;
import static com.consumer360.analytics.rfm.Segment.NEW_CUSTOMERS;
import static com.consumer360.analytics.rfm.Segment.POTENTIAL_LOYALISTS;
import static com.consumer360.analytics.rfm.Segment.PROMISING;

/**
 * Maps (R, F, M) scores to a segment on R and the mean of F and M, after Putler's eleven-segment RFM table
 * (putler.com/rfm-analysis). Putler's ranges overlap; this grid gives every cell one segment whose Putler
 * range contains it, so each of the 125 combinations has exactly one segment by construction.
 * docs/analytics-methods.md shows the same grid; change {@link #VERSION} whenever a cell changes.
 */
public final class SegmentMap {

    /** Written next to every segment so a stored or exported segment names the map that produced it. */
    public static final String VERSION = "rfm-segments/putler-r-fm/v1";

    private static final java.util.regex.Pattern PUTLER_VERSION =
            java.util.regex.Pattern.compile("rfm-segments/putler-r-fm/v(\\d+)");

    /**
     * A map version as a page names it: "Putler's R × FM map, version 1"; a version of another form as stored
     * (the definitions and exports keep the stored identifier).
     */
    public static String versionLabel(String version) {
        if (version == null) {
            return "of an unknown version";
        }
        java.util.regex.Matcher putler = PUTLER_VERSION.matcher(version);
        return putler.matches() ? "Putler's R × FM map, version " + putler.group(1) : version;
    }

    /** Rows: R = 5 down to 1. Columns: F + M = 2 .. 10, i.e. mean (F+M)/2 = 1, 1.5, .. 5. */
    private static final Segment[][] GRID = {
        {NEW_CUSTOMERS, POTENTIAL_LOYALISTS, POTENTIAL_LOYALISTS, POTENTIAL_LOYALISTS, POTENTIAL_LOYALISTS,
            LOYAL_CUSTOMERS, CHAMPIONS, CHAMPIONS, CHAMPIONS},
        {NEW_CUSTOMERS, POTENTIAL_LOYALISTS, POTENTIAL_LOYALISTS, POTENTIAL_LOYALISTS, POTENTIAL_LOYALISTS,
            LOYAL_CUSTOMERS, CHAMPIONS, CHAMPIONS, CHAMPIONS},
        {PROMISING, ABOUT_TO_SLEEP, ABOUT_TO_SLEEP, NEED_ATTENTION, NEED_ATTENTION,
            LOYAL_CUSTOMERS, LOYAL_CUSTOMERS, LOYAL_CUSTOMERS, LOYAL_CUSTOMERS},
        {HIBERNATING, HIBERNATING, HIBERNATING, NEED_ATTENTION, NEED_ATTENTION,
            AT_RISK, AT_RISK, AT_RISK, AT_RISK},
        {LOST, LOST, HIBERNATING, AT_RISK, AT_RISK,
            AT_RISK, CANT_LOSE_THEM, CANT_LOSE_THEM, CANT_LOSE_THEM},
    };

    private SegmentMap() {
    }

    /** The segment of scores each in 1..5. */
    public static Segment segmentOf(int r, int f, int m) {
        requireScore(r);
        requireScore(f);
        requireScore(m);
        return GRID[5 - r][f + m - 2];
    }

    private static void requireScore(int score) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("RFM scores are 1..5, got " + score);
        }
    }
}
