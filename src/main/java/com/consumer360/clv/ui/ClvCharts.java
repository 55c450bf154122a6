package com.consumer360.clv.ui;

import com.consumer360.clv.Histogram;
import com.consumer360.clv.ModelFit;
import com.consumer360.clv.SegmentValue;
import com.consumer360.ui.chart.ChartOptions;
import com.consumer360.ui.chart.ChartOptions.Series;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/** ApexCharts options of the CLV page. */
final class ClvCharts {

    private ClvCharts() {
    }

    static Map<String, Object> bySegment(List<SegmentValue> rows) {
        Map<String, Object> options = ChartOptions.bar("Mean CLV by segment", rows.stream().map(SegmentValue::segment)
                .toList(), List.of(new Series("Mean CLV", rows.stream().map(r -> round(r.meanClv(), 2)).toList())),
                true);
        options.put("colors", List.of("#1f6feb"));
        return options;
    }

    /** Customers per bin; the CLV bins grow logarithmically, so the bars read as a log-scale histogram. */
    static Map<String, Object> histogram(String title, Histogram h, String color) {
        Map<String, Object> options = ChartOptions.bar(title, h.bins(), List.of(new Series("Customers", h.counts())),
                false);
        options.put("colors", List.of(color));
        options.put("plotOptions", Map.of("bar", Map.of("columnWidth", "95%", "borderRadius", 2)));
        options.put("yaxis", Map.of("title", Map.of("text", "Customers")));
        options.put("legend", Map.of("show", false));
        return options;
    }

    /** Mean predicted and actual holdout purchases by calibration repeat purchases, as lifetimes draws them. */
    static Map<String, Object> holdout(ModelFit fit) {
        Map<String, Object> options = ChartOptions.line("Holdout purchases per customer", fit.groups().stream().map(ModelFit.Group::calibrationFrequency).toList(),
                List.of(new Series("Actual", fit.groups().stream().map(g -> round(g.actualMean(), 3)).toList()),
                        new Series("Model (BG/NBD)", fit.groups().stream().map(g -> round(g.predictedMean(), 3))
                                .toList())), "Mean holdout purchases");
        options.put("colors", List.of("#cf222e", "#1f6feb"));
        options.put("stroke", Map.of("width", 3, "curve", "straight", "dashArray", List.of(0, 6)));
        options.put("markers", Map.of("size", 5));
        options.put("xaxis", Map.of("categories", fit.groups().stream().map(ModelFit.Group::calibrationFrequency)
                .toList(), "title", Map.of("text", "Repeat purchases in the calibration period")));
        options.put("legend", Map.of("position", "top"));
        options.put("yaxis", Map.of("title", Map.of("text", "Mean repeat purchases in the holdout"),
                "decimalsInFloat", 1));
        options.remove("c360NumberFormat");
        return options;
    }

    private static BigDecimal round(double value, int digits) {
        return BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_EVEN);
    }
}
