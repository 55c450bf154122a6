package com.consumer360.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Fits data simulated from known parameters. Tolerance: each estimate within 4 of its own standard
 * errors of the truth (a two-sided 99.99% band, so a correct fit fails about once in 10,000 seeds per
 * parameter), and the errors themselves below 10% of the parameter, so the check has teeth.
 */
class ParameterRecoveryTest {

    private static final BgNbdModel BG = new BgNbdModel(0.4, 8, 0.7, 3);
    private static final GammaGammaModel GG = new GammaGammaModel(5, 4, 20);
    private static final List<CustomerSummary> CUSTOMERS =
            new BtydSimulation(20261123L).customers(50_000, BG, GG, 30, 52, 0);

    @Test
    void recoversBgNbdParameters() {
        BgNbdFit fit = BgNbdModel.fit(CUSTOMERS);

        double[] truth = {BG.r(), BG.alpha(), BG.a(), BG.b()};
        double[] estimate = {fit.model().r(), fit.model().alpha(), fit.model().a(), fit.model().b()};
        assertRecovered(truth, estimate, fit.standardErrors());
    }

    @Test
    void recoversGammaGammaParameters() {
        GammaGammaFit fit = GammaGammaModel.fit(CUSTOMERS);

        double[] truth = {GG.p(), GG.q(), GG.v()};
        double[] estimate = {fit.model().p(), fit.model().q(), fit.model().v()};
        assertRecovered(truth, estimate, fit.standardErrors());
    }

    private static void assertRecovered(double[] truth, double[] estimate, List<Double> errors) {
        assertThat(errors).hasSize(truth.length);
        for (int i = 0; i < truth.length; i++) {
            assertThat(errors.get(i)).as("standard error %d", i).isLessThan(0.1 * truth[i]);
            assertThat(estimate[i]).as("parameter %d", i).isCloseTo(truth[i], within(4 * errors.get(i)));
        }
    }
}
