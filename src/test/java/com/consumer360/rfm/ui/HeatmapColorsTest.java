package com.consumer360.rfm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.rfm.MatrixMetric;
import com.consumer360.rfm.RfmMatrix;
import com.consumer360.ui.Contrast;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The RFM heatmap's numbers are readable on every cell colour: WCAG AA (4.5:1) computed for each band. */
class HeatmapColorsTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyBandsNumbersPassWcagAaAndEveryValueHasABand() {
        List<RfmMatrix.Cell> cells = new ArrayList<>();
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                long customers = (long) r * f * f * 37;
                cells.add(new RfmMatrix.Cell(r, f, customers, BigDecimal.valueOf(customers * 123_45L, 2)));
            }
        }
        RfmMatrix matrix = new RfmMatrix(LocalDate.of(2026, 12, 1), cells);
        for (MatrixMetric metric : MatrixMetric.values()) {
            Map<String, Object> options = RfmMatrixView.heatmapOptions(matrix, metric);
            Map<String, Object> heatmap = (Map<String, Object>) ((Map<String, Object>) options.get("plotOptions"))
                    .get("heatmap");
            List<Map<String, Object>> bands = (List<Map<String, Object>>) ((Map<String, Object>) heatmap
                    .get("colorScale")).get("ranges");
            assertThat(bands).hasSize(5);
            for (Map<String, Object> band : bands) {
                assertThat(Contrast.ratio((String) band.get("color"), (String) band.get("foreColor")))
                        .as(metric + " " + band).isGreaterThanOrEqualTo(4.5);
            }
            for (Map<String, Object> row : (List<Map<String, Object>>) options.get("series")) {
                for (Map<String, Object> point : (List<Map<String, Object>>) row.get("data")) {
                    double y = ((Number) point.get("y")).doubleValue();
                    assertThat(bands).as(metric + " value " + y).anyMatch(b -> ((Number) b.get("from")).doubleValue()
                            <= y && y <= ((Number) b.get("to")).doubleValue());
                }
            }
            assertThat(bands.getFirst().get("foreColor")).as("the lightest band has dark numbers")
                    .isEqualTo(Contrast.BLACK);
            assertThat(bands.getLast().get("foreColor")).as("the darkest band has light numbers")
                    .isEqualTo(Contrast.WHITE);
        }
    }
}
