package com.consumer360.batch;

import com.consumer360.analytics.metrics.CoreMetrics;
import com.consumer360.analytics.metrics.CoreMetricsCalculator;
import com.consumer360.analytics.metrics.GroupRevenue;
import com.consumer360.analytics.metrics.ProductSales;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes metrics.json: sales by month, top products by revenue and by quantity, revenue by region and country. */
final class MetricsStage implements OutputStage {

    static final int TOP_PRODUCTS = 10;

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public void write(Analysis analysis, Path outDir) throws IOException {
        CoreMetrics m = CoreMetricsCalculator.of(analysis.clean(), TOP_PRODUCTS);
        Map<String, Object> json = OutputFiles.object();
        json.put("sales_by_month", m.salesByMonth().stream().map(s -> OutputFiles.object(
                "month", s.month().toString(), "revenue", OutputFiles.number(s.revenue(), 2),
                "quantity", s.quantity(), "invoices", s.invoices())).toList());
        json.put("top_products_by_revenue", products(m.topProductsByRevenue()));
        json.put("top_products_by_quantity", products(m.topProductsByQuantity()));
        json.put("revenue_by_region", groups(m.revenueByRegion()));
        json.put("revenue_by_country", groups(m.revenueByCountry()));
        OutputFiles.writeJson(outDir.resolve("metrics.json"), json);
    }

    private static List<Map<String, Object>> products(List<ProductSales> products) {
        return products.stream().map(p -> OutputFiles.object("product_id", p.productId(),
                "description", p.description(), "revenue", OutputFiles.number(p.revenue(), 2),
                "quantity", p.quantity())).toList();
    }

    private static List<Map<String, Object>> groups(List<GroupRevenue> groups) {
        return groups.stream().map(g -> OutputFiles.object("name", g.name(),
                "revenue", OutputFiles.number(g.revenue(), 2), "share", OutputFiles.number(g.share(), 4))).toList();
    }
}
