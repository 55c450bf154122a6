package com.consumer360.refresh.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run's stages laid out on one time axis. The run reads, then computes RFM and cohorts and writes on its own
 * thread while CLV, its holdout check and basket mining run beside them, each started when the read ends
 * (RefreshRunner). So the main lane is the sequence of the other stages, and each parallel stage gets a lane
 * of its own that starts where the read ends. Adding all stages up would overstate the run.
 */
record StageTimeline(long span, List<Lane> lanes) {

    /** Stages that run beside the main thread's, from the end of the read. */
    static final Set<String> PARALLEL = Set.of("clv", "clv_holdout", "baskets");

    /** One lane: its stages in order, each with its start on the axis and its length, in milliseconds. */
    record Lane(String name, Map<String, long[]> stages) {
    }

    static StageTimeline of(Map<String, Long> millis) {
        Map<String, long[]> main = new LinkedHashMap<>();
        long at = 0;
        for (Map.Entry<String, Long> stage : millis.entrySet()) {
            if (!PARALLEL.contains(stage.getKey())) {
                main.put(stage.getKey(), new long[] {at, stage.getValue()});
                at += stage.getValue();
            }
        }
        long span = at;
        long readEnd = millis.getOrDefault("read", 0L);
        List<Lane> lanes = new ArrayList<>();
        lanes.add(new Lane("main", main));
        for (Map.Entry<String, Long> stage : millis.entrySet()) {
            if (PARALLEL.contains(stage.getKey())) {
                lanes.add(new Lane(stage.getKey(), Map.of(stage.getKey(), new long[] {readEnd, stage.getValue()})));
                span = Math.max(span, readEnd + stage.getValue());
            }
        }
        return new StageTimeline(span, List.copyOf(lanes));
    }
}
