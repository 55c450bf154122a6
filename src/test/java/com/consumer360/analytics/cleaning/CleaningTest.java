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

        assertThat(report).isEqualTo(new CleaningReport(9, 5, 0, 3, 1, 1, 1, 1, 3, 4,
                3, 6, 0, 2, 0, 0, 2));
        assertThat(report.linesKept() + report.malformed() + report.nonPositivePrice() + report.exactDuplicates())
                .isEqualTo(report.linesRead());
        // c2 keeps its cancellation, so the price rule removes its invoices i2 and i3 but not the customer; c2
        // (only a cancellation) and c3 (only a return) are kept without a purchase.
        assertThat(report.inputCustomers() - report.customersRemovedByPrice() - report.customersRemovedAsDuplicates())
                .isEqualTo(report.customers());
        assertThat(report.inputInvoices() - report.invoicesRemovedByPrice() - report.invoicesRemovedAsDuplicates())
                .isEqualTo(report.invoices());
    }

    @Test
    void aCustomerWhoseEveryLineHasNoPriceIsRemovedByThePriceRuleAndCounted() {
        CleaningReport report = Cleaning.clean(new TestTransactions()
                .line("c1", "i1", "2024-01-05", "p1", 2, 1.5)
                .line("c2", "i2", "2024-01-05", "p1", 1, 0)       // c2's only lines have a zero price
                .line("c2", "i3", "2024-01-06", "p2", 5, 0)
                .line("c1", "i4", "2024-01-06", "p2", 1, 0)       // i4 goes, c1 stays
                .line("c1", "i1", "2024-01-05", "p1", 2, 1.5)     // an exact duplicate: removes no one
                .table()).report();

        assertThat(report.inputCustomers()).isEqualTo(2);
        assertThat(report.inputInvoices()).isEqualTo(4);
        assertThat(report.customersRemovedByPrice()).isEqualTo(1);
        assertThat(report.invoicesRemovedByPrice()).isEqualTo(3);
        assertThat(report.exactDuplicates()).isEqualTo(1);
        assertThat(report.customersRemovedAsDuplicates()).isZero();
        assertThat(report.invoicesRemovedAsDuplicates()).isZero();
        assertThat(report.customers()).isEqualTo(1);
        assertThat(report.invoices()).isEqualTo(1);
        assertThat(report.customersWithoutPurchase()).isZero();
    }

    @Test
    void equalLinesAreDuplicatesOnlyWhenTheyCarryAnInvoiceId() {
        var b = new TransactionTableBuilder(EnumSet.of(TransactionColumn.CUSTOMER_ID, TransactionColumn.INVOICE_ID,
                TransactionColumn.INVOICE_DATE, TransactionColumn.AMOUNT));
        LocalDate day = LocalDate.of(1997, 7, 31);
        b.customer("147").date(day).amount(9.77).addLine();              // CDNOW: two CDs of 9.77 on one day
        b.customer("147").date(day).amount(9.77).addLine();              // no invoice id: a second purchase
        b.customer("148").invoice("7").date(day).amount(9.77).addLine();
        b.customer("148").invoice("7").date(day).amount(9.77).addLine(); // the same identified line twice

        CleanedTransactions clean = Cleaning.clean(b.build());

        assertThat(clean.size()).isEqualTo(3);
        assertThat(clean.report().exactDuplicates()).isEqualTo(1);
        assertThat(clean.report().invoices()).isEqualTo(3);
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
        b.customer("a").date(day).amount(10).addLine(); // identical, but no invoice id: a purchase of its own
        b.skipMalformedLine();

        CleaningReport report = Cleaning.clean(b.build()).report();

        assertThat(report).isEqualTo(new CleaningReport(5, 4, 1, 0, 0, 0, 1, 0, 1, 4, 1, 4, 0, 0, 0, 0, 0));
    }
}
