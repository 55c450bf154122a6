package com.consumer360.customsegments;

import com.consumer360.export.ExportColumn;
import com.consumer360.export.ExportTable;
import java.util.List;

/** The comparison of segments as an export table: one row per segment, one column per figure. */
final class ComparisonTable {

    private ComparisonTable() {
    }

    static ExportTable of(List<SegmentFigures> figures) {
        return new ExportTable("Comparison", List.of(ExportColumn.text("segment"), ExportColumn.text("source"),
                ExportColumn.date("as_of"), ExportColumn.integer("customers"), ExportColumn.integer("base_customers"),
                ExportColumn.fraction("share_of_base"), ExportColumn.decimal("revenue"),
                ExportColumn.decimal("average_order_value"), ExportColumn.decimal("mean_recency_days"),
                ExportColumn.decimal("mean_frequency"), ExportColumn.decimal("mean_clv"),
                ExportColumn.fraction("mean_p_alive")),
                sink -> figures.forEach(f -> sink.row(f.name(), f.source(), f.asOf(), f.customers(),
                        f.baseCustomers(), f.share(), f.revenue(), f.averageOrderValue(), f.meanRecencyDays(),
                        f.meanFrequency(), f.meanClv(), f.meanPAlive())));
    }
}
