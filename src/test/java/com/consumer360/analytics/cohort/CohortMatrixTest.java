package com.consumer360.analytics.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.analytics.TestTransactions;
import com.consumer360.analytics.cleaning.Cleaning;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class CohortMatrixTest {

    private static final YearMonth JAN = YearMonth.of(2024, 1);
    private static final YearMonth FEB = YearMonth.of(2024, 2);
    private static final YearMonth MAR = YearMonth.of(2024, 3);

    @Test
    void countsCohortSizeActiveCustomersAndRevenuePerPeriod() {
        // January cohort: 1, 2, 3 (revenue 10 + 20 + 30 = 60). February: 1 active (15), 2 only returns (-5):
        // one active customer of three, revenue 10. March: 2 and 3 active (8 + 12 = 20).
        // February cohort: 4 (40), nothing in March.
        List<CohortCell> cells = new CohortMatrix()
                .add(1, JAN, true, 10).add(2, JAN, true, 20).add(3, JAN, true, 30)
                .add(1, FEB, true, 15).add(2, FEB, false, -5)
                .add(2, MAR, true, 8).add(3, MAR, true, 12)
                .add(4, FEB, true, 40)
                .cells();

        assertThat(cells).containsExactly(
                new CohortCell(JAN, 0, 3, 1.0, 60, 1.0),
                new CohortCell(JAN, 1, 1, 1 / 3.0, 10, 10 / 60.0),
                new CohortCell(JAN, 2, 2, 2 / 3.0, 20, 20 / 60.0),
                new CohortCell(FEB, 0, 1, 1.0, 40, 1.0),
                new CohortCell(FEB, 1, 0, 0.0, 0, 0.0));
    }

    @Test
    void theCohortIsTheFirstPurchaseMonthNotTheFirstActivity() {
        // Customer 7 returns goods in January (bought before the data starts) and first buys in February.
        List<CohortCell> cells = new CohortMatrix()
                .add(7, JAN, false, -3)
                .add(7, FEB, true, 9)
                .cells();
        assertThat(cells).containsExactly(new CohortCell(FEB, 0, 1, 1.0, 9, 1.0));
    }

    @Test
    void repeatedCustomerMonthRowsAreSummed() {
        List<CohortCell> cells = new CohortMatrix().add(1, JAN, true, 4).add(1, JAN, false, -1).add(1, JAN, true, 2)
                .cells();
        assertThat(cells).containsExactly(new CohortCell(JAN, 0, 1, 1.0, 5, 1.0));
    }

    @Test
    void revenueRetentionIsUndefinedWhenTheFirstMonthNetsToNothing() {
        List<CohortCell> cells = new CohortMatrix().add(1, JAN, true, 5).add(1, JAN, false, -5).add(1, FEB, true, 3)
                .cells();
        assertThat(cells.get(1).revenueRetention()).isNaN();
    }

    @Test
    void theTableFeedUsesLinesWithACustomerAndTheirMonths() {
        var clean = Cleaning.clean(new TestTransactions()
                .line("a", "i1", "2024-01-31", "p1", 1, 10)
                .line("b", "i2", "2024-02-01", "p1", 2, 10)
                .line("a", "i3", "2024-03-15", "p1", 1, 10)
                .line(null, "i4", "2024-03-15", "p1", 9, 10)
                .table());

        assertThat(CohortActivity.cohorts(clean)).containsExactly(
                new CohortCell(JAN, 0, 1, 1.0, 10, 1.0),
                new CohortCell(JAN, 1, 0, 0.0, 0, 0.0),
                new CohortCell(JAN, 2, 1, 1.0, 10, 1.0),
                new CohortCell(FEB, 0, 1, 1.0, 20, 1.0),
                new CohortCell(FEB, 1, 0, 0.0, 0, 0.0));
    }

    @Test
    void growsPastItsInitialCapacity() {
        CohortMatrix matrix = new CohortMatrix();
        for (int customer = 0; customer < 5_000; customer++) {
            matrix.add(customer, JAN, true, 1).add(customer, customer % 2 == 0 ? FEB : MAR, true, 1);
        }
        assertThat(matrix.cells()).containsExactly(
                new CohortCell(JAN, 0, 5_000, 1.0, 5_000, 1.0),
                new CohortCell(JAN, 1, 2_500, 0.5, 2_500, 0.5),
                new CohortCell(JAN, 2, 2_500, 0.5, 2_500, 0.5));
    }
}
