package com.consumer360.refresh.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Map;

/**
 * Where a run's time went: one bar per lane of {@link StageTimeline} on a shared time axis (the main sequence of
 * stages, then CLV, its holdout check and basket mining, which run beside it), and a legend with the times.
 */
class StageTimesCell extends Div {

    StageTimesCell(Map<String, Long> millis) {
        addClassName("c360-stage-times");
        StageTimeline timeline = StageTimeline.of(millis);
        if (timeline.span() <= 0) {
            return;
        }
        setTitle("One time axis: CLV, its holdout check and basket mining run beside the main stages, from the end "
                + "of the read");
        for (StageTimeline.Lane lane : timeline.lanes()) {
            Div bar = new Div();
            bar.addClassNames("c360-stage-bar", "main".equals(lane.name()) ? "c360-stage-lane-main"
                    : "c360-stage-lane-parallel");
            long at = 0;
            for (Map.Entry<String, long[]> stage : lane.stages().entrySet()) {
                bar.add(gap(stage.getValue()[0] - at));
                Span segment = new Span();
                segment.addClassNames("c360-stage-segment", "c360-stage-" + stage.getKey());
                segment.getStyle().set("flex-grow", Long.toString(stage.getValue()[1]));
                segment.setTitle(RunText.stageName(stage.getKey()) + " " + RunText.duration(stage.getValue()[1]));
                bar.add(segment);
                at = stage.getValue()[0] + stage.getValue()[1];
            }
            bar.add(gap(timeline.span() - at));
            add(bar);
        }
        Div legend = new Div();
        legend.addClassName("c360-cell-chips");
        millis.forEach((stage, ms) -> {
            Span chip = new Span(RunText.stageName(stage) + " " + RunText.duration(ms));
            chip.addClassNames("c360-stage-chip", "c360-stage-" + stage);
            legend.add(chip);
        });
        add(legend);
    }

    /** Empty time on a lane. */
    private static Span gap(long millis) {
        Span gap = new Span();
        gap.addClassName("c360-stage-gap");
        gap.getStyle().set("flex-grow", Long.toString(Math.max(millis, 0)));
        return gap;
    }
}
