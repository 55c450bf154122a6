package com.consumer360.refresh.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Map;

/** Where a run's time went: a bar split by stage in proportion to its milliseconds, and a legend with the times. */
class StageTimesCell extends Div {

    StageTimesCell(Map<String, Long> millis) {
        addClassName("c360-stage-times");
        long total = millis.values().stream().mapToLong(Long::longValue).sum();
        if (total <= 0) {
            return;
        }
        Div bar = new Div();
        bar.addClassName("c360-stage-bar");
        Div legend = new Div();
        legend.addClassName("c360-cell-chips");
        millis.forEach((stage, ms) -> {
            String text = stage + " " + RunText.duration(ms);
            Span segment = new Span();
            segment.addClassNames("c360-stage-segment", "c360-stage-" + stage);
            segment.getStyle().set("flex-grow", Long.toString(ms));
            segment.setTitle(text);
            bar.add(segment);
            Span chip = new Span(text);
            chip.addClassNames("c360-stage-chip", "c360-stage-" + stage);
            legend.add(chip);
        });
        add(bar, legend);
    }
}
