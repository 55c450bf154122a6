package com.consumer360.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;

import org.junit.jupiter.api.Test;

class GammaGammaModelTest {

    private static final List<CustomerSummary> CDNOW = Cdnow.weekly().customers();

    @Test
    void reproducesThePublishedCdnowFitOnTheRepeatBuyers() {
        GammaGammaFit fit = GammaGammaModel.fit(CDNOW);

        // Fader, Hardie and Lee (2005) note; lifetimes docs: p = 6.25, q = 3.74, v = 15.44 (3 significant digits).
        assertThat(fit.customers()).isEqualTo(946);
        assertThat(fit.model().p()).isCloseTo(6.25, within(0.005));
        assertThat(fit.model().q()).isCloseTo(3.74, within(0.005));
        assertThat(fit.model().v()).isCloseTo(15.44, within(0.05));
        assertThat(fit.standardErrors()).hasSize(3).allMatch(e -> e > 0);
    }

    @Test
    void everyStartRunToConvergenceOnItsOwnReachesTheSameOptimum() {
        List<CustomerSummary> repeat = CDNOW.stream().filter(c -> c.frequency() > 0).toList();
        double[] spends = repeat.stream().mapToDouble(CustomerSummary::monetaryValue).sorted().toArray();
        double median = spends[spends.length / 2];
        GammaGammaLikelihood likelihood = new GammaGammaLikelihood(repeat, median);

        for (double[] start : GammaGammaModel.STARTS) {
            Bfgs.Result run = Bfgs.maximise(likelihood, start, repeat.size(), null);
            assertThat(run.converged()).isTrue();
            assertThat(Math.exp(run.theta()[0])).isCloseTo(6.25, within(0.005));
            assertThat(Math.exp(run.theta()[1])).isCloseTo(3.74, within(0.005));
            assertThat(Math.exp(run.theta()[2]) * median).isCloseTo(15.44, within(0.05));
        }
    }

    @Test
    void fitDoesNotDependOnTheCurrencyUnit() {
        GammaGammaFit dollars = GammaGammaModel.fit(CDNOW);
        List<CustomerSummary> cents = CDNOW.stream()
                .map(c -> new CustomerSummary(c.customerId(), c.frequency(), c.recency(), c.T(), c.monetaryValue() * 100))
                .toList();

        GammaGammaFit fit = GammaGammaModel.fit(cents);

        assertThat(fit.model().p()).isCloseTo(dollars.model().p(), withinPercentage(1e-4));
        assertThat(fit.model().q()).isCloseTo(dollars.model().q(), withinPercentage(1e-4));
        assertThat(fit.model().v()).isCloseTo(100 * dollars.model().v(), withinPercentage(1e-4));
        // The density of amounts in cents is that in dollars divided by 100 for each customer.
        assertThat(fit.logLikelihood()).isCloseTo(dollars.logLikelihood() - 946 * Math.log(100), within(1e-4));
    }

    @Test
    void expectedAverageValueShrinksTowardsThePopulationMean() {
        GammaGammaModel model = new GammaGammaModel(6.25, 3.74, 15.44);
        double populationMean = model.p() * model.v() / (model.q() - 1);

        double newcomer = model.expectedAverageValue(new CustomerSummary("n", 0, 0, 30, 0), -1);
        double bigSpender = model.expectedAverageValue(new CustomerSummary("s", 2, 10, 30, 200), -1);

        assertThat(newcomer).isCloseTo(populationMean, within(1e-9));
        assertThat(bigSpender).isCloseTo(6.25 * (15.44 + 400) / (6.25 * 2 + 3.74 - 1), within(1e-9))
                .isBetween(populationMean, 200.0);
    }

    @Test
    void heavyTailedSpendFallsBackForCustomersWithoutRepeatPurchases() {
        GammaGammaModel heavyTailed = new GammaGammaModel(2, 0.8, 10);

        assertThat(heavyTailed.expectedAverageValue(new CustomerSummary("n", 0, 0, 30, 0), 42)).isEqualTo(42);
        assertThat(heavyTailed.expectedAverageValue(new CustomerSummary("r", 1, 5, 30, 20), 42))
                .isCloseTo(2 * (10 + 20) / (2 + 0.8 - 1), within(1e-9));
    }
}
