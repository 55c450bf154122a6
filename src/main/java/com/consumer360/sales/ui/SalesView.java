package com.consumer360.sales.ui;

import com.consumer360.sales.SalesOverview;
import com.consumer360.sales.SalesOverview.ProductSales;
import com.consumer360.sales.SalesOverview.RegionSales;
import com.consumer360.sales.SalesService;
import com.consumer360.ui.chart.ApexChart;
import com.consumer360.ui.chart.ChartOptions;
import com.consumer360.ui.chart.ChartOptions.Series;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Sales trend by month, top products by revenue and by units, revenue by region, in the user's regions. */
@Route("sales")
@RouteAlias("")
@PageTitle("Sales · Consumer360")
@Menu(title = "Sales", order = 1)
@PermitAll
public class SalesView extends VerticalLayout {


    public SalesView(SalesService sales) {
        addClassName("c360-page");
        SalesOverview overview = sales.overview();
        add(new H2("Sales"), definitions());
        add(new ApexChart(ChartOptions.line("Net revenue by month",
                overview.byMonth().stream().map(m -> m.month().toString()).toList(),
                List.of(new Series("Net revenue", overview.byMonth().stream().map(m -> m.netRevenue()).toList())),
                "Net revenue")));
        Div products = new Div(topChart("Top 10 products by net revenue", overview.topByRevenue(),
                        ProductSales::netRevenue, "Net revenue"),
                topChart("Top 10 products by units", overview.topByQuantity(), p -> p.units(), "Units"));
        products.addClassName("c360-two-columns");
        products.setWidthFull();
        add(products);
        List<RegionSales> regions = overview.byRegion();
        add(new ApexChart(ChartOptions.bar("Net revenue by region", regions.stream().map(RegionSales::region).toList(),
                List.of(new Series("Net revenue", regions.stream().map(RegionSales::netRevenue).toList())), false)));
        add(regionGrid(regions));
    }

    private static Details definitions() {
        Details details = new Details("Definitions", new Paragraph(
                "Net revenue = sum of quantity × unit price over all invoice lines, with cancellations (invoices "
                        + "starting with C) counted negative. Units = net quantity. Invoices = distinct invoice numbers, "
                        + "cancellations included. Only the regions you are assigned to are counted."));
        details.setId("sales-definitions");
        return details;
    }

    private static <T extends Number> ApexChart topChart(String title, List<ProductSales> top,
                                                         Function<ProductSales, T> value, String name) {
        return new ApexChart(ChartOptions.bar(title, top.stream().map(ProductSales::description).toList(),
                List.of(new Series(name, top.stream().map(value).toList())), true));
    }

    private static Grid<RegionSales> regionGrid(List<RegionSales> regions) {
        Grid<RegionSales> grid = new Grid<>();
        grid.setId("region-grid");
        grid.addColumn(RegionSales::region).setHeader("Region");
        grid.addColumn(r -> money(r.netRevenue())).setHeader("Net revenue").setTextAlign(
                com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(RegionSales::customers).setHeader("Customers");
        grid.addColumn(RegionSales::invoices).setHeader("Invoices");
        grid.setItems(regions);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        return grid;
    }

    /** NumberFormat is not thread-safe, and views of several sessions render at once: one per call. */
    private static String money(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.UK);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }
}
