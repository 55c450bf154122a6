package com.consumer360.demodata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.consumer360.analytics.clv.BgNbdModel;
import com.consumer360.analytics.clv.CalibrationData;
import com.consumer360.analytics.clv.CalibrationSummarizer;
import com.consumer360.analytics.clv.PeriodUnit;
import com.consumer360.analytics.clv.Purchase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The CLV engine recovers the demo retailer's planted purchase process (docs/demo-data.md): BG/NBD with
 * r = 0.9, alpha = 60 (days), a = 0.8, b = 4.0.
 */
class DemoGroundTruthRecoveryTest {

    @Test
    void bgNbdFitOnTheDemoDataFindsThePlantedParameters() {
        LocalDate end = LocalDate.of(2026, 10, 31);
        DemoParameters truth = DemoParameters.standard();
        Map<String, Purchase> invoices = new HashMap<>();
        new DemoDataGenerator(42, 600_000, end, truth).generate(new DemoSink() {
            @Override
            public void customer(Customer customer) {
            }

            @Override
            public void line(Line line) {
                if (!line.cancellation()) {
                    invoices.merge(line.invoiceNo(), new Purchase(Long.toString(line.customerId()),
                            line.timestamp().toLocalDate(), line.amountCents() / 100.0),
                            (a, b) -> new Purchase(a.customerId(), a.date(), a.amount() + b.amount()));
                }
            }
        });
        CalibrationData data = CalibrationSummarizer.summarize(new ArrayList<>(invoices.values()), end, PeriodUnit.DAYS);
        BgNbdModel fitted = BgNbdModel.fit(data.customers()).model();
        // ~39,000 customers: sampling error of a few percent on r and alpha, more on the drop-out parameters,
        // plus a small bias because the generator does not merge two purchases on one day.
        assertThat(fitted.r()).isCloseTo(truth.r(), within(0.15 * truth.r()));
        assertThat(fitted.alpha()).isCloseTo(truth.alpha(), within(0.15 * truth.alpha()));
        assertThat(fitted.a() / (fitted.a() + fitted.b()))
                .as("mean drop-out probability a / (a + b)")
                .isCloseTo(truth.a() / (truth.a() + truth.b()), within(0.2 * truth.a() / (truth.a() + truth.b())));
        assertThat(fitted.a()).isCloseTo(truth.a(), within(0.35 * truth.a()));
        assertThat(fitted.b()).isCloseTo(truth.b(), within(0.35 * truth.b()));
    }
}
