package com.consumer360.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RobustnessTest {

    private static final LocalDate DAY = LocalDate.of(2024, 1, 10);
    private static final ClvOptions OPTIONS = ClvOptions.defaults(LocalDate.of(2024, 3, 31), PeriodUnit.DAYS);

    @Test
    void withoutRepeatBuyersSaysSo() {
        List<Purchase> purchases = List.of(
                new Purchase("a", DAY, 10), new Purchase("b", DAY.plusDays(3), 20), new Purchase("c", DAY.plusDays(9), 5));

        assertThatThrownBy(() -> ClvEngine.run(purchases, OPTIONS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BG/NBD needs at least one repeat buyer; none of the 3 customers bought again in the calibration period");
    }

    @Test
    void everythingOnOneDayHasNoRepeatPurchases() {
        List<Purchase> purchases = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            purchases.add(new Purchase("c" + (i % 10), DAY, 1 + i));
        }

        assertThatThrownBy(() -> ClvEngine.run(purchases, OPTIONS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("none of the 10 customers bought again");
    }

    @Test
    void aSingleCustomerIsTooFewToFit() {
        List<Purchase> purchases = List.of(new Purchase("a", DAY, 10), new Purchase("a", DAY.plusDays(5), 20));

        assertThatThrownBy(() -> ClvEngine.run(purchases, OPTIONS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BG/NBD needs at least 2 customers, got 1");
    }

    @Test
    void tooUniformDataHaveNoInteriorOptimumAndSaySo() {
        // Every customer bought on the same two days: the purchase rates are indistinguishable and the
        // likelihood keeps rising as the gamma heterogeneity vanishes (r and alpha grow without bound).
        List<Purchase> purchases = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            purchases.add(new Purchase("c" + i, DAY, 10));
            purchases.add(new Purchase("c" + i, DAY.plusDays(30), 10));
        }

        assertThatThrownBy(() -> ClvEngine.run(purchases, OPTIONS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BG/NBD fit has no interior optimum")
                .hasMessageContaining("too few, too uniform");
    }

    @Test
    void nonPositiveSpendIsLeftOutOfTheSpendModelAndGetsThePopulationMean() {
        List<Purchase> purchases = new ArrayList<>(Cdnow.purchases());
        // A customer whose repeat purchases net to a refund, and one with a zero-value repeat purchase.
        purchases.add(new Purchase("refund", LocalDate.of(1997, 2, 1), 30));
        purchases.add(new Purchase("refund", LocalDate.of(1997, 3, 1), -30));
        purchases.add(new Purchase("free", LocalDate.of(1997, 2, 1), 30));
        purchases.add(new Purchase("free", LocalDate.of(1997, 3, 1), 0));

        ClvResult result = ClvEngine.run(purchases, ClvOptions.defaults(Cdnow.CALIBRATION_END, PeriodUnit.WEEKS));

        GammaGammaModel gg = result.gammaGamma().model();
        assertThat(result.gammaGamma().customers()).isEqualTo(946);
        for (String id : List.of("refund", "free")) {
            CustomerValue v = result.customers().stream().filter(c -> c.summary().customerId().equals(id)).findFirst().orElseThrow();
            assertThat(v.expectedAverageValue()).isEqualTo(gg.p() * gg.v() / (gg.q() - 1));
            assertThat(v.clv()).isPositive().isFinite();
        }
    }

    @Test
    void extremeAmountsGiveFiniteOutputs() {
        List<Purchase> purchases = new ArrayList<>(Cdnow.purchases());
        // A whale and a penny buyer, eleven orders of magnitude apart, among the CDNOW customers.
        for (int month = 1; month <= 6; month++) {
            purchases.add(new Purchase("whale", LocalDate.of(1997, month, 3), 2e9));
            purchases.add(new Purchase("penny", LocalDate.of(1997, month, 3), 0.01));
        }

        ClvResult result = ClvEngine.run(purchases, ClvOptions.defaults(Cdnow.CALIBRATION_END, PeriodUnit.DAYS));

        assertThat(result.customers()).allSatisfy(v -> {
            assertThat(v.clv()).isFinite();
            assertThat(v.expectedAverageValue()).isFinite().isPositive();
        });
        assertThat(result.gammaGamma().logLikelihood()).isFinite();
    }

    @Test
    void spendsTheGammaMixtureCannotDescribeSaySo() {
        List<Purchase> purchases = new ArrayList<>();
        int i = 0;
        for (Purchase p : Cdnow.purchases()) {
            // Two populations twelve orders of magnitude apart: the likelihood keeps rising as q grows.
            double factor = (i++ % 3 == 0) ? 1e9 : 1e-3;
            purchases.add(new Purchase(p.customerId(), p.date(), p.amount() * factor));
        }

        assertThatThrownBy(() -> ClvEngine.run(purchases, ClvOptions.defaults(Cdnow.CALIBRATION_END, PeriodUnit.DAYS)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Gamma-Gamma fit has no interior optimum: q tends to infinity");
    }

    @Test
    void rejectsNonFiniteAmountsAndBadSettings() {
        assertThatThrownBy(() -> new Purchase("a", DAY, Double.NaN))
                .hasMessageContaining("non-finite amount");
        assertThatThrownBy(() -> new ClvOptions(DAY, PeriodUnit.DAYS, 365, 12, -1))
                .hasMessageContaining("discount rate");
        assertThatThrownBy(() -> new ClvOptions(DAY, PeriodUnit.DAYS, -1, 12, 0.01))
                .hasMessageContaining("horizon");
    }
}
