package com.consumer360.summary.ui;

import com.consumer360.summary.SummaryService;
import com.consumer360.summary.WeeklySummary;
import com.consumer360.ui.Formats;
import com.consumer360.ui.SegmentColors;
import com.consumer360.ui.chart.SankeyChart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The movement matrix as a flow diagram: segments of the earlier snapshot on the left, of the later one on the right,
 * one link per non-zero cell off the diagonal (customers who changed segment, entered as {@code (new)} or left as
 * {@code (gone)}). Customers who stayed in their segment are left out: they would dwarf every move.
 */
record MovementFlow(List<SankeyChart.Node> nodes, List<SankeyChart.Link> links, List<WeeklySummary.Move> moves) {

    /** Colour of the {@code (new)} and {@code (gone)} nodes: not a segment. */
    static final String OUTSIDE = "#afb8c1";

    /** The flow of a summary's movement; {@code moves.get(i)} is the cell behind {@code links.get(i)}. */
    static MovementFlow of(WeeklySummary summary) {
        List<WeeklySummary.Move> moves = summary.movement().stream()
                .filter(m -> !m.from().equals(m.to()) && m.customers() > 0).toList();
        Map<String, Long> out = new LinkedHashMap<>();
        Map<String, Long> in = new LinkedHashMap<>();
        moves.forEach(m -> {
            out.merge(m.from(), m.customers(), Long::sum);
            in.merge(m.to(), m.customers(), Long::sum);
        });
        List<String> order = new ArrayList<>();
        summary.segments().forEach(s -> order.add(s.segment()));
        List<SankeyChart.Node> nodes = new ArrayList<>();
        for (String segment : with(order, SummaryService.NEW, out.keySet())) {
            Long n = out.get(segment);
            if (n != null) {
                nodes.add(new SankeyChart.Node("from:" + segment, segment, segment + " · " + Formats.count(n),
                        color(segment), segment + " in the earlier snapshot: " + Formats.count(n)
                        + " customers moved out"));
            }
        }
        for (String segment : with(order, SummaryService.GONE, in.keySet())) {
            Long n = in.get(segment);
            if (n != null) {
                nodes.add(new SankeyChart.Node("to:" + segment, segment, segment + " · " + Formats.count(n),
                        color(segment), segment + " in the later snapshot: " + Formats.count(n)
                        + " customers moved in"));
            }
        }
        List<SankeyChart.Link> links = moves.stream().map(m -> new SankeyChart.Link("from:" + m.from(), "to:" + m.to(),
                m.customers(), Formats.count(m.customers()) + " customers: " + m.from() + " → " + m.to()
                + (m.shareOfOrigin() == null ? "" : " (" + Formats.decimal(m.shareOfOrigin() * 100, 1) + " % of "
                        + m.from() + ")"))).toList();
        return new MovementFlow(nodes, links, moves);
    }

    /** The segments in the summary's order, then {@code outside}, then any other name the moves use. */
    private static List<String> with(List<String> segments, String outside, Set<String> used) {
        List<String> all = new ArrayList<>(segments);
        all.add(outside);
        used.stream().filter(name -> !all.contains(name)).forEach(all::add);
        return all;
    }

    private static String color(String segment) {
        return SummaryService.NEW.equals(segment) || SummaryService.GONE.equals(segment) ? OUTSIDE
                : SegmentColors.of(segment);
    }
}
