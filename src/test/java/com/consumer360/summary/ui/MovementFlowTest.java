package com.consumer360.summary.ui;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.refresh.WeeklyHistory;
import com.consumer360.summary.SummaryService;
import com.consumer360.summary.WeeklySummary;
import com.consumer360.support.PortalIntegration;
import com.consumer360.ui.chart.SankeyChart;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The flow diagram's nodes and links are the movement matrix's off-diagonal cells: one link per non-zero cell with its
 * count, in the reader's scope (North's counts equal SQL over North's customers; asking for South gives North's manager
 * an empty diagram).
 */
@PortalIntegration
class MovementFlowTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    SummaryService summaries;

    @BeforeEach
    void weeklyHistory() throws Exception {
        WeeklyHistory.ensure(context);
    }

    @Test
    void linksAreTheNonZeroCellsOffTheDiagonalAndNodesCarryTheirTotals() {
        WeeklySummary summary = new WeeklySummary(null, null, List.of(), List.of(
                new WeeklySummary.SegmentRow("Champions", 12, 13, null, null, null, null),
                new WeeklySummary.SegmentRow("At Risk", 5, 4, null, null, null, null)), List.of(
                new WeeklySummary.Move("Champions", "Champions", 10, 10 / 13.0),
                new WeeklySummary.Move("Champions", "At Risk", 3, 3 / 13.0),
                new WeeklySummary.Move("At Risk", "Champions", 0, 0.0),
                new WeeklySummary.Move(SummaryService.NEW, "Champions", 2, null),
                new WeeklySummary.Move("At Risk", SummaryService.GONE, 1, 0.25)), List.of(), List.of());
        MovementFlow flow = MovementFlow.of(summary);
        assertThat(flow.links()).extracting(SankeyChart.Link::source, SankeyChart.Link::target, SankeyChart.Link::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("from:Champions", "to:At Risk", 3L),
                        org.assertj.core.groups.Tuple.tuple("from:(new)", "to:Champions", 2L),
                        org.assertj.core.groups.Tuple.tuple("from:At Risk", "to:(gone)", 1L));
        assertThat(flow.moves()).extracting(WeeklySummary.Move::customers).containsExactly(3L, 2L, 1L);
        assertThat(flow.nodes()).extracting(SankeyChart.Node::id).containsExactly("from:Champions", "from:At Risk",
                "from:(new)", "to:Champions", "to:At Risk", "to:(gone)");
        assertThat(flow.nodes().getFirst().label()).isEqualTo("Champions · 3");
        assertThat(flow.links().getFirst().title()).isEqualTo("3 customers: Champions → At Risk (23.1 % of Champions)");
        assertThat(flow.links().get(1).title()).isEqualTo("2 customers: (new) → Champions");
        // The component accepts exactly these nodes and links.
        SankeyChart chart = new SankeyChart(400);
        chart.setData(flow.nodes(), flow.links());
        assertThat(chart.links()).isEqualTo(flow.links());
    }

    @Test
    @WithUserDetails("north")
    void northsFlowEqualsSqlOverNorthsCustomersAndSouthIsEmpty() throws SQLException {
        WeeklySummary summary = summaries.summary(null, null, Set.of());
        MovementFlow flow = MovementFlow.of(summary);
        long cells = summary.movement().stream().filter(m -> !m.from().equals(m.to()) && m.customers() > 0).count();
        assertThat(flow.links()).hasSize((int) cells).isNotEmpty();
        long a = summary.previous().snapshot().id();
        long b = summary.current().snapshot().id();
        long moved = 0;
        for (int i = 0; i < flow.links().size(); i++) {
            SankeyChart.Link link = flow.links().get(i);
            WeeklySummary.Move move = flow.moves().get(i);
            assertThat(link.source()).isEqualTo("from:" + move.from());
            assertThat(link.target()).isEqualTo("to:" + move.to());
            assertThat(link.value()).as(link.title()).isEqualTo(superuserLong(
                    "SELECT count(*) FROM (SELECT * FROM snap_customer WHERE snapshot_id = ? AND region_id = 1) x "
                            + "FULL JOIN (SELECT * FROM snap_customer WHERE snapshot_id = ? AND region_id = 1) y "
                            + "ON x.customer_id = y.customer_id "
                            + "WHERE coalesce(x.segment, '(new)') = ? AND coalesce(y.segment, '(gone)') = ?",
                    a, b, move.from(), move.to())).isPositive();
            moved += link.value();
        }
        assertThat(moved).as("every North customer who changed segment, entered or left, and no one else")
                .isEqualTo(superuserLong("SELECT count(*) FROM (SELECT * FROM snap_customer WHERE snapshot_id = ? "
                        + "AND region_id = 1) x FULL JOIN (SELECT * FROM snap_customer WHERE snapshot_id = ? "
                        + "AND region_id = 1) y ON x.customer_id = y.customer_id "
                        + "WHERE x.segment IS DISTINCT FROM y.segment", a, b));

        MovementFlow south = MovementFlow.of(summaries.summary(null, null, Set.of((short) 2)));
        assertThat(south.links()).isEmpty();
        assertThat(south.nodes()).isEmpty();
    }
}
