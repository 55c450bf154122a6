package com.consumer360.analytics.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.analytics.TestTransactions;
import com.consumer360.analytics.cleaning.CleanedTransactions;
import com.consumer360.analytics.cleaning.Cleaning;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RfmAggregatesTest {

    private static final CleanedTransactions SHOP = Cleaning.clean(new TestTransactions()
            // a: two invoices on one day and one later; frequency counts invoices, not days or lines
            .line("a", "i1", "2024-01-10", "p1", 2, 5.0)
            .line("a", "i1", "2024-01-10", "p2", 1, 3.0)
            .line("a", "i2", "2024-01-10", "p1", 1, 5.0)
            .line("a", "i3", "2024-01-20", "p3", 1, 7.0)
            // b: one purchase, then returns worth more than it (goods bought before the data starts)
            .line("b", "i4", "2024-01-15", "p1", 1, 5.0)
            .line("b", "C5", "2024-01-28", "p2", -4, 3.0)
            // c: only a return; no purchase, so no recency and no RFM row
            .line("c", "C6", "2024-01-29", "p1", -1, 5.0)
            // missing customer id: sales only
            .line(null, "i7", "2024-01-30", "p1", 10, 5.0)
            .table());

    @Test
    void defaultAsOfIsTheDayAfterTheLastKeptLine() {
        assertThat(RfmAggregates.defaultAsOf(SHOP)).isEqualTo(LocalDate.of(2024, 1, 31));
    }

    @Test
    void aggregatesPurchasesAndNetsReturns() {
        // a: last purchase 01-20 -> 11 days to 01-31; invoices i1, i2, i3; 2*5 + 3 + 5 + 7 = 25.
        // b: last purchase 01-15 -> 16 days (the later return is not a purchase); 1 invoice; 5 - 12 = -7.
        assertThat(RfmAggregates.of(SHOP, LocalDate.of(2024, 1, 31))).containsExactly(
                new CustomerRfm("a", 11, 3, 25.0),
                new CustomerRfm("b", 16, 1, -7.0));
    }

    @Test
    void anInvoiceSharedByTwoCustomersCountsForEach() {
        CleanedTransactions clean = Cleaning.clean(new TestTransactions()
                .line("a", "i1", "2024-01-10", "p1", 1, 5.0)
                .line("b", "i1", "2024-01-10", "p2", 1, 5.0)
                .line("a", "i1", "2024-01-10", "p3", 1, 5.0)
                .table());
        assertThat(RfmAggregates.of(clean, LocalDate.of(2024, 1, 11)))
                .extracting(CustomerRfm::frequency).containsExactly(1, 1);
    }

    @Test
    void refusesAnAsOfDateBeforeAPurchase() {
        assertThatThrownBy(() -> RfmAggregates.of(SHOP, LocalDate.of(2024, 1, 12)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2024-01-20");
    }
}
