package com.consumer360.cohorts.ui;

import com.consumer360.cohorts.CohortMetric;
import com.consumer360.cohorts.RetentionMatrix;
import com.consumer360.cohorts.RetentionMatrix.CohortRow;
import com.consumer360.cohorts.RetentionMatrix.RetentionCell;
import com.consumer360.ui.Contrast;
import com.consumer360.ui.Formats;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.dom.Element;
import java.io.Serializable;
import java.time.YearMonth;

/**
 * The cohort × months-since heatmap as a table: a row per cohort with its size beside it, a cell per period showing
 * the chosen metric, its counts in the cell's tooltip ({@code title}), clickable and reachable with Tab (Enter or
 * Space opens it). A table rather than an ApexCharts heatmap: the size column sits beside the cells, the tooltip
 * names the counts without a JavaScript formatter, and two years of cohorts stay legible.
 * Cell ids: {@code cohort-cell-<yyyy-MM>-<k>}.
 */
final class CohortHeatmap extends Div {

    /** The scale's colour (#1f6feb); a cell is it at an opacity by its value, over white. */
    private static final int[] BLUE = {31, 111, 235};

    static final String MONTH_TO_DATE = "month to date";

    /** Called with the clicked cell. */
    interface CellListener extends Serializable {
        void selected(RetentionCell cell);
    }

    private final CellListener listener;
    private final java.util.Map<String, NativeTableCell> cells = new java.util.HashMap<>();
    private NativeTableCell marked;
    /** The snapshot's last month when its data ends before the month does (month to date), else null. */
    private YearMonth partialMonth;

    CohortHeatmap(CellListener listener) {
        this.listener = listener;
        setId("cohort-heatmap");
        addClassName("c360-cohort-scroll");
    }

    void show(RetentionMatrix matrix, CohortMetric metric) {
        removeAll();
        cells.clear();
        marked = null;
        NativeTable table = new NativeTable();
        table.addClassName("c360-cohort-table");
        NativeTableRow head = table.getHead().addRow();
        head.add(new NativeTableHeaderCell("Cohort"), new NativeTableHeaderCell("Size"));
        for (int k = 0; k <= matrix.maxPeriod(); k++) {
            head.add(new NativeTableHeaderCell(String.valueOf(k)));
        }
        double max = scale(matrix, metric);
        partialMonth = matrix.partialMonth();
        for (CohortRow row : matrix.rows()) {
            NativeTableRow tr = table.getBody().addRow();
            NativeTableHeaderCell cohort = new NativeTableHeaderCell(row.cohort().toString());
            NativeTableCell size = new NativeTableCell(Formats.count(row.size()));
            size.addClassName("c360-cohort-size");
            tr.add(cohort, size);
            for (RetentionCell cell : row.cells()) {
                tr.add(cell(row, cell, metric, max));
            }
        }
        add(table);
        if (partialMonth != null) {
            Paragraph note = new Paragraph("Dashed cells fall in " + partialMonth + ", which the data covers only up to "
                    + matrix.asOf().minusDays(1) + " (" + MONTH_TO_DATE + "): not comparable with full months.");
            note.setId("cohort-partial-note");
            note.addClassName("c360-muted");
            add(note);
        }
    }

    private NativeTableCell cell(CohortRow row, RetentionCell cell, CohortMetric metric, double max) {
        Double value = cell.value(metric);
        NativeTableCell td = new NativeTableCell(text(value, metric));
        td.setId("cohort-cell-" + cell.cohort() + "-" + cell.period());
        cells.put(td.getId().orElseThrow(), td);
        td.addClassName("c360-cohort-cell");
        double share = value == null || max <= 0 ? 0 : Math.max(0, Math.min(1, value / max));
        double alpha = cell.period() == 0 ? 0.9 : 0.06 + 0.84 * share;
        String background = Contrast.overWhite(BLUE, alpha);
        td.getStyle().set("background", background).set("color", Contrast.textOn(background));
        Element element = td.getElement();
        boolean partial = cell.month().equals(partialMonth);
        if (partial) {
            td.addClassName("c360-cohort-partial");
        }
        element.setAttribute("title", tooltip(row, cell) + (partial ? "; " + MONTH_TO_DATE : ""));
        element.setAttribute("tabindex", "0");
        element.setAttribute("role", "button");
        element.addEventListener("click", e -> listener.selected(cell));
        element.addEventListener("keydown", e -> listener.selected(cell))
                .setFilter("event.key === 'Enter' || event.key === ' '").preventDefault();
        return td;
    }

    /** Frames the selected cell (null: none). */
    void mark(RetentionCell cell) {
        if (marked != null) {
            marked.removeClassName("c360-cohort-selected");
        }
        marked = cell == null ? null : cells.get("cohort-cell-" + cell.cohort() + "-" + cell.period());
        if (marked != null) {
            marked.addClassName("c360-cohort-selected");
        }
    }

    /** Colours run up to the largest value after period 0, which would otherwise wash every later cell out. */
    private static double scale(RetentionMatrix matrix, CohortMetric metric) {
        double max = 0;
        for (CohortRow row : matrix.rows()) {
            for (RetentionCell cell : row.cells()) {
                Double value = cell.value(metric);
                if (cell.period() > 0 && value != null) {
                    max = Math.max(max, value);
                }
            }
        }
        return max;
    }

    static String text(Double value, CohortMetric metric) {
        if (value == null) {
            return "–";
        }
        return metric == CohortMetric.CUSTOMERS ? Formats.count(value.longValue()) : Formats.percent(value);
    }

    static String tooltip(CohortRow row, RetentionCell cell) {
        RetentionCell first = row.cells().getFirst();
        return "Cohort " + cell.cohort() + ", month " + cell.period() + " (" + cell.month() + "): "
                + Formats.count(cell.customers()) + " of " + Formats.count(row.size()) + " customers active ("
                + Formats.percent(cell.retention()) + "); revenue " + Formats.money(cell.revenue()) + " of "
                + Formats.money(first.revenue()) + " in month 0 ("
                + (cell.revenueRetention() == null ? "–" : Formats.percent(cell.revenueRetention())) + ")";
    }
}
