package com.consumer360.behaviour;

import static com.consumer360.export.ExportColumn.decimal;
import static com.consumer360.export.ExportColumn.integer;
import static com.consumer360.export.ExportColumn.text;

import com.consumer360.export.ExportTable;
import com.consumer360.warehouse.CellCustomer;
import java.util.List;
import java.util.function.Consumer;

/** The columns of the behaviour map's exports; the rows come from the scoped queries as the table is written. */
final class BehaviourTables {

    private BehaviourTables() {
    }

    /** A group's customers: the columns of the customer grid (as for a matrix cell). */
    static ExportTable customers(String title, Consumer<Consumer<CellCustomer>> each) {
        return new ExportTable(title, List.of(integer("customer_id"), text("name"), text("region"),
                integer("recency_days"), integer("frequency"), decimal("monetary"), text("segment"), decimal("clv")),
                sink -> each.accept(c -> sink.row(c.customerId(), c.name(), c.region(), c.recencyDays(),
                        c.frequency(), c.monetary(), c.segment(), c.clv())));
    }

    /** The plotted points, in sample order, with their recency band. */
    static ExportTable points(Consumer<Consumer<CellCustomer>> each) {
        return new ExportTable("Behaviour map", List.of(integer("customer_id"), text("name"), text("region"),
                integer("recency_days"), text("recency_band"), integer("frequency"), decimal("monetary"),
                text("segment"), decimal("clv")),
                sink -> each.accept(c -> sink.row(c.customerId(), c.name(), c.region(), c.recencyDays(),
                        RecencyBand.of(c.recencyDays()).label(), c.frequency(), c.monetary(), c.segment(),
                        c.clv())));
    }

    /**
     * The comparison in long form: first the two rules and the snapshot (text in {@code item}), then the summary
     * figures, then customers per bin of each histogram. Shares are fractions, so the figures keep four decimals.
     */
    static ExportTable comparison(GroupComparison c) {
        return new ExportTable("Group comparison", List.of(text("section"), text("item"), decimal("group_a", 4),
                decimal("group_b", 4)),
                sink -> {
                    GroupComparison.Group a = c.a();
                    GroupComparison.Group b = c.b();
                    sink.row("rule", "A: " + a.rule().describe(), null, null);
                    sink.row("rule", "B: " + b.rule().describe(), null, null);
                    sink.row("snapshot", "as of " + c.asOf(), null, null);
                    sink.row("summary", "customers", a.customers(), b.customers());
                    sink.row("summary", "revenue", a.revenue(), b.revenue());
                    sink.row("summary", "revenue_share", a.revenueShare(), b.revenueShare());
                    sink.row("summary", "mean_recency_days", a.meanRecencyDays(), b.meanRecencyDays());
                    sink.row("summary", "median_recency_days", a.medianRecencyDays(), b.medianRecencyDays());
                    sink.row("summary", "mean_frequency", a.meanFrequency(), b.meanFrequency());
                    sink.row("summary", "median_frequency", a.medianFrequency(), b.medianFrequency());
                    sink.row("summary", "mean_monetary", a.meanMonetary(), b.meanMonetary());
                    sink.row("summary", "median_monetary", a.medianMonetary(), b.medianMonetary());
                    sink.row("summary", "mean_clv", a.meanClv(), b.meanClv());
                    sink.row("summary", "customers_in_both", c.inBoth(), c.inBoth());
                    sink.row("summary", "customers_shown", c.customersShown(), c.customersShown());
                    sink.row("summary", "revenue_shown", c.revenueShown(), c.revenueShown());
                    histogram(sink, "recency_days", c.recency());
                    histogram(sink, "frequency", c.frequency());
                    histogram(sink, "monetary", c.monetary());
                });
    }

    private static void histogram(ExportTable.RowSink sink, String section, GroupComparison.Histogram histogram) {
        for (int i = 0; i < histogram.bins().size(); i++) {
            sink.row(section, histogram.bins().get(i), histogram.a().get(i), histogram.b().get(i));
        }
    }
}
