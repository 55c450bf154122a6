package com.consumer360.analytics.basket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MiningParametersTest {

    @Test
    void supportThresholdIsInclusiveDespiteRoundingOfTheProduct() {
        // 0.07 × 100 is 7.000000000000001 in doubles; ceil of it would wrongly demand 8 baskets.
        assertThat(0.07 * 100).isGreaterThan(7);
        assertThat(MiningParameters.of(0.07, 0.5, 4).minCount(100)).isEqualTo(7);
        assertThat(MiningParameters.of(0.001, 0.5, 4).minCount(9835)).isEqualTo(10);
    }

    @Test
    void everyExactFractionNeedsExactlyItsNumerator() {
        for (int n = 1; n <= 1500; n++) {
            for (int k = 1; k <= n; k++) {
                assertThat(MiningParameters.of((double) k / n, 0, 2).minCount(n)).as("%d / %d", k, n).isEqualTo(k);
            }
        }
    }

    @Test
    void thresholdsOutsideTheirRangeAreRejected() {
        assertThatThrownBy(() -> MiningParameters.of(0, 0.5, 4)).hasMessageContaining("min support");
        assertThatThrownBy(() -> MiningParameters.of(1.5, 0.5, 4)).hasMessageContaining("min support");
        assertThatThrownBy(() -> MiningParameters.of(0.1, Double.NaN, 4)).hasMessageContaining("min confidence");
        assertThatThrownBy(() -> MiningParameters.of(0.1, 0.5, 0)).hasMessageContaining("max length");
    }
}
