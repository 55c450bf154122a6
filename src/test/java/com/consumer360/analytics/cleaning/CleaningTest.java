package com.consumer360.analytics.cleaning;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.analytics.TestTransactions;
import com.consumer360.analytics.TransactionColumn;
import com.consumer360.analytics.TransactionTable;
import com.consumer360.analytics.TransactionTableBuilder;
import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class CleaningTest {

    @Test
    void countsEveryLineUnderExactlyOneReason() {
        TransactionTable table = new TestTransactions()
                .line("c1", "i1", "2024-01-05", "p1", 2, 1.5)     // kept
                .line("c1", "i1", "2024-01-05", "p1", 2, 1.5)     // exact duplicate of line 1
                .line("c1", "i1", "2024-01-05", "p1", 3, 1.5)     // kept: quantity differs
                .line("c2", "i2", "2024-01-06", "p2", 1, 0.0)     // zero price
                .line("c2", "i2", "2024-01-06", "p2", 1, 0.0)     // zero price again, not a duplicate
                .line("c2", "i3", "2024-01-06", "p3", 1, -11.0)   // negative price (a UCI "bad debt" line)
                .line("c2", "C4", "2024-01-07", "p1", -1, 1.5)    // cancellation: kept, nets
                .line(null, "i5", "2024-01-08", "p1", 4, 1.5)     // missing customer: kept for sales
                .line("c3", "i6", "2024-01-08", "p2", -2, 4.0)    // return outside a C invoice: kept, nets
                .table();

        CleaningReport report = Cleaning.clean(table).report();

        assertThat(report).isEqualTo(new CleaningReport(9, 5, 0, 3, 1, 1, 1, 1, 3, 4));
        assertThat(report.linesKept() + report.malformed() + report.nonPositivePrice() + report.exactDuplicates())
                .isEqualTo(report.linesRead());
    }

    @Test
    void keptRowsStayInInputOrderAndClassifyPurchases() {
        CleanedTransactions clean = Cleaning.clean(new TestTransactions()
                .line("c1", "i1", "2024-01-05", "p1", 2, 1.5)
                .line("c1", "i2", "2024-01-05", "p1", 1, 0)
                .line("c1", "C3", "2024-01-09", "p1", -1, 1.5)
                .table());

        assertThat(clean.size()).isEqualTo(2);
        assertThat(clean.row(0)).isZero();
        assertThat(clean.row(1)).isEqualTo(2);
        assertThat(clean.isPurchase(0)).isTrue();
        assertThat(clean.isPurchase(2)).isFalse();
        assertThat(LocalDate.ofEpochDay(clean.lastDay())).isEqualTo(LocalDate.of(2024, 1, 9));
    }

    @Test
    void withoutUnitPriceAZeroAmountIsAZeroValueTransactionAndANegativeAmountIsAReturn() {
        var b = new TransactionTableBuilder(EnumSet.of(TransactionColumn.CUSTOMER_ID,
                TransactionColumn.INVOICE_DATE, TransactionColumn.AMOUNT));
        LocalDate day = LocalDate.of(2024, 3, 1);
        b.customer("a").date(day).amount(10).addLine();
        b.customer("a").date(day).amount(0).addLine(); // no price to judge: kept (BTYD counts $0 purchases)
        b.customer("a").date(day).amount(-4).addLine();
        b.customer("a").date(day).amount(10).addLine(); // identical in every column: a duplicate
        b.skipMalformedLine();

        CleaningReport report = Cleaning.clean(b.build()).report();

        assertThat(report).isEqualTo(new CleaningReport(5, 3, 1, 0, 1, 0, 1, 0, 1, 3));
    }
}
