package com.consumer360.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClvEngineTest {

    private static final ClvResult CDNOW = ClvEngine.run(Cdnow.purchases(),
            new ClvOptions(Cdnow.CALIBRATION_END, PeriodUnit.WEEKS, 39, 12, 0.01));

    @Test
    void fitsBothModelsOnTheCalibrationPeriod() {
        assertThat(CDNOW.bgNbd().model().r()).isCloseTo(0.2426, within(0.0005));
        assertThat(CDNOW.gammaGamma().model().p()).isCloseTo(6.25, within(0.005));
        assertThat(CDNOW.customers()).hasSize(2357);
        assertThat(CDNOW.fitMillis()).isPositive();
    }

    @Test
    void holdoutTablePredictsEachFrequencyGroupClosely() {
        List<HoldoutRow> table = CDNOW.holdout();

        assertThat(table).extracting(HoldoutRow::calibrationFrequency)
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7+");
        assertThat(table.stream().mapToInt(HoldoutRow::customers).sum()).isEqualTo(2357);
        assertThat(table.getFirst().customers()).isEqualTo(2357 - 946);
        // Fader, Hardie and Lee (2005), figure 4: the conditional expectations track the holdout means;
        // the largest gap there is about 0.4 purchases (the pooled 7+ group).
        for (HoldoutRow row : table) {
            assertThat(row.predictedMean()).as("frequency %s", row.calibrationFrequency())
                    .isCloseTo(row.actualMean(), within(0.5));
        }
        double actual = table.stream().mapToDouble(r -> r.actualMean() * r.customers()).sum();
        double predicted = table.stream().mapToDouble(r -> r.predictedMean() * r.customers()).sum();
        // In aggregate the model forecasts 1,653 of the 1,882 holdout purchase days (88%); a wrong horizon or
        // formula is off by far more than the 15% allowed here.
        assertThat(actual).isEqualTo(1882);
        assertThat(predicted).isCloseTo(actual, withinPercentage(15));
    }

    @Test
    void cumulativeRepeatPurchasesCoverTheSeventyEightWeeks() {
        List<CumulativePoint> curve = CDNOW.cumulative();

        assertThat(curve).hasSize(78);
        CumulativePoint end = curve.getLast();
        // Every repeat purchase day of the 2,357 customers: 6,919 transactions on fewer distinct days,
        // minus the 2,357 first purchases.
        long repeatDays = CDNOW.customers().stream()
                .mapToLong(v -> v.summary().frequency() + v.summary().holdoutFrequency()).sum();
        assertThat(end.actual()).isEqualTo((double) repeatDays);
        // Figure 1 of Fader, Hardie and Lee (2005): the model tracks cumulative repeat sales within a few percent.
        assertThat(end.predicted()).isCloseTo(end.actual(), withinPercentage(5));
        assertThat(curve).isSortedAccordingTo((a, b) -> Double.compare(a.predicted(), b.predicted()));
    }

    @Test
    void clvIsTheDiscountedSumOfMonthlyPurchasesTimesValue() {
        CustomerValue v = CDNOW.customers().stream().filter(c -> c.summary().frequency() == 2).findFirst().orElseThrow();
        BgNbdModel model = CDNOW.bgNbd().model();

        double expected = 0;
        for (int month = 1; month <= 12; month++) {
            double purchases = model.expectedPurchases(v.summary(), month * 4.345) - model.expectedPurchases(v.summary(), (month - 1) * 4.345);
            expected += v.expectedAverageValue() * purchases / Math.pow(1.01, month);
        }

        assertThat(v.clv()).isCloseTo(expected, withinPercentage(1e-9));
        assertThat(v.expectedPurchases()).isCloseTo(model.expectedPurchases(v.summary(), 39), within(1e-12));
    }

    @Test
    void everyOutputIsFinite() {
        for (CustomerValue v : CDNOW.customers()) {
            assertThat(List.of(v.probabilityAlive(), v.expectedPurchases(), v.expectedAverageValue(), v.clv()))
                    .allMatch(Double::isFinite);
            assertThat(v.probabilityAlive()).isBetween(0.0, 1.0);
        }
    }
}
