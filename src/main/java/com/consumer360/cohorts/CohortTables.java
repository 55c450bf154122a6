package com.consumer360.cohorts;

import static com.consumer360.export.ExportColumn.decimal;
import static com.consumer360.export.ExportColumn.fraction;
import static com.consumer360.export.ExportColumn.integer;
import static com.consumer360.export.ExportColumn.text;

import com.consumer360.export.ExportTable;
import com.consumer360.warehouse.CellCustomer;
import java.util.List;
import java.util.function.Consumer;

/** The columns of the cohorts page's exports; the rows come from the scoped queries as the table is written. */
final class CohortTables {

    private CohortTables() {
    }

    /** The matrix as shown, one row per (cohort, period): counts, revenue and both retentions as fractions. */
    static ExportTable matrix(RetentionMatrix matrix) {
        return new ExportTable("Cohorts", List.of(text("cohort_month"), integer("cohort_size"), integer("period"),
                text("month"), integer("active_customers"), fraction("customer_retention"), decimal("revenue"),
                fraction("revenue_retention")),
                sink -> matrix.rows().forEach(row -> row.cells().forEach(cell -> sink.row(row.cohort().toString(),
                        row.size(), cell.period(), cell.month().toString(), cell.customers(), cell.retention(),
                        cell.revenue(), cell.revenueRetention()))));
    }

    /** A cell's customers: the columns of the customer grid. */
    static ExportTable customers(String title, Consumer<Consumer<CellCustomer>> each) {
        return new ExportTable(title, List.of(integer("customer_id"), text("name"), text("region"),
                integer("recency_days"), integer("frequency"), decimal("monetary"), text("segment"), decimal("clv")),
                sink -> each.accept(c -> sink.row(c.customerId(), c.name(), c.region(), c.recencyDays(),
                        c.frequency(), c.monetary(), c.segment(), c.clv())));
    }
}
