package com.consumer360.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparableSpansTest {

    private static final SnapshotRef NOV_15 = new SnapshotRef(1, LocalDate.of(2026, 11, 15));
    private static final SnapshotRef NOV_22 = new SnapshotRef(2, LocalDate.of(2026, 11, 22));
    private static final SnapshotRef NOV_29 = new SnapshotRef(3, LocalDate.of(2026, 11, 29));
    private static final SnapshotRef NOV_29_AGAIN = new SnapshotRef(4, LocalDate.of(2026, 11, 29));
    private static final SnapshotRef DEC_06 = new SnapshotRef(5, LocalDate.of(2026, 12, 6));
    private static final List<SnapshotRef> ALL = List.of(DEC_06, NOV_29_AGAIN, NOV_29, NOV_22, NOV_15);

    @Test
    void aWeekComparesWithTheWeekBefore() {
        assertThat(SummaryService.comparableSpans(ALL, NOV_22, NOV_29)).isTrue();
        // A same-day refresh in between changes nothing: the latest of the earlier day against a week.
        assertThat(SummaryService.comparableSpans(ALL, NOV_29, DEC_06)).isTrue();
    }

    @Test
    void aMoveIsSetAgainstTheStoredMoveOnlyWhenThereIsOne() {
        List<WeeklySummary.Move> moves = List.of(new WeeklySummary.Move("Champions", "Loyal Customers", 30, 0.1),
                new WeeklySummary.Move("At Risk", "Lost", 12, 0.2));
        assertThat(SummaryService.notable(moves, java.util.Map.of("Champions→Loyal Customers", 20L)))
                .containsExactly("30 Champions became Loyal Customers (20 the period before, +50 %).",
                        "12 At Risk became Lost.");
        assertThat(SummaryService.notable(moves, java.util.Map.of()))
                .containsExactly("30 Champions became Loyal Customers.", "12 At Risk became Lost.");
        // A fall reads with the minus sign (U+2212) the rest of the page uses, counts with the locale's grouping.
        assertThat(SummaryService.notable(List.of(new WeeklySummary.Move("Champions", "Loyal Customers", 1500, 0.1)),
                java.util.Map.of("Champions→Loyal Customers", 2000L)))
                .containsExactly("1,500 Champions became Loyal Customers (2,000 the period before, −25 %).");
    }

    @Test
    void longerPairsAndSameDayMovesDoNot() {
        assertThat(SummaryService.comparableSpans(ALL, NOV_15, DEC_06)).as("no move stored before the oldest").isFalse();
        assertThat(SummaryService.comparableSpans(ALL, NOV_22, DEC_06)).as("two weeks against one").isFalse();
        assertThat(SummaryService.comparableSpans(ALL, NOV_29_AGAIN, DEC_06))
                .as("its stored move is from a refresh of the same day").isFalse();
    }
}
