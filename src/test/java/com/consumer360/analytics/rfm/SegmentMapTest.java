package com.consumer360.analytics.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentMapTest {

    /** Putler's ranges of R and of the mean of F and M per segment: {rLow, rHigh, fmLow, fmHigh}. */
    private static final Map<Segment, double[]> PUTLER_RANGES = new EnumMap<>(Map.ofEntries(
            Map.entry(Segment.CHAMPIONS, new double[] {4, 5, 4, 5}),
            Map.entry(Segment.LOYAL_CUSTOMERS, new double[] {2, 5, 3, 5}),
            Map.entry(Segment.POTENTIAL_LOYALISTS, new double[] {3, 5, 1, 3}),
            Map.entry(Segment.NEW_CUSTOMERS, new double[] {4, 5, 0, 1}),
            Map.entry(Segment.PROMISING, new double[] {3, 4, 0, 1}),
            Map.entry(Segment.NEED_ATTENTION, new double[] {2, 3, 2, 3}),
            Map.entry(Segment.ABOUT_TO_SLEEP, new double[] {2, 3, 0, 2}),
            Map.entry(Segment.AT_RISK, new double[] {0, 2, 2, 5}),
            Map.entry(Segment.CANT_LOSE_THEM, new double[] {0, 1, 4, 5}),
            Map.entry(Segment.HIBERNATING, new double[] {1, 2, 1, 2}),
            Map.entry(Segment.LOST, new double[] {0, 2, 0, 2})));

    @Test
    void everyOneOfThe125CombinationsMapsToExactlyOneSegmentAndEverySegmentIsUsed() {
        Map<Segment, Integer> cells = new EnumMap<>(Segment.class);
        int combinations = 0;
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    Segment segment = SegmentMap.segmentOf(r, f, m);
                    assertThat(segment).as("(%d,%d,%d)", r, f, m).isNotNull();
                    cells.merge(segment, 1, Integer::sum);
                    combinations++;
                }
            }
        }
        assertThat(combinations).isEqualTo(125);
        assertThat(cells.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(125);
        assertThat(cells.keySet()).containsExactlyInAnyOrder(Segment.values());
        assertThat(Segment.values()).hasSize(11);
    }

    @Test
    void everyCellLiesInsidePutlersRangeForItsSegment() {
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    Segment segment = SegmentMap.segmentOf(r, f, m);
                    double[] range = PUTLER_RANGES.get(segment);
                    double fm = (f + m) / 2.0;
                    assertThat(r >= range[0] && r <= range[1] && fm >= range[2] && fm <= range[3])
                            .as("(%d,%d,%d) -> %s", r, f, m, segment).isTrue();
                }
            }
        }
    }

    @Test
    void theCornersAreWhatTheirNamesPromise() {
        assertThat(SegmentMap.segmentOf(5, 5, 5)).isEqualTo(Segment.CHAMPIONS);
        assertThat(SegmentMap.segmentOf(1, 1, 1)).isEqualTo(Segment.LOST);
        assertThat(SegmentMap.segmentOf(1, 5, 5)).isEqualTo(Segment.CANT_LOSE_THEM);
        assertThat(SegmentMap.segmentOf(5, 1, 1)).isEqualTo(Segment.NEW_CUSTOMERS);
        assertThat(SegmentMap.segmentOf(3, 1, 1)).isEqualTo(Segment.PROMISING);
        assertThat(SegmentMap.segmentOf(2, 5, 4)).isEqualTo(Segment.AT_RISK);
    }

    @Test
    void onlyTheMeanOfFrequencyAndMonetaryMatters() {
        assertThat(SegmentMap.segmentOf(4, 2, 4)).isEqualTo(SegmentMap.segmentOf(4, 4, 2))
                .isEqualTo(SegmentMap.segmentOf(4, 3, 3));
    }

    @Test
    void rejectsScoresOutsideOneToFive() {
        assertThatThrownBy(() -> SegmentMap.segmentOf(0, 3, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SegmentMap.segmentOf(3, 6, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
