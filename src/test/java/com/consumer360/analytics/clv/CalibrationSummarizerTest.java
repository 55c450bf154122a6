package com.consumer360.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class CalibrationSummarizerTest {

    private static final LocalDate END = LocalDate.of(2024, 3, 31);

    @Test
    void matchesThePublishedCdnowSummaries() {
        // The published summary is keyed by sample_id (second column), the raw data by master_id.
        Map<String, String> sampleIdOf = new HashMap<>();
        for (String line : Cdnow.lines("CDNOW_sample.txt")) {
            String[] f = line.trim().split("\\s+");
            sampleIdOf.put(f[0], String.valueOf(Integer.parseInt(f[1])));
        }
        Map<String, CustomerSummary> ours = Cdnow.weekly().customers().stream()
                .collect(Collectors.toMap(c -> sampleIdOf.get(c.customerId()), Function.identity()));
        List<String> published = Cdnow.lines("cdnow_customers_summary.csv");

        assertThat(ours).hasSize(published.size() - 1).hasSize(2357);
        for (String row : published.subList(1, published.size())) {
            String[] f = row.split(",");
            CustomerSummary c = ours.get(f[0]);
            assertThat(c.frequency()).as("frequency of %s", f[0]).isEqualTo(Integer.parseInt(f[1]));
            assertThat(c.recency()).as("recency of %s", f[0]).isCloseTo(Double.parseDouble(f[2]), within(0.005 + 1e-9));
            assertThat(c.T()).as("T of %s", f[0]).isCloseTo(Double.parseDouble(f[3]), within(0.005 + 1e-9));
        }
        assertThat(ours.values().stream().filter(c -> c.frequency() > 0).count()).isEqualTo(946);
    }

    @Test
    void mergesSameDayPurchasesAndAveragesRepeatDaysOnly() {
        List<Purchase> purchases = List.of(
                new Purchase("c", LocalDate.of(2024, 1, 1), 100),
                new Purchase("c", LocalDate.of(2024, 1, 11), 10),
                new Purchase("c", LocalDate.of(2024, 1, 11), 20),
                new Purchase("c", LocalDate.of(2024, 1, 15), 50),
                new Purchase("c", LocalDate.of(2024, 4, 2), 70),
                new Purchase("c", LocalDate.of(2024, 4, 2), 1),
                new Purchase("c", LocalDate.of(2024, 4, 20), 5),
                new Purchase("late", LocalDate.of(2024, 4, 3), 9));

        CalibrationData data = CalibrationSummarizer.summarize(purchases, END, PeriodUnit.DAYS);

        // "late" bought first after calibration: not a calibration customer.
        assertThat(data.customers()).singleElement().satisfies(c -> {
            assertThat(c.frequency()).isEqualTo(2);
            assertThat(c.recency()).isEqualTo(14);
            assertThat(c.T()).isEqualTo(90);
            assertThat(c.monetaryValue()).isEqualTo(40);
            assertThat(c.holdoutFrequency()).isEqualTo(2);
        });
        assertThat(data.holdoutLength()).isEqualTo(20);
        int[] byDay = data.repeatPurchasesByDay();
        assertThat(byDay).hasSize(111);
        assertThat(byDay[10]).isEqualTo(1);
        assertThat(byDay[14]).isEqualTo(1);
        assertThat(byDay[92]).isEqualTo(1);
        assertThat(byDay[0]).isZero();
        assertThat(java.util.Arrays.stream(byDay).sum()).isEqualTo(4);
    }

    @Test
    void measuresInWeeks() {
        List<Purchase> purchases = List.of(
                new Purchase("c", LocalDate.of(2024, 3, 3), 1),
                new Purchase("c", LocalDate.of(2024, 3, 24), 3));

        CustomerSummary c = CalibrationSummarizer.summarize(purchases, END, PeriodUnit.WEEKS).customers().getFirst();

        assertThat(c.recency()).isEqualTo(3.0);
        assertThat(c.T()).isEqualTo(4.0);
        assertThat(c.monetaryValue()).isEqualTo(3.0);
    }

    @Test
    void rejectsACalibrationPeriodWithoutPurchases() {
        List<Purchase> purchases = List.of(new Purchase("c", LocalDate.of(2024, 5, 1), 1));

        assertThatThrownBy(() -> CalibrationSummarizer.summarize(purchases, END, PeriodUnit.DAYS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no purchases on or before the calibration end 2024-03-31");
    }
}
