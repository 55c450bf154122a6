package com.consumer360.rfm.ui;

import com.consumer360.ui.SegmentColors;
import com.consumer360.analytics.rfm.Segment;
import com.consumer360.analytics.rfm.SegmentMap;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * The legend of the segments under the RFM matrix: each segment's colour, name and cells of the segment map
 * ("R 4–5, FM 4–5"). A cell of the R × F matrix can hold several segments, as the segment also depends on M;
 * the full map and formulas are in the definitions panel below it.
 */
final class SegmentLegend {

    private SegmentLegend() {
    }

    static Div create() {
        Div legend = new Div();
        legend.setId("segment-legend");
        legend.addClassName("c360-segment-legend");
        Span title = new Span("Segments (map " + SegmentMap.VERSION + "), by R and FM = (F + M) / 2:");
        title.addClassName("c360-muted");
        legend.add(title);
        for (Segment segment : Segment.values()) {
            Span dot = new Span();
            dot.addClassName("c360-legend-dot");
            dot.getStyle().set("background", SegmentColors.of(segment.label()));
            Span name = new Span(segment.label());
            name.addClassName("c360-legend-name");
            Span cells = new Span(SegmentRanges.of(segment));
            cells.addClassName("c360-muted");
            Span item = new Span(dot, name, cells);
            item.addClassName("c360-legend-item");
            legend.add(item);
        }
        return legend;
    }
}
