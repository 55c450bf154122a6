package com.consumer360.analytics.basket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThresholdAdvisorTest {

    @Test
    void suggestionsRoundUpToTwoSignificantDigitsAndKeepExactDecimals() {
        assertThat(ThresholdAdvisor.roundUp(2 / 100.0)).isEqualTo(0.02);
        assertThat(ThresholdAdvisor.roundUp(2 / 9835.0)).isEqualTo(0.00021);
        assertThat(ThresholdAdvisor.roundUp(0.123)).isEqualTo(0.13);
    }

    @Test
    void aRoundedSuggestionNeverAdmitsASmallerCount() {
        for (int n = 1; n <= 3000; n += 7) {
            for (int count = 1; count <= n; count += 3) {
                MiningParameters rounded = MiningParameters.of(ThresholdAdvisor.roundUp((double) count / n), 0, 2);
                assertThat(rounded.minCount(n)).as("%d / %d", count, n).isGreaterThanOrEqualTo(count);
            }
        }
    }
}
