package com.consumer360.cohorts;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.cohorts.RetentionMatrix.CohortRow;
import com.consumer360.cohorts.RetentionMatrix.RetentionCell;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The average curve leaves out the cells of a month the data covers only in part (the last diagonal): with them,
 * the last periods, which only the oldest cohorts reach, showed a drop that was only the month being unfinished.
 */
class RetentionMatrixTest {

    private static final YearMonth JAN = YearMonth.of(2026, 1);

    /** Three cohorts (January, February, March) with active customers per period; the data ends in March. */
    private static RetentionMatrix matrix(LocalDate asOf) {
        return new RetentionMatrix(asOf, YearMonth.of(2026, 3), List.of(
                row(JAN, 100, 30, 20),
                row(JAN.plusMonths(1), 200, 50),
                row(JAN.plusMonths(2), 50)));
    }

    private static CohortRow row(YearMonth cohort, long... active) {
        List<RetentionCell> cells = new ArrayList<>();
        for (int k = 0; k < active.length; k++) {
            cells.add(new RetentionCell(cohort, k, active[k], BigDecimal.valueOf(active[k] * 10),
                    (double) active[k] / active[0], (double) active[k] / active[0]));
        }
        return new CohortRow(cohort, active[0], cells);
    }

    @Test
    void aMonthToDateIsLeftOutOfTheAverage() {
        RetentionMatrix matrix = matrix(LocalDate.of(2026, 3, 15));
        assertThat(matrix.partialMonth()).isEqualTo(YearMonth.of(2026, 3));
        List<Double> average = matrix.averageCurve("all", false).values();
        // k = 0: January and February (March, a cohort of the month to date, is left out); k = 1: January only
        // (February's month 1 is March); k = 2: January's month 2 is March, so no complete cell.
        assertThat(average).hasSize(3);
        assertThat(average.get(0)).isEqualTo(1.0);
        assertThat(average.get(1)).isCloseTo(30.0 / 100, Offset.offset(1e-12));
        assertThat(average.get(2)).isNull();
        List<Double> revenue = matrix.averageCurve("all", true).values();
        assertThat(revenue.get(1)).isCloseTo(300.0 / 1000, Offset.offset(1e-12));
        assertThat(revenue.get(2)).isNull();
    }

    @Test
    void aCompleteLastMonthCounts() {
        // The as-of date is the day after the latest sale: April 1st means March is whole.
        RetentionMatrix matrix = matrix(LocalDate.of(2026, 4, 1));
        assertThat(matrix.partialMonth()).isNull();
        List<Double> average = matrix.averageCurve("all", false).values();
        assertThat(average.get(1)).isCloseTo((30.0 + 50) / (100 + 200), Offset.offset(1e-12));
        assertThat(average.get(2)).isCloseTo(20.0 / 100, Offset.offset(1e-12));
    }

    @Test
    void theLastDayOfTheMonthAsTheAsOfDateLeavesThatDayOut() {
        // As of March 31st the data ends on March 30th: March is still partial.
        assertThat(matrix(LocalDate.of(2026, 3, 31)).partialMonth()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(new RetentionMatrix(null, null, List.of()).partialMonth()).isNull();
    }
}
