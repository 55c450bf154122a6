package com.consumer360.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class TransactionTableTest {

    @Test
    void encodesStringsAsDenseCodesInOrderOfFirstAppearance() {
        TransactionTable t = new TestTransactions()
                .line("c1", "i1", "2024-01-05", "p1", 2, 1.5)
                .line("c2", "i2", "2024-01-06", "p2", 1, 4.0)
                .line("c1", "C3", "2024-01-07", "p1", -1, 1.5)
                .table();

        assertThat(t.size()).isEqualTo(3);
        assertThat(t.customer(0)).isEqualTo(t.customer(2)).isZero();
        assertThat(t.customerId(t.customer(1))).isEqualTo("c2");
        assertThat(t.customerCount()).isEqualTo(2);
        assertThat(t.productDescription(t.product(0))).isEqualTo("product p1");
        assertThat(t.isCancellation(t.invoice(2))).isTrue();
        assertThat(t.isCancellation(t.invoice(0))).isFalse();
        assertThat(t.amount(0)).isEqualTo(3.0);
        assertThat(t.amount(2)).isEqualTo(-1.5);
        assertThat(t.date(1)).isEqualTo(LocalDate.of(2024, 1, 6));
    }

    @Test
    void aMinimalLineHasMissingCodesQuantityOneAndItsOwnTransaction() {
        var b = new TransactionTableBuilder(EnumSet.of(TransactionColumn.CUSTOMER_ID,
                TransactionColumn.INVOICE_DATE, TransactionColumn.AMOUNT));
        b.customer(" ").date(LocalDate.of(2024, 2, 1)).amount(9.99).addLine();
        TransactionTable t = b.build();

        assertThat(t.customer(0)).isEqualTo(-1);
        assertThat(t.invoice(0)).isEqualTo(-1);
        assertThat(t.product(0)).isEqualTo(-1);
        assertThat(t.quantity(0)).isEqualTo(1);
        assertThat(t.unitPrice(0)).isNaN();
        assertThat(t.amount(0)).isEqualTo(9.99);
        assertThat(t.has(TransactionColumn.REGION)).isFalse();
        assertThat(t.regionName(t.region(0))).isEqualTo(TransactionTable.MISSING_LABEL);
    }

    @Test
    void keepsEachLinesOwnDescriptionBesideItsProductsFirstNonBlankOne() {
        var b = new TransactionTableBuilder(EnumSet.of(TransactionColumn.PRODUCT_ID, TransactionColumn.DESCRIPTION,
                TransactionColumn.INVOICE_DATE, TransactionColumn.AMOUNT));
        b.product("p").description("Plate").date(LocalDate.EPOCH).amount(0).addLine();
        b.product("p").description(" ").date(LocalDate.EPOCH).amount(1).addLine();
        b.description("Thing").product("p").date(LocalDate.EPOCH).amount(1).addLine();
        b.product("p").description("Bowl").skipMalformedLine();
        b.product("p").description("Plate").date(LocalDate.EPOCH).amount(1).addLine();
        TransactionTable t = b.build();

        assertThat(t.productDescription(t.product(0))).isEqualTo("Plate");
        assertThat(t.lineDescription(1)).isEqualTo(-1);
        assertThat(t.lineDescriptionText(t.lineDescription(2))).isEqualTo("Thing");
        assertThat(t.lineDescription(3)).isEqualTo(t.lineDescription(0));
        assertThat(t.lineDescriptionText(t.lineDescription(3))).isEqualTo("Plate");
    }

    @Test
    void refusesALineWithoutDateOrAmount() {
        var b = new TransactionTableBuilder(EnumSet.of(TransactionColumn.CUSTOMER_ID));
        assertThatThrownBy(() -> b.customer("c").amount(1).addLine()).hasMessageContaining("date");
        assertThatThrownBy(() -> b.customer("c").date(LocalDate.EPOCH).addLine()).hasMessageContaining("amount");
    }

    @Test
    void growsPastItsInitialCapacity() {
        var b = new TransactionTableBuilder(EnumSet.of(TransactionColumn.CUSTOMER_ID));
        for (int i = 0; i < 10_000; i++) {
            b.customer("c" + (i % 7)).dateTime(i, 0).amount(i).addLine();
        }
        TransactionTable t = b.build();
        assertThat(t.size()).isEqualTo(10_000);
        assertThat(t.amount(9_999)).isEqualTo(9_999.0);
        assertThat(t.customerCount()).isEqualTo(7);
    }
}
