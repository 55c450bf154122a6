package com.consumer360.clv;

import static com.consumer360.export.ExportColumn.decimal;
import static com.consumer360.export.ExportColumn.fraction;
import static com.consumer360.export.ExportColumn.integer;
import static com.consumer360.export.ExportColumn.text;

import com.consumer360.export.ExportTable;
import java.util.List;
import java.util.function.Consumer;

/** The columns of the CLV page's exports: those of its lists, rows from the scoped queries as the table is written. */
final class ClvTables {

    private ClvTables() {
    }

    /**
     * Amounts (monetary, expected average value, CLV, value at risk) two decimals, P(alive) and expected purchases
     * four: the model's doubles carry digits that mean nothing (docs/operations.md, "Number formats").
     */
    static ExportTable customers(String title, Consumer<Consumer<ClvCustomer>> each) {
        return new ExportTable(title, List.of(integer("customer_id"), text("name"), text("region"), text("segment"),
                integer("recency_days"), integer("frequency"), decimal("monetary"), fraction("p_alive"),
                decimal("expected_purchases", 4), decimal("expected_avg_value"), decimal("clv"),
                decimal("value_at_risk")),
                sink -> each.accept(c -> sink.row(c.customerId(), c.name(), c.region(), c.segment(), c.recencyDays(),
                        c.frequency(), c.monetary(), c.pAlive(), c.expectedPurchases(), c.expectedAverageValue(),
                        c.clv(), c.valueAtRisk())));
    }
}
