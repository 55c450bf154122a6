package com.consumer360.rfm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.rfm.CustomerDetail;
import com.consumer360.rfm.CustomerDetail.ScoreRange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreExplanationsTest {

    private static CustomerDetail customer(ScoreRange recency, ScoreRange frequency) {
        return new CustomerDetail(1, "C1", "A", "North", "UK", LocalDate.of(2026, 12, 7), 1, 1, BigDecimal.TEN,
                5, 1, 1, "New Customers", "v1", null, null, null, recency, frequency,
                new ScoreRange(1, BigDecimal.ONE, BigDecimal.TEN, 12), List.of(), List.of());
    }

    @Test
    void oneInvoiceAndOneDayAreSingular() {
        CustomerDetail c = customer(new ScoreRange(5, BigDecimal.ONE, BigDecimal.ONE, 40),
                new ScoreRange(1, BigDecimal.ONE, BigDecimal.ONE, 1_200));
        assertThat(ScoreExplanations.frequency(c))
                .isEqualTo("F = 1 because of 1 purchase invoice. The 1,200 customers with F = 1 in your regions all "
                        + "have 1 invoice.");
        assertThat(ScoreExplanations.recency(c)).endsWith("The 40 customers with R = 5 in your regions all last bought "
                + "1 day before it.");
    }

    @Test
    void otherCountsArePlural() {
        CustomerDetail c = customer(new ScoreRange(5, BigDecimal.ONE, BigDecimal.valueOf(30), 40),
                new ScoreRange(2, BigDecimal.TWO, BigDecimal.TWO, 300));
        assertThat(ScoreExplanations.frequency(c)).endsWith("all have 2 invoices.");
        assertThat(ScoreExplanations.recency(c)).endsWith("last bought between 1 and 30 days before it.");
    }
}
