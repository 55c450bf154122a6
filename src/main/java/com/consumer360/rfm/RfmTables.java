package com.consumer360.rfm;

import com.consumer360.warehouse.CellCustomer;
import com.consumer360.warehouse.CustomerExport;
import static com.consumer360.export.ExportColumn.date;
import static com.consumer360.export.ExportColumn.dateTime;
import static com.consumer360.export.ExportColumn.decimal;
import static com.consumer360.export.ExportColumn.fraction;
import static com.consumer360.export.ExportColumn.integer;
import static com.consumer360.export.ExportColumn.text;

import com.consumer360.export.ExportTable;
import java.util.List;
import java.util.function.Consumer;

/** The columns of the RFM pages' exports; the rows come from the scoped queries as the table is written. */
final class RfmTables {

    private RfmTables() {
    }

    /** Customers of a cell or a segment: the columns of the customer grid. */
    static ExportTable customers(String title, Consumer<Consumer<CellCustomer>> each) {
        return CustomerExport.table(title, each);
    }

    /** The segment table; shares as fractions. */
    static ExportTable segments(SegmentOverview overview) {
        return new ExportTable("Segments", List.of(text("segment"), integer("customers"), fraction("customer_share"),
                decimal("revenue"), fraction("revenue_share"), decimal("mean_recency_days"), decimal("mean_frequency"),
                decimal("mean_monetary"), decimal("mean_clv"), integer("customer_change_since_previous"),
                date("as_of"), date("previous_as_of"), text("segment_map_version")),
                sink -> overview.rows().forEach(row -> sink.row(row.segment(), row.customers(), row.customerShare(),
                        row.revenue(), row.revenueShare(), row.meanRecencyDays(), row.meanFrequency(),
                        row.meanMonetary(), row.meanClv(), row.customerChange(), overview.asOf(),
                        overview.previousAsOf(), overview.segmentMapVersion())));
    }

    /**
     * A segment's profile as one long table: a row per score value (R, F, M 1..5), per top country and per top
     * product; columns that do not apply to a row are empty.
     */
    static ExportTable profile(SegmentProfile p) {
        return new ExportTable("Profile " + p.segment(), List.of(text("segment"), text("section"), text("item"),
                text("description"), integer("customers"), fraction("share_of_segment_customers"), integer("units"),
                decimal("net_revenue")),
                sink -> {
                    scores(sink, p, "R score", p.byRScore());
                    scores(sink, p, "F score", p.byFScore());
                    scores(sink, p, "M score", p.byMScore());
                    p.topCountries().forEach(c -> sink.row(p.segment(), "Top country", c.country(), null,
                            c.customers(), share(c.customers(), p), null, null));
                    p.topProducts().forEach(product -> sink.row(p.segment(), "Top product", product.productCode(),
                            product.description(), product.customers(), share(product.customers(), p),
                            product.units(), product.revenue()));
                });
    }

    private static void scores(ExportTable.RowSink sink, SegmentProfile p, String section, List<Long> counts) {
        for (int score = 1; score <= counts.size(); score++) {
            long customers = counts.get(score - 1);
            sink.row(p.segment(), section, String.valueOf(score), null, customers, share(customers, p), null, null);
        }
    }

    private static Double share(long customers, SegmentProfile p) {
        return p.customers() == 0 ? null : (double) customers / p.customers();
    }

    /** Every invoice of one customer, newest first. */
    static ExportTable invoices(long customerId, Consumer<Consumer<CustomerInvoice>> each) {
        return new ExportTable("Invoices " + customerId, List.of(integer("customer_id"), text("invoice_no"),
                dateTime("invoiced_at"), integer("lines"), integer("units"), decimal("net_amount"),
                text("cancellation")),
                sink -> each.accept(i -> sink.row(customerId, i.invoiceNo(), i.invoicedAt(), i.lines(), i.units(),
                        i.netAmount(), i.cancellation() ? "yes" : "no")));
    }
}
