package com.consumer360.rfm.ui;

import com.consumer360.analytics.rfm.Segment;
import com.consumer360.analytics.rfm.SegmentMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Describes each segment's cells of the segment map in words, read off {@link SegmentMap} itself so the legend
 * cannot drift from the map: e.g. "R 4–5, FM 4–5" or "R 2, FM 3.5–5; R 1, FM 2.5–3.5".
 */
final class SegmentRanges {

    private SegmentRanges() {
    }

    static String of(Segment segment) {
        List<String> parts = new ArrayList<>();
        String previousRange = null;
        int groupTop = 0;
        int groupBottom = 0;
        for (int r = 5; r >= 1; r--) {
            String range = fmRange(segment, r);
            if (range != null && range.equals(previousRange)) {
                groupBottom = r;
                continue;
            }
            if (previousRange != null) {
                parts.add(part(groupTop, groupBottom, previousRange));
            }
            previousRange = range;
            groupTop = r;
            groupBottom = r;
        }
        if (previousRange != null) {
            parts.add(part(groupTop, groupBottom, previousRange));
        }
        return String.join("; ", parts);
    }

    private static String part(int top, int bottom, String range) {
        return "R " + (top == bottom ? String.valueOf(top) : bottom + "–" + top) + ", FM " + range;
    }

    /** The FM values (F + M) / 2 at which row R belongs to the segment, as "a–b", or null if none. */
    private static String fmRange(Segment segment, int r) {
        int low = 0;
        int high = 0;
        for (int sum = 2; sum <= 10; sum++) {
            int f = Math.min(5, sum - 1);
            if (SegmentMap.segmentOf(r, f, sum - f) == segment) {
                low = low == 0 ? sum : low;
                high = sum;
            }
        }
        if (low == 0) {
            return null;
        }
        return low == high ? fm(low) : fm(low) + "–" + fm(high);
    }

    /** FM = sum / 2 as the map labels it: 1, 1.5, 2, … */
    static String fm(int sum) {
        return sum % 2 == 0 ? String.valueOf(sum / 2) : (sum / 2) + ".5";
    }
}
