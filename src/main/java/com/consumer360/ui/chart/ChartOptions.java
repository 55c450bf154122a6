package com.consumer360.ui.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders for the ApexCharts options our views use; values are plain maps and lists serialised as JSON. */
public final class ChartOptions {

    private static final List<String> PALETTE = List.of("#1f6feb", "#2da44e", "#bf8700", "#cf222e", "#8250df");

    private ChartOptions() {
    }

    /** A named series of numbers. */
    public record Series(String name, List<? extends Number> data) {
    }

    /** A line chart over category labels (e.g. months). */
    public static Map<String, Object> line(String title, List<String> categories, List<Series> series, String yTitle) {
        Map<String, Object> options = base("line", title, series);
        options.put("xaxis", Map.of("categories", categories, "tickAmount", Math.min(12, categories.size())));
        options.put("yaxis", Map.of("title", Map.of("text", yTitle)));
        options.put("stroke", Map.of("width", 3, "curve", "smooth"));
        options.put("markers", Map.of("size", 3));
        options.put("tooltip", Map.of("shared", true, "intersect", false));
        return options;
    }

    /**
     * A line of counts (customers, members): the y axis has whole-number ticks only, from a scale chosen here (ApexCharts
     * would split a small range into halves, 755.5), written in full rather than compactly.
     */
    public static Map<String, Object> countLine(String title, List<String> categories, List<Series> series,
                                                String yTitle) {
        Map<String, Object> options = line(title, categories, series, yTitle);
        List<Long> values = series.stream().flatMap(s -> s.data().stream()).filter(v -> v != null)
                .map(Number::longValue).toList();
        Map<String, Object> yaxis = new LinkedHashMap<>();
        yaxis.put("title", Map.of("text", yTitle));
        if (!values.isEmpty()) {
            IntegerScale scale = IntegerScale.of(Collections.min(values), Collections.max(values));
            yaxis.put("min", scale.min());
            yaxis.put("max", scale.max());
            yaxis.put("tickAmount", scale.ticks());
            yaxis.put("forceNiceScale", false);
        }
        options.put("yaxis", yaxis);
        // Room on the left for the first category label, which the axis turns when the labels are long.
        options.put("grid", Map.of("padding", Map.of("left", 40)));
        // Not an ApexCharts option: our element writes the axis and tooltip numbers as whole numbers.
        options.put("c360NumberFormat", "integer");
        return options;
    }

    /** An axis from {@code min} to {@code max} in {@code ticks} equal steps of a whole 1, 2 or 5 × 10^k. */
    record IntegerScale(long min, long max, int ticks) {

        private static final int MOST_STEPS = 5;

        static IntegerScale of(long low, long high) {
            long lo = Math.min(low, high);
            long hi = Math.max(low, high);
            long step = step(Math.max(1, (long) Math.ceil((hi - lo) / (double) MOST_STEPS)));
            long min = Math.floorDiv(lo, step) * step;
            long max = Math.ceilDiv(hi, step) * step;
            if (min == max) {
                // One value: a step either side, so that the line does not run along the frame (counts stay ≥ 0).
                min = lo >= 0 ? Math.max(0, min - step) : min - step;
                max += step;
            }
            return new IntegerScale(min, max, (int) ((max - min) / step));
        }

        /** The smallest of 1, 2, 5, 10, 20, 50, … that is at least {@code raw}. */
        private static long step(long raw) {
            for (long power = 1; ; power *= 10) {
                for (long factor : new long[] {1, 2, 5}) {
                    if (factor * power >= raw) {
                        return factor * power;
                    }
                }
            }
        }
    }

    /**
     * A line over months whose last month may be unfinished: that month is drawn as a second, dashed series named
     * {@code partialName} (e.g. "… month to date") joined to the last complete month, so a few days of data do not
     * read as a collapse. With {@code lastPartial} false it is a plain line.
     */
    public static Map<String, Object> lineWithPartialEnd(String title, List<String> categories, String name,
                                                         List<? extends Number> values, boolean lastPartial,
                                                         String partialName, String yTitle) {
        if (!lastPartial || values.isEmpty()) {
            return line(title, categories, List.of(new Series(name, values)), yTitle);
        }
        int last = values.size() - 1;
        List<Number> complete = new ArrayList<>(values);
        complete.set(last, null);
        List<Number> partial = new ArrayList<>(Collections.nCopies(values.size(), (Number) null));
        partial.set(last, values.get(last));
        if (last > 0) {
            partial.set(last - 1, values.get(last - 1));
        }
        Map<String, Object> options = line(title, categories,
                List.of(new Series(name, complete), new Series(partialName, partial)), yTitle);
        options.put("stroke", Map.of("width", 3, "curve", "smooth", "dashArray", List.of(0, 6)));
        options.put("colors", List.of(PALETTE.get(0), "#8c959f"));
        return options;
    }

    /** A bar chart over category labels; horizontal bars suit long labels such as product names. */
    public static Map<String, Object> bar(String title, List<String> categories, List<Series> series, boolean horizontal) {
        Map<String, Object> options = base("bar", title, series);
        options.put("xaxis", Map.of("categories", categories));
        options.put("plotOptions", Map.of("bar", Map.of("horizontal", horizontal, "borderRadius", 3)));
        options.put("dataLabels", Map.of("enabled", false));
        return options;
    }

    private static Map<String, Object> base(String type, String title, List<Series> series) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("chart", Map.of("type", type, "height", 320, "toolbar", Map.of("show", false),
                "animations", Map.of("enabled", false), "fontFamily", "inherit"));
        options.put("title", Map.of("text", title, "style", Map.of("fontSize", "15px")));
        options.put("series", series.stream().map(s -> Map.of("name", s.name(), "data", s.data())).toList());
        options.put("colors", PALETTE);
        // Not an ApexCharts option: tells our element to format axis and tooltip numbers compactly (1.2M).
        options.put("c360NumberFormat", "compact");
        return options;
    }
}
