package com.consumer360.rfm.ui;

import com.consumer360.analytics.rfm.Segment;
import com.consumer360.analytics.rfm.SegmentMap;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/** The "Definitions" panel of the RFM pages: R, F and M, the quintile scores with their tie rule, the segment map. */
final class Definitions {

    private Definitions() {
    }

    static Details panel(String id) {
        Div content = new Div(
                new Paragraph("Recency (R) = days from the customer's last purchase to the snapshot's as-of date. "
                        + "Frequency (F) = distinct purchase invoices. Monetary (M) = net revenue: purchases minus "
                        + "cancellations and returns."),
                new Paragraph("Scores 1–5 are quintiles over all scored customers of the snapshot (every region): "
                        + "score = 1 + ⌊5 · below / n⌋, where below is the number of customers with a worse value "
                        + "(longer recency; lower frequency or monetary). Equal values always share a score, the "
                        + "score at which their tie group starts, so with many one-time buyers F = 2 or 3 can be "
                        + "empty. 5 is best for every score."),
                new Paragraph("A segment depends on R and on FM = (F + M) / 2, after Putler's RFM table; every "
                        + "(R, F, M) combination has exactly one segment."),
                segmentTable(),
                version());
        content.addClassName("c360-definitions");
        Details details = new Details("Definitions: R, F, M scores and segments", content);
        details.setId(id);
        return details;
    }

    private static NativeTable segmentTable() {
        NativeTable table = new NativeTable();
        table.addClassName("c360-segment-table");
        table.getHead().addRow().add(new NativeTableHeaderCell("Segment"),
                new NativeTableHeaderCell("Scores (R; FM = (F + M) / 2)"));
        NativeTableBody body = table.getBody();
        for (Segment segment : Segment.values()) {
            NativeTableRow row = body.addRow();
            Span chip = new Span(segment.label());
            chip.addClassName("c360-segment-chip");
            chip.getStyle().set("--c360-segment-color", SegmentColors.of(segment.label()));
            row.add(new NativeTableCell(chip), new NativeTableCell(SegmentRanges.of(segment)));
        }
        return table;
    }

    private static Paragraph version() {
        Paragraph version = new Paragraph("Segment map version " + SegmentMap.VERSION
                + ". Full formulas: docs/analytics-methods.md.");
        version.addClassName("c360-muted");
        return version;
    }
}
