package com.consumer360.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class BgNbdModelTest {

    private static final CalibrationData CDNOW = Cdnow.weekly();

    @Test
    void reproducesThePublishedCdnowFit() {
        BgNbdFit fit = BgNbdModel.fit(CDNOW.customers());

        // Fader, Hardie and Lee (2005): r = 0.2426, alpha = 4.4137, a = 0.7930, b = 2.4262, LL = -9582.43.
        // 3 significant digits: within half a unit of the third digit.
        assertThat(fit.model().r()).isCloseTo(0.2426, within(0.0005));
        assertThat(fit.model().alpha()).isCloseTo(4.4137, within(0.005));
        assertThat(fit.model().a()).isCloseTo(0.7930, within(0.0005));
        assertThat(fit.model().b()).isCloseTo(2.4262, within(0.005));
        assertThat(fit.logLikelihood()).isCloseTo(-9582.43, within(0.01));
        assertThat(fit.customers()).isEqualTo(2357);
    }

    @Test
    void agreesWithCLVToolsToFiveSignificantDigits() {
        BgNbdFit fit = BgNbdModel.fit(CDNOW.customers());

        // CLVTools' own correctness test (tests/testthat/test_correctness_bgnbd.R) pins its CDNOW estimates at
        // r = 0.2425945, alpha = 4.4136019, a = 0.7929199, b = 2.4258881, LL = -9582.429.
        assertThat(fit.model().r()).isCloseTo(0.2425945, withinPercentage(0.01));
        assertThat(fit.model().alpha()).isCloseTo(4.4136019, withinPercentage(0.01));
        assertThat(fit.model().a()).isCloseTo(0.7929199, withinPercentage(0.01));
        assertThat(fit.model().b()).isCloseTo(2.4258881, withinPercentage(0.01));
        assertThat(fit.logLikelihood()).isCloseTo(-9582.429, within(0.001));
    }

    @Test
    void everyStartingPointReachesTheSameOptimum() {
        BgNbdModel.Detailed detailed = BgNbdModel.fitDetailed(CDNOW.customers());
        double[] best = {Math.log(detailed.fit().model().r()), Math.log(detailed.fit().model().alpha()),
            Math.log(detailed.fit().model().a()), Math.log(detailed.fit().model().b())};

        assertThat(detailed.estimate().runs()).hasSizeGreaterThanOrEqualTo(3);
        for (Bfgs.Result run : detailed.estimate().runs()) {
            assertThat(run.converged()).isTrue();
            // Runs after the first stop once within Bfgs.JOIN_DISTANCE of the optimum found before.
            double tolerance = run.joinedKnownOptimum() ? Bfgs.JOIN_DISTANCE : 1e-4;
            for (int i = 0; i < 4; i++) {
                assertThat(run.theta()[i]).isCloseTo(best[i], within(tolerance));
            }
            if (!run.joinedKnownOptimum()) {
                assertThat(run.value()).isCloseTo(detailed.fit().logLikelihood(), within(1e-6));
            }
        }
    }

    @Test
    void everyStartRunToConvergenceOnItsOwnReachesThePublishedOptimum() {
        BgNbdLikelihood likelihood = new BgNbdLikelihood(CDNOW.customers());

        for (double[] start : BgNbdModel.starts(CDNOW.customers())) {
            Bfgs.Result run = Bfgs.maximise(likelihood, start, 2357, null);
            assertThat(run.converged()).isTrue();
            assertThat(run.value()).isCloseTo(-9582.4292, within(1e-4));
            assertThat(Math.exp(run.theta()[0])).isCloseTo(0.24259, within(1e-5));
            assertThat(Math.exp(run.theta()[2])).isCloseTo(0.79292, within(1e-4));
        }
    }

    @Test
    void standardErrorsMatchThoseLifetimesReports() {
        BgNbdFit fit = BgNbdModel.fit(CDNOW.customers());

        // lifetimes' BetaGeoFitter.summary on the CDNOW summary (rounded to 2 decimals, hence not exact):
        // se(r) = 0.012557, se(alpha) = 0.378221, se(a) = 0.185719, se(b) = 0.705345.
        assertThat(fit.standardErrors()).hasSize(4);
        assertThat(fit.standardErrors().get(0)).isCloseTo(0.012557, withinPercentage(2));
        assertThat(fit.standardErrors().get(1)).isCloseTo(0.378221, withinPercentage(2));
        assertThat(fit.standardErrors().get(2)).isCloseTo(0.185719, withinPercentage(2));
        assertThat(fit.standardErrors().get(3)).isCloseTo(0.705345, withinPercentage(2));
    }

    @Test
    void sumOfCustomerLogLikelihoodsIsTheFitsLogLikelihood() {
        BgNbdFit fit = BgNbdModel.fit(CDNOW.customers());

        double sum = CDNOW.customers().stream().mapToDouble(fit.model()::logLikelihood).sum();

        assertThat(sum).isCloseTo(fit.logLikelihood(), within(1e-6));
    }

    @Test
    void conditionalExpectationMatchesTheUntransformedFormula() {
        BgNbdModel model = new BgNbdModel(0.2426, 4.4137, 0.7930, 2.4262);
        CustomerSummary c = new CustomerSummary("c", 2, 30.43, 38.86, 0);
        double t = 39;

        // Equation 10 of Fader, Hardie and Lee (2005) as written, with the plain 2F1 series.
        double z = t / (model.alpha() + c.T() + t);
        double hyp = Hypergeometric2F1.value(model.r() + 2, model.b() + 2, model.a() + model.b() + 1, z);
        double bracket = 1 - Math.pow((model.alpha() + c.T()) / (model.alpha() + c.T() + t), model.r() + 2) * hyp;
        double numerator = (model.a() + model.b() + 1) / (model.a() - 1) * bracket;
        double odds = model.a() / (model.b() + 1) * Math.pow((model.alpha() + c.T()) / (model.alpha() + c.recency()), model.r() + 2);

        assertThat(model.expectedPurchases(c, t)).isCloseTo(numerator / (1 + odds), withinPercentage(1e-8));
        assertThat(model.probabilityAlive(c)).isCloseTo(1 / (1 + odds), within(1e-12));
    }

    @Test
    void expectedPurchasesOfANewCustomerMatchEquation7() {
        BgNbdModel model = new BgNbdModel(0.2426, 4.4137, 0.7930, 2.4262);
        double t = 78;

        double z = t / (model.alpha() + t);
        double expected = (model.a() + model.b() - 1) / (model.a() - 1)
                * (1 - Math.pow(model.alpha() / (model.alpha() + t), model.r())
                        * Hypergeometric2F1.value(model.r(), model.b(), model.a() + model.b() - 1, z));

        assertThat(model.expectedPurchasesOfNewCustomer(t)).isCloseTo(expected, withinPercentage(1e-8));
    }

    @Test
    void expectationIsContinuousThroughASingularLookingA() {
        // a = 1 makes the published formula 0/0; the implementation must give the limit.
        CustomerSummary c = new CustomerSummary("c", 3, 20, 30, 0);
        double atOne = new BgNbdModel(0.5, 5, 1.0, 2).expectedPurchases(c, 10);
        double below = new BgNbdModel(0.5, 5, 1.0 - 1e-7, 2).expectedPurchases(c, 10);
        double above = new BgNbdModel(0.5, 5, 1.0 + 1e-7, 2).expectedPurchases(c, 10);

        assertThat(atOne).isFinite().isPositive();
        assertThat(atOne).isCloseTo(below, within(1e-5)).isCloseTo(above, within(1e-5));
    }

    /**
     * A dropout rate the same for every customer drives the fitted a and b to the millions (these are the values a
     * demo warehouse of 2026-12-07 gave): Euler's transform of the series then needed millions of terms and the
     * refresh failed with "2F1 did not converge". The published form converges in a few dozen; both expectations
     * must match it as written.
     */
    @Test
    void aDropoutRateTheSameForEveryoneStaysComputable() {
        double a = 5_424_046.705557823;
        double c0 = 4.698567087222684E7;
        double b = c0 + 1 - a;
        double r = c0 - 4.6985669083314836E7;
        BgNbdModel model = new BgNbdModel(r, 12.5, a, b);
        double t = 5.3;

        double z = t / (model.alpha() + t);
        double newCustomer = c0 / (a - 1) * (1 - Math.pow(model.alpha() / (model.alpha() + t), r)
                * Hypergeometric2F1.value(r, b, c0, z));
        assertThat(model.expectedPurchasesOfNewCustomer(t)).isFinite().isPositive()
                .isCloseTo(newCustomer, withinPercentage(1e-6));

        CustomerSummary c = new CustomerSummary("c", 3, 20, 30, 0);
        double zc = t / (model.alpha() + c.T() + t);
        double bracket = 1 - Math.pow((model.alpha() + c.T()) / (model.alpha() + c.T() + t), r + 3)
                * Hypergeometric2F1.value(r + 3, b + 3, a + b + 2, zc);
        double numerator = (a + b + 2) / (a - 1) * bracket;
        double odds = a / (b + 2) * Math.pow((model.alpha() + c.T()) / (model.alpha() + c.recency()), r + 3);
        assertThat(model.expectedPurchases(c, t)).isFinite().isCloseTo(numerator / (1 + odds), withinPercentage(1e-6));
    }

    @Test
    void frequentLoyalBuyersStayFinite() {
        BgNbdModel model = new BgNbdModel(0.2426, 4.4137, 0.7930, 2.4262);
        CustomerSummary heavy = new CustomerSummary("heavy", 5_000, 38.8, 38.86, 10);
        CustomerSummary gone = new CustomerSummary("gone", 5_000, 0.01, 38.86, 10);

        assertThat(model.expectedPurchases(heavy, 52)).isFinite().isGreaterThan(1_000);
        assertThat(model.probabilityAlive(gone)).isFinite().isGreaterThanOrEqualTo(0).isLessThan(1e-100);
        assertThat(model.expectedPurchases(gone, 52)).isFinite().isGreaterThanOrEqualTo(0);
    }

    @Test
    void theSharedConditionalExpectationGivesTheSameValuesBitForBit() {
        BgNbdModel model = BgNbdModel.fit(CDNOW.customers()).model();
        BgNbdModel.ConditionalExpectation shared = model.conditionalExpectation();
        for (CustomerSummary c : CDNOW.customers()) {
            for (double t : new double[] {4.345, 39, 52}) {
                // Twice: once computing the (x, T, t) part, once reading it back.
                assertThat(shared.expectedPurchases(c, t)).isEqualTo(model.expectedPurchases(c, t));
                assertThat(shared.expectedPurchases(c, t)).isEqualTo(model.expectedPurchases(c, t));
            }
        }
    }
}
