package com.consumer360.cohorts.ui;

import com.consumer360.cohorts.CohortFilter;
import com.consumer360.cohorts.CohortService;
import com.consumer360.cohorts.RetentionCurve;
import com.consumer360.cohorts.RetentionMatrix;
import com.consumer360.cohorts.RetentionMatrix.CohortRow;
import com.consumer360.cohorts.RetentionMatrix.RetentionCell;
import com.consumer360.ui.chart.ApexChart;
import com.consumer360.ui.chart.ChartOptions;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The average retention curve of the shown cohorts as a line chart, with up to two overlays, each one cohort or
 * the curve of one RFM segment's customers. Element ids: {@code cohort-curve}, {@code cohort-overlay-a},
 * {@code cohort-overlay-b}.
 */
final class CohortCurves extends Div {

    /** What an overlay draws: one cohort's own row, or one segment's average curve. */
    record Overlay(String label, YearMonth cohort, String segment) {
    }

    private final CohortService cohorts;
    private final ApexChart chart = new ApexChart(Map.of());
    private final ComboBox<Overlay> first = new ComboBox<>("Overlay");
    private final ComboBox<Overlay> second = new ComboBox<>("and");
    private final Paragraph note = new Paragraph();
    private RetentionMatrix matrix;
    private CohortFilter filter;
    private boolean revenue;
    private boolean replacingItems;

    CohortCurves(CohortService cohorts) {
        this.cohorts = cohorts;
        addClassName("c360-cohort-curves");
        chart.setId("cohort-curve");
        first.setId("cohort-overlay-a");
        second.setId("cohort-overlay-b");
        for (ComboBox<Overlay> box : List.of(first, second)) {
            box.setItemLabelGenerator(Overlay::label);
            box.setPlaceholder("a cohort or a segment");
            box.setClearButtonVisible(true);
            box.setWidth("16rem");
            box.addValueChangeListener(e -> {
                if (!replacingItems) {
                    redraw();
                }
            });
        }
        Div controls = new Div(first, second);
        controls.addClassName("c360-toolbar");
        note.setId("cohort-curve-note");
        note.addClassName("c360-muted");
        note.setVisible(false);
        add(controls, chart, note);
    }

    void show(RetentionMatrix shown, CohortFilter shownFilter, boolean revenueRetention) {
        matrix = shown;
        filter = shownFilter;
        revenue = revenueRetention;
        List<Overlay> items = new ArrayList<>();
        shown.rows().forEach(row -> items.add(new Overlay("Cohort " + row.cohort(), row.cohort(), null)));
        if (!shown.rows().isEmpty()) { // no segments to compare with a refused or empty filter
            cohorts.segments().forEach(segment -> items.add(new Overlay("Segment " + segment, null, segment)));
        }
        replacingItems = true;
        for (ComboBox<Overlay> box : List.of(first, second)) {
            Overlay kept = box.getValue();
            box.setItems(items);
            box.setValue(items.contains(kept) ? kept : null);
        }
        replacingItems = false;
        redraw();
    }

    private void redraw() {
        if (matrix == null) {
            return;
        }
        List<RetentionCurve> curves = new ArrayList<>();
        curves.add(matrix.averageCurve("Average of the cohorts shown", revenue));
        for (ComboBox<Overlay> box : List.of(first, second)) {
            if (box.getValue() != null) {
                curves.add(curve(box.getValue()));
            }
        }
        // The axis ends at the last period any curve has a value for (a month to date is left out).
        int last = curves.stream().mapToInt(c -> lastValue(c.values())).max().orElse(0);
        List<String> periods = IntStream.rangeClosed(0, Math.max(0, last)).mapToObj(String::valueOf).toList();
        List<ChartOptions.Series> series = curves.stream().map(c -> new ChartOptions.Series(c.name(),
                c.values().stream().limit(periods.size()).map(v -> v == null ? null : Math.round(v * 1000) / 10.0)
                        .toList())).toList();
        Map<String, Object> options = ChartOptions.line((revenue ? "Revenue" : "Customer") + " retention by months "
                + "since the first purchase", periods, series, "% of month 0");
        options.put("xaxis", Map.of("categories", periods, "tickAmount", Math.min(12, periods.size()),
                "title", Map.of("text", "Months since the first purchase")));
        // Straight segments: a smoothed line overshoots between months and suggests values that were never seen.
        options.put("stroke", Map.of("width", 3, "curve", "straight"));
        chart.setOptions(options);
        YearMonth partial = matrix.partialMonth();
        note.setVisible(partial != null);
        note.setText(partial == null ? "" : "The curves leave out " + partial + ", which the data covers only up to "
                + matrix.asOf().minusDays(1) + " (" + CohortHeatmap.MONTH_TO_DATE + ").");
    }

    private static int lastValue(List<Double> values) {
        for (int k = values.size() - 1; k >= 0; k--) {
            if (values.get(k) != null) {
                return k;
            }
        }
        return 0;
    }

    private RetentionCurve curve(Overlay overlay) {
        if (overlay.segment() != null) {
            return new RetentionCurve(overlay.label(),
                    cohorts.segmentCurve(filter, overlay.segment(), revenue).values());
        }
        CohortRow row = matrix.row(overlay.cohort()).orElseThrow();
        List<Double> values = new ArrayList<>();
        for (RetentionCell cell : row.cells()) {
            // Like the average: a month to date is left out, not drawn as a drop.
            values.add(!matrix.complete(cell) ? null
                    : revenue ? cell.revenueRetention() : Double.valueOf(cell.retention()));
        }
        return new RetentionCurve(overlay.label(), values);
    }
}
