package com.consumer360.warehouse;

import static com.consumer360.export.ExportColumn.decimal;
import static com.consumer360.export.ExportColumn.integer;
import static com.consumer360.export.ExportColumn.text;

import com.consumer360.export.ExportTable;
import java.util.List;
import java.util.function.Consumer;

/** Every customer list's export: the columns of the customer grid, in the list's order. */
public final class CustomerExport {

    private CustomerExport() {
    }

    /** A table of the customers {@code each} streams; {@code title} becomes the sheet name. */
    public static ExportTable table(String title, Consumer<Consumer<CellCustomer>> each) {
        return new ExportTable(title, List.of(integer("customer_id"),
                text("name"), text("region"), integer("recency_days"), integer("frequency"), decimal("monetary"),
                text("segment"), decimal("clv")),
                sink -> each.accept(c -> sink.row(c.customerId(), c.name(), c.region(), c.recencyDays(),
                        c.frequency(), c.monetary(), c.segment(), c.clv())));
    }
}
