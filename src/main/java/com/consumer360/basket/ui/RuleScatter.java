package com.consumer360.basket.ui;

import com.consumer360.basket.RulePoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules as arulesViz draws them: support (x) × confidence (y), shaded by lift, darker for a higher lift.
 * ApexCharts colours by series, so each lift band is one series; a click's series and point index lead back to the
 * rule through {@link #rank}.
 */
final class RuleScatter {

    /** Lower bounds of the lift bands; the last band is open. */
    static final double[] BANDS = {0, 1, 1.5, 2, 3, 5, 10};
    static final List<String> COLORS = List.of("#c8c8c8", "#fcbba1", "#fc9272", "#fb6a4a", "#ef3b2c", "#cb181d",
            "#67000d");

    private final List<List<RulePoint>> byBand = new ArrayList<>();

    RuleScatter(List<RulePoint> points) {
        for (int i = 0; i < BANDS.length; i++) {
            byBand.add(new ArrayList<>());
        }
        for (RulePoint point : points) {
            byBand.get(band(point.lift())).add(point);
        }
    }

    static int band(double lift) {
        int band = 0;
        while (band + 1 < BANDS.length && lift >= BANDS[band + 1]) {
            band++;
        }
        return band;
    }

    static String bandLabel(int band) {
        if (band == 0) {
            return "lift < " + number(BANDS[1]);
        }
        return band + 1 == BANDS.length ? "lift ≥ " + number(BANDS[band])
                : "lift " + number(BANDS[band]) + "–" + number(BANDS[band + 1]);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** The rank of the clicked rule, or -1 when the indexes point nowhere. */
    int rank(int seriesIndex, int pointIndex) {
        if (seriesIndex < 0 || seriesIndex >= byBand.size() || pointIndex < 0
                || pointIndex >= byBand.get(seriesIndex).size()) {
            return -1;
        }
        return byBand.get(seriesIndex).get(pointIndex).rank();
    }

    /**
     * ApexCharts options: support and confidence in percent (readable axis labels without a formatter); the
     * selected rule, if any, ringed.
     */
    Map<String, Object> options(RulePoint selected) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (int band = 0; band < byBand.size(); band++) {
            series.add(Map.of("name", bandLabel(band), "data", byBand.get(band).stream()
                    .map(p -> List.of(percent(p.support()), percent(p.confidence()))).toList()));
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("chart", Map.of("type", "scatter", "height", 380, "animations", Map.of("enabled", false),
                "fontFamily", "inherit", "zoom", Map.of("enabled", true, "type", "xy"),
                "toolbar", Map.of("show", true, "tools", Map.of("download", false, "pan", false,
                        "zoomin", false, "zoomout", false, "selection", false, "zoom", true, "reset", true))));
        options.put("series", series);
        options.put("colors", COLORS);
        options.put("markers", Map.of("size", 4, "strokeWidth", 0, "fillOpacity", 0.8,
                "hover", Map.of("sizeOffset", 3)));
        options.put("xaxis", Map.of("type", "numeric", "decimalsInFloat", 2, "tickAmount", 8,
                "title", Map.of("text", "Support (% of baskets)")));
        options.put("yaxis", Map.of("decimalsInFloat", 0, "title", Map.of("text", "Confidence (%)")));
        options.put("legend", Map.of("position", "top", "horizontalAlign", "left"));
        options.put("tooltip", Map.of("intersect", true, "shared", false));
        options.put("dataLabels", Map.of("enabled", false));
        if (selected != null) {
            options.put("annotations", Map.of("points", List.of(Map.of("x", percent(selected.support()),
                    "y", percent(selected.confidence()), "marker", Map.of("size", 9, "fillColor", "transparent",
                            "strokeColor", "#1f6feb", "strokeWidth", 3)))));
        }
        return options;
    }

    private static double percent(double fraction) {
        return Math.round(fraction * 1_000_000) / 10_000.0;
    }
}
