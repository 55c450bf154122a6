package com.consumer360.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** WCAG 2.x contrast ratios, against the W3C's published examples, and the heatmaps' text colour choice. */
class ContrastTest {

    private static final int[] BLUE = {31, 111, 235};

    @Test
    void ratiosMatchTheWcagDefinition() {
        assertThat(Contrast.ratio("#000000", "#ffffff")).isCloseTo(21.0, within(1e-9));
        assertThat(Contrast.ratio("#ffffff", "#ffffff")).isCloseTo(1.0, within(1e-9));
        // WebAIM's contrast checker: #767676 on white is 4.54:1, the lightest grey that passes AA.
        assertThat(Contrast.ratio("#767676", "#ffffff")).isCloseTo(4.54, within(0.01));
        assertThat(Contrast.ratio("#777777", "#ffffff")).isLessThan(4.5);
    }

    @Test
    void whiteOnTheLightBlueOfTheOldHeatmapsFailedAa() {
        String lightBlue = Contrast.overWhite(BLUE, 0.5);
        assertThat(Contrast.ratio(lightBlue, Contrast.WHITE)).isLessThan(3.0);
        assertThat(Contrast.textOn(lightBlue)).isEqualTo(Contrast.BLACK);
    }

    @Test
    void everyShadeOfTheHeatmapBlueGetsTextThatPassesAa() {
        for (int step = 0; step <= 1000; step++) {
            String background = Contrast.overWhite(BLUE, step / 1000.0);
            assertThat(Contrast.ratio(background, Contrast.textOn(background))).as(background)
                    .isGreaterThanOrEqualTo(4.5);
        }
        for (int grey = 0; grey <= 255; grey++) {
            String background = String.format("#%02x%02x%02x", grey, grey, grey);
            assertThat(Contrast.ratio(background, Contrast.textOn(background))).as(background)
                    .isGreaterThanOrEqualTo(4.5);
        }
    }
}
