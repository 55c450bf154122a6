package com.consumer360.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Axes of counts tick at whole numbers only: ApexCharts alone split 755 to 756 into 755, 755.5, 756. */
class IntegerScaleTest {

    @Test
    void ticksAreWholeNumbersThatCoverTheValues() {
        for (long[] range : new long[][] {{755, 756}, {755, 755}, {0, 0}, {0, 3}, {12_003, 12_345}, {1, 999_999}}) {
            ChartOptions.IntegerScale scale = ChartOptions.IntegerScale.of(range[0], range[1]);
            long step = (scale.max() - scale.min()) / scale.ticks();
            assertThat(step * scale.ticks()).as("%s", scale).isEqualTo(scale.max() - scale.min());
            assertThat(step).isPositive();
            assertThat(scale.min()).isLessThanOrEqualTo(range[0]).isNotNegative();
            assertThat(scale.max()).isGreaterThanOrEqualTo(range[1]).isGreaterThan(scale.min());
            assertThat(scale.ticks()).isBetween(1, 5);
        }
        assertThat(ChartOptions.IntegerScale.of(755, 756)).isEqualTo(new ChartOptions.IntegerScale(755, 756, 1));
        assertThat(ChartOptions.IntegerScale.of(12_003, 12_345)).isEqualTo(new ChartOptions.IntegerScale(12_000, 12_400, 4));
    }

    @Test
    @SuppressWarnings("unchecked")
    void countLinesGiveApexChartsTheScale() {
        Map<String, Object> options = ChartOptions.countLine("Members", List.of("a", "b"),
                List.of(new ChartOptions.Series("Members", List.of(755L, 756L))), "Members");
        Map<String, Object> yaxis = (Map<String, Object>) options.get("yaxis");
        assertThat(yaxis).containsEntry("min", 755L).containsEntry("max", 756L).containsEntry("tickAmount", 1)
                .containsEntry("forceNiceScale", false);
        assertThat(options).containsEntry("c360NumberFormat", "integer");
    }
}
