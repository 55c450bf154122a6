package com.consumer360.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class LikelihoodGradientTest {

    private static final List<CustomerSummary> CUSTOMERS = Cdnow.weekly().customers();

    @Test
    void bgNbdGradientMatchesCentralDifferences() {
        assertGradientMatches(new BgNbdLikelihood(CUSTOMERS), new double[] {Math.log(0.3), Math.log(6), Math.log(0.6), Math.log(3)});
    }

    @Test
    void gammaGammaGradientMatchesCentralDifferences() {
        List<CustomerSummary> repeat = CUSTOMERS.stream().filter(c -> c.frequency() > 0).toList();
        assertGradientMatches(new GammaGammaLikelihood(repeat, 30), new double[] {Math.log(5), Math.log(3), Math.log(0.7)});
    }

    private static void assertGradientMatches(LogLikelihood f, double[] theta) {
        double[] analytic = new double[theta.length];
        f.valueAndGradient(theta, analytic);
        for (int i = 0; i < theta.length; i++) {
            double h = 1e-6;
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (f.valueAndGradient(plus, new double[theta.length])
                    - f.valueAndGradient(minus, new double[theta.length])) / (2 * h);
            assertThat(analytic[i]).as("d/dtheta[%d]", i).isCloseTo(numeric, within(1e-4 * Math.max(1, Math.abs(numeric))));
        }
    }
}
