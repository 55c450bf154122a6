package com.consumer360.ui;

import java.util.Map;

/** One colour per RFM segment, from best (green) to lost (grey), used in legends, chips and charts of every page. */
public final class SegmentColors {

    private static final Map<String, String> COLORS = Map.ofEntries(
            Map.entry("Champions", "#1a7f37"),
            Map.entry("Loyal Customers", "#2da44e"),
            Map.entry("Potential Loyalists", "#4ac26b"),
            Map.entry("New Customers", "#1f6feb"),
            Map.entry("Promising", "#54aeff"),
            Map.entry("Need Attention", "#bf8700"),
            Map.entry("About to Sleep", "#d4a72c"),
            Map.entry("At Risk", "#cf222e"),
            Map.entry("Can't Lose Them", "#8250df"),
            Map.entry("Hibernating", "#8c959f"),
            Map.entry("Lost", "#57606a"));

    private SegmentColors() {
    }

    /** The segment's colour (a CSS hex colour); grey for anything that is not a segment name. */
    public static String of(String segment) {
        return COLORS.getOrDefault(segment, "#8c959f");
    }
}
