package com.consumer360.behaviour.ui;

import com.consumer360.behaviour.BehaviourService;
import com.consumer360.behaviour.RecencyBand;
import com.consumer360.ui.Formats;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The behaviour map's "Definitions" panel: the measures, bands, sampling rule, group rules and histogram bins. */
final class BehaviourDefinitions {

    private BehaviourDefinitions() {
    }

    static Details panel(String id) {
        Div content = new Div(
                new Paragraph("Every customer scored in the current snapshot (the one named by \"Data as of\"), in "
                        + "your regions. Recency (R) = days from the customer's last purchase to the snapshot's "
                        + "as-of date. Frequency (F) = distinct purchase invoices. Monetary (M) = net revenue: "
                        + "purchases minus cancellations and returns. Scores and segments as on the RFM pages."),
                new Paragraph("Colour = recency band: " + Arrays.stream(RecencyBand.values()).map(RecencyBand::label)
                        .collect(Collectors.joining(", ")) + " since the last purchase. The monetary axis is "
                        + "logarithmic, so customers with net revenue ≤ 0 cannot be placed; their number is given."),
                new Paragraph("Sampling: when more than " + Formats.count(BehaviourService.POINT_CAP) + " customers "
                        + "with net revenue > 0 match the filters, the map plots the " 
                        + Formats.count(BehaviourService.POINT_CAP) + " with the smallest key (customer id × "
                        + "2654435761) mod 2³², a fixed pseudo-random order. The sample is the same on every visit, "
                        + "and narrowing a filter keeps every sampled customer that still matches. Counts, groups "
                        + "and exports of groups always use every matching customer, never the sample; the map's "
                        + "export holds exactly the plotted points."),
                new Paragraph("Groups: each group is the shown customers (after the map's filters) for whom every "
                        + "condition set holds: segment is one of those chosen; recency, F and M within the range "
                        + "(both ends included, an empty end is open); M score at least the value given (5 = the "
                        + "top fifth of all scored customers of every region by monetary value). A customer can be "
                        + "in both groups. Share of revenue = the group's net revenue / the net revenue of all "
                        + "shown customers. Medians are interpolated as PostgreSQL's percentile_cont(0.5): the middle "
                        + "value, or halfway between the two middle ones; mean CLV over the "
                        + "group's customers with a CLV."),
                new Paragraph("Histograms: % of each group's customers per bin. Recency bins (days): up to 30, "
                        + "31–60, 61–90, 91–180, 181–270, 271–365, 366–545, 546–730, over 730. Frequency bins: 1, "
                        + "2, 3, 4, 5, 6–7, 8–10, 11–15, 16–20, 21–30, 31–50, 51 or more. Monetary bins: ≤ 0, then "
                        + "from the lower bound up to but not including the upper: 0–25, 25–50, 50–100, 100–250, "
                        + "250–500, 500–1k, 1k–2.5k, 2.5k–5k, 5k–10k, 10k–50k, 50k or more. The "
                        + "comparison export has the counts."),
                new Paragraph("Full definitions: docs/analytics-methods.md, section Portal views."));
        content.addClassName("c360-definitions");
        Details details = new Details("Definitions: behaviour map, sampling and groups", content);
        details.setId(id);
        return details;
    }
}
