package com.consumer360.rfm.ui;

import com.consumer360.ui.SegmentColors;
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
import java.util.ArrayList;
import java.util.List;

/**
 * The "Definitions" panel of the RFM pages: R, F and M, the quintile scores with their tie rule, the segment
 * map (version, grid and each segment's cells) and the figures of the pages. The paragraphs are the text of
 * docs/analytics-methods.md's "Definitions panel" block, word for word (DefinitionsDocumentationTest).
 */
final class Definitions {

    /** The panel's paragraphs, in order; the same text as the documentation's definitions-panel block. */
    static final List<String> PARAGRAPHS = List.of(
            "Recency (R) = days from the customer's last purchase to the snapshot's as-of date. Frequency (F) = "
                    + "distinct purchase invoices. Monetary (M) = net revenue: purchases minus cancellations and "
                    + "returns.",
            "Scores 1–5 are quintiles over all scored customers of the snapshot (every region): score = 1 + "
                    + "⌊5 · below / n⌋, where below is the number of customers with a worse value (longer recency; "
                    + "lower frequency or monetary). Equal values always share a score, the score at which their "
                    + "tie group starts, so with many one-time buyers F = 2 or 3 can be empty. 5 is best for every "
                    + "score.",
            "A segment depends on R and on FM = (F + M) / 2, after Putler's RFM table; every (R, F, M) combination "
                    + "has exactly one segment. Read a customer's segment in the grid at row R and column FM.",
            "Segment map version " + SegmentMap.VERSION + ".",
            "Matrix cell: customers = customers with that R and F score; revenue = the sum of their monetary "
                    + "values; mean monetary = revenue / customers. A cell mixes segments, because the segment also "
                    + "depends on M.",
            "Segment table: customer share = customers / scored customers shown; revenue share = revenue / net "
                    + "revenue shown; mean CLV over the segment's customers with a CLV; change = customers now − "
                    + "customers of the same segment and regions in the previous snapshot, the latest one of an "
                    + "earlier day.",
            "CLV = discounted expected net revenue over the model's horizon (BG/NBD for purchases × Gamma-Gamma "
                    + "for spend); P(alive) = the BG/NBD probability that the customer has not dropped out.");

    private Definitions() {
    }

    static Details panel(String id) {
        Div content = new Div();
        PARAGRAPHS.subList(0, 3).forEach(text -> content.add(new Paragraph(text)));
        Paragraph version = new Paragraph(PARAGRAPHS.get(3));
        version.setId(id + "-version");
        content.add(version, grid(), segmentTable());
        PARAGRAPHS.subList(4, PARAGRAPHS.size()).forEach(text -> content.add(new Paragraph(text)));
        Paragraph source = new Paragraph("The same text, with the sources: docs/analytics-methods.md.");
        source.addClassName("c360-muted");
        content.add(source);
        content.addClassName("c360-definitions");
        Details details = new Details("Definitions: R, F, M scores and segments", content);
        details.setId(id);
        return details;
    }

    /** The map as the documentation draws it: rows R 5..1, columns FM 1..5 in steps of 0.5. */
    private static Div grid() {
        NativeTable table = new NativeTable();
        table.addClassName("c360-segment-grid");
        List<NativeTableHeaderCell> head = new ArrayList<>();
        head.add(new NativeTableHeaderCell("R \\ FM"));
        for (int sum = 2; sum <= 10; sum++) {
            head.add(new NativeTableHeaderCell(SegmentRanges.fm(sum)));
        }
        table.getHead().addRow().add(head.toArray(NativeTableHeaderCell[]::new));
        NativeTableBody body = table.getBody();
        for (int r = 5; r >= 1; r--) {
            NativeTableRow row = body.addRow();
            row.add(new NativeTableHeaderCell(String.valueOf(r)));
            for (int sum = 2; sum <= 10; sum++) {
                int f = Math.min(5, sum - 1);
                String label = SegmentMap.segmentOf(r, f, sum - f).label();
                NativeTableCell cell = new NativeTableCell(label);
                cell.getStyle().set("--c360-segment-color", SegmentColors.of(label));
                row.add(cell);
            }
        }
        Div scroll = new Div(table);
        scroll.addClassName("c360-segment-grid-scroll");
        scroll.setId("segment-map-grid");
        return scroll;
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
}
