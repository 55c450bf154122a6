package com.consumer360.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Hypergeometric2F1Test {

    /** Reference values from mpmath.hyp2f1 at 30 significant digits (mpmath 1.3.0), rounded to 20. */
    @ParameterizedTest
    @CsvSource({
        "0.5,  1.5,   2.5,   0.3,  1.1080625510569319884",
        "1.2,  3.4,   5.6,   0.9,  3.2434545403207013986",
        "2.3,  5.1,   100.7, 0.95, 1.1221515610705646301",
        "-0.2, 0.7,   3.3,   0.5,  0.9767836200289088935",
        "7.24, 8.43,  10.2,  0.47, 42.37589426781123076",
        "0.3,  2.1,   1.7,   -0.8, 0.81003095946866066379",
        "1.5,  2.5,   3.5,   -5.0, 0.11938423174058273407",
        "0.45, -0.21, 30.2,  0.99, 0.99684312044524076547",
        "10.5, 20.25, 3.75,  0.2,  12805.391443574431389",
    })
    void matchesHighPrecisionReferenceValues(double a, double b, double c, double z, double expected) {
        assertThat(Hypergeometric2F1.value(a, b, c, z)).isCloseTo(expected, withinPercentage(1e-11));
    }

    @Test
    void matchesClosedForms() {
        for (double z : new double[] {-0.9, -0.3, 0.1, 0.5, 0.9, 0.99}) {
            // 2F1(1, 1; 2; z) = -ln(1 - z) / z
            assertThat(Hypergeometric2F1.value(1, 1, 2, z)).isCloseTo(-Math.log1p(-z) / z, withinPercentage(1e-11));
            // 2F1(a, b; b; z) = (1 - z)^-a
            assertThat(Hypergeometric2F1.value(0.7, 2.5, 2.5, z)).isCloseTo(Math.pow(1 - z, -0.7), withinPercentage(1e-11));
        }
        // 2F1(1/2, 1/2; 3/2; s^2) = arcsin(s) / s and 2F1(1/2, 1; 3/2; -s^2) = arctan(s) / s
        for (double s : new double[] {0.2, 0.6, 0.95, 3.0}) {
            if (s < 1) {
                assertThat(Hypergeometric2F1.value(0.5, 0.5, 1.5, s * s)).isCloseTo(Math.asin(s) / s, withinPercentage(1e-11));
            }
            assertThat(Hypergeometric2F1.value(0.5, 1, 1.5, -s * s)).isCloseTo(Math.atan(s) / s, withinPercentage(1e-11));
        }
    }

    @Test
    void minusOneOverBIsTheSeriesWithoutItsFirstTermDividedByB() {
        double a = 2.1;
        double c = 3.7;
        double z = 0.6;
        for (double b : new double[] {-0.5, 0.3, 1.7}) {
            double direct = (Hypergeometric2F1.value(a, b, c, z) - 1) / b;
            assertThat(Hypergeometric2F1.minusOneOverB(a, b, c, z)).isCloseTo(direct, withinPercentage(1e-10));
        }
        // At b = 0 the limit is sum_{n>=1} (a)_n (n-1)! / ((c)_n n!) z^n, which is a z / c at first order.
        double tiny = 1e-4;
        assertThat(Hypergeometric2F1.minusOneOverB(a, 0, c, tiny)).isCloseTo(a * tiny / c, withinPercentage(1e-2));
    }

    @Test
    void rejectsArgumentsOutsideItsDomain() {
        assertThatThrownBy(() -> Hypergeometric2F1.value(1, 1, 2, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("z < 1");
        assertThatThrownBy(() -> Hypergeometric2F1.value(1, 1, -2, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-positive integer");
        assertThatThrownBy(() -> Hypergeometric2F1.value(1, 1, 2, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
