package com.consumer360.summary;

import static com.consumer360.export.ExportColumn.date;
import static com.consumer360.export.ExportColumn.decimal;
import static com.consumer360.export.ExportColumn.fraction;
import static com.consumer360.export.ExportColumn.integer;
import static com.consumer360.export.ExportColumn.text;

import com.consumer360.export.ExportTable;
import com.consumer360.warehouse.CellCustomer;
import com.consumer360.warehouse.CustomerExport;
import java.util.List;
import java.util.function.Consumer;

/** The summary's exports as tables for the export package. */
final class SummaryTables {

    private SummaryTables() {
    }

    /**
     * The whole summary as one long table: a section column says which part a row belongs to (headline, segment,
     * movement, region); columns that do not apply to a row are empty.
     */
    static ExportTable summary(WeeklySummary s) {
        return new ExportTable("Weekly summary", List.of(text("section"), text("item"), text("to"), date("as_of"),
                date("previous_as_of"), integer("customers"), integer("previous_customers"), integer("active"),
                integer("new_customers"), integer("lost_customers"), decimal("revenue"), decimal("previous_revenue"),
                integer("orders"), decimal("average_order_value"), decimal("total_or_mean_clv"),
                decimal("previous_mean_clv"), fraction("share_of_origin")), sink -> {
                    if (s.current() == null) {
                        return;
                    }
                    Figures c = s.current();
                    var previousAsOf = s.previous() == null ? null : s.previous().snapshot().asOf();
                    sink.row("headline", "selected pair", null, c.snapshot().asOf(), previousAsOf, c.customers(),
                            s.previous() == null ? null : s.previous().customers(), c.active(), c.newCustomers(),
                            c.lost(), c.revenue(), null, c.orders(), c.averageOrderValue(), c.totalClv(), null, null);
                    for (Figures h : s.history()) {
                        sink.row("history", "snapshot", null, h.snapshot().asOf(), null, h.customers(), null,
                                h.active(), h.newCustomers(), null, h.revenue(), null, h.orders(),
                                h.averageOrderValue(), h.totalClv(), null, null);
                    }
                    for (WeeklySummary.SegmentRow r : s.segments()) {
                        sink.row("segment", r.segment(), null, c.snapshot().asOf(), previousAsOf, r.customers(),
                                r.previousCustomers(), null, null, null, r.revenue(), r.previousRevenue(), null, null,
                                r.meanClv(), r.previousMeanClv(), null);
                    }
                    for (WeeklySummary.Move m : s.movement()) {
                        sink.row("movement", m.from(), m.to(), c.snapshot().asOf(), previousAsOf, m.customers(), null,
                                null, null, null, null, null, null, null, null, null, m.shareOfOrigin());
                    }
                    for (WeeklySummary.RegionRow r : s.regions()) {
                        sink.row("region", r.region(), null, c.snapshot().asOf(), previousAsOf, null, null, r.active(),
                                r.newCustomers(), r.lost(), r.revenue(), null, null, null, r.totalClv(), null, null);
                    }
                });
    }

    /** The customers of a movement cell: the columns of every customer list. */
    static ExportTable movers(String title, Consumer<Consumer<CellCustomer>> each) {
        return CustomerExport.table(title, each);
    }
}
