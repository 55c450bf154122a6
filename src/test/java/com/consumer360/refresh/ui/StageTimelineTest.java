package com.consumer360.refresh.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The job history's stage bars: the main stages in sequence, the parallel ones from the end of the read. */
class StageTimelineTest {

    @Test
    void parallelStagesGetLanesOfTheirOwnAndTheAxisIsTheRunNotTheSum() {
        Map<String, Long> millis = new LinkedHashMap<>();
        millis.put("read", 100L);
        millis.put("rfm", 10L);
        millis.put("cohorts", 20L);
        millis.put("clv_holdout", 50L);
        millis.put("clv", 200L);
        millis.put("baskets", 300L);
        millis.put("write", 400L);
        millis.put("switch", 5L);

        StageTimeline timeline = StageTimeline.of(millis);

        assertThat(timeline.span()).isEqualTo(535);
        assertThat(timeline.lanes()).extracting(StageTimeline.Lane::name)
                .containsExactly("main", "clv_holdout", "clv", "baskets");
        Map<String, long[]> main = timeline.lanes().getFirst().stages();
        assertThat(main.keySet()).containsExactly("read", "rfm", "cohorts", "write", "switch");
        assertThat(main.get("write")).containsExactly(130, 400);
        assertThat(main.get("switch")).containsExactly(530, 5);
        assertThat(timeline.lanes().get(3).stages().get("baskets")).containsExactly(100, 300);
    }

    @Test
    void aParallelStageOutlastingTheMainOnesStretchesTheAxis() {
        Map<String, Long> millis = new LinkedHashMap<>();
        millis.put("read", 100L);
        millis.put("baskets", 900L);
        millis.put("write", 50L);

        assertThat(StageTimeline.of(millis).span()).isEqualTo(1000);
    }

    @Test
    void aFailedRunWithoutStagesHasNothingToDraw() {
        assertThat(StageTimeline.of(Map.of()).span()).isZero();
    }

    @Test
    void stagesReadAsWordsNotCodes() {
        assertThat(RunText.stageName("clv_holdout")).isEqualTo("CLV holdout");
        assertThat(RunText.stageName("custom_segments")).isEqualTo("custom segments");
        assertThat(RunText.stageName("rfm")).isEqualTo("RFM");
        assertThat(RunText.stageName("read")).isEqualTo("read");
    }
}
