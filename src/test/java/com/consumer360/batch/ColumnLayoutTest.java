package com.consumer360.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.analytics.TransactionColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnLayoutTest {

    @Test
    void recognisesTheUciLayout() throws BadInputException {
        ColumnLayout layout = ColumnLayout.of("f.csv", List.of("InvoiceNo", "StockCode", "Description", "Quantity",
                "InvoiceDate", "UnitPrice", "CustomerID", "Country"));
        assertThat(layout.position(TransactionColumn.INVOICE_ID)).isZero();
        assertThat(layout.position(TransactionColumn.PRODUCT_ID)).isEqualTo(1);
        assertThat(layout.position(TransactionColumn.UNIT_PRICE)).isEqualTo(5);
        assertThat(layout.position(TransactionColumn.CUSTOMER_ID)).isEqualTo(6);
        assertThat(layout.position(TransactionColumn.AMOUNT)).isEqualTo(-1);
    }

    @Test
    void recognisesTheGenericLayoutInAnyOrderAndCase() throws BadInputException {
        ColumnLayout layout = ColumnLayout.of("f.csv", List.of("Region", "amount", "Invoice_Date", "CUSTOMER_ID",
                "ignored"));
        assertThat(layout.columns()).containsExactlyInAnyOrder(TransactionColumn.REGION, TransactionColumn.AMOUNT,
                TransactionColumn.INVOICE_DATE, TransactionColumn.CUSTOMER_ID);
    }

    @Test
    void namesTheMissingColumn() {
        assertThatThrownBy(() -> ColumnLayout.of("f.csv", List.of("customer_id", "amount")))
                .hasMessage("f.csv: line 1, column invoice_date: no column named invoice_date or InvoiceDate");
        assertThatThrownBy(() -> ColumnLayout.of("f.csv", List.of("customer_id", "invoice_date", "quantity")))
                .hasMessageStartingWith("f.csv: line 1, column amount: no amount column");
    }
}
