package com.consumer360.sales.ui;

import com.consumer360.sales.ProductRankings.ProductSales;
import com.consumer360.sales.ProductRankings;
import com.consumer360.sales.SalesFilter;
import com.consumer360.sales.SalesOverview.MonthlySales;
import com.consumer360.sales.SalesOverview.RegionSales;
import com.consumer360.sales.SalesOverview;
import com.consumer360.sales.SalesService;
import com.consumer360.ui.DateFields;
import com.consumer360.ui.ExportLinks;
import com.consumer360.ui.FieldChecks;
import com.consumer360.ui.Formats;
import com.consumer360.ui.PageHeader;
import com.consumer360.ui.RegionFilter;
import com.consumer360.ui.chart.ApexChart;
import com.consumer360.ui.chart.ChartOptions.Series;
import com.consumer360.ui.chart.ChartOptions;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * Sales trend by month, top products by revenue and by units, revenue by region, in the user's regions, narrowed by
 * a date range and (for users of several regions) regions; the trend and the region table export as CSV and XLSX.
 */
@Route("sales")
@RouteAlias("")
@PageTitle("Sales · Consumer360")
@Menu(title = "Sales", order = 1)
@PermitAll
public class SalesView extends VerticalLayout {

    static final String MONTH_TO_DATE = "month to date";
    private static final String REVENUE_TITLE = "Top 10 products by net revenue";
    private static final String UNITS_TITLE = "Top 10 products by units";

    private final SalesService sales;
    private final DatePicker from = DateFields.iso("From");
    private final DatePicker to = DateFields.iso("To");
    private final RegionFilter regions;
    private final Paragraph summary = new Paragraph();
    private final Div content = new Div();
    private final ExportLinks monthExport = new ExportLinks("sales-month-export");
    private final ExportLinks regionExport = new ExportLinks("sales-region-export");

    public SalesView(SalesService sales) {
        this.sales = sales;
        addClassName("c360-page");
        setId("sales-view");
        from.setId("sales-from");
        to.setId("sales-to");
        for (DatePicker date : List.of(from, to)) {
            date.setClearButtonVisible(true);
            date.setWidth("10rem");
            date.setPlaceholder(date == from ? "first sale" : "latest sale");
            date.addValueChangeListener(e -> reload());
            // Text that is no date changes no value: the field's own check says so, and the page follows.
            date.addValidationStatusChangeListener(e -> reload());
        }
        regions = new RegionFilter(sales.regions(), this::reload);
        summary.addClassName("c360-muted");
        summary.setId("sales-summary");
        content.setWidthFull();
        add(PageHeader.of("Sales", summary, PageHeader.pair(from, to), regions), definitions(), content);
        reload();
    }

    private void refuse(String message) {
        summary.setText(message);
        content.setVisible(false);
    }

    private void reload() {
        if (FieldChecks.refused(from) || FieldChecks.refused(to)) {
            // The field says what is wrong; nothing computed for the dates before stays on screen.
            refuse("Enter the dates as yyyy-mm-dd, or leave them empty for the first and the latest sale.");
            return;
        }
        to.setErrorMessage(null);
        to.setInvalid(false);
        SalesFilter filter;
        try {
            filter = new SalesFilter(from.getValue(), to.getValue(), regions.regionIds());
        } catch (IllegalArgumentException wrongOrder) {
            to.setErrorMessage(wrongOrder.getMessage());
            to.setInvalid(true);
            refuse("Choose a From date on or before the To date.");
            return;
        }
        content.setVisible(true);
        SalesOverview overview = sales.overview(filter);
        summary.setText(overview.salesThrough() == null ? "No sales in this selection."
                : "Net revenue in " + Formats.currencySymbol() + "; sales up to " + overview.salesThrough() + ".");
        content.removeAll();
        content.add(trend(overview.byMonth()));
        Div products = new Div();
        products.addClassName("c360-two-columns");
        products.setId("sales-products");
        products.setWidthFull();
        content.add(products);
        show(products, sales.topProducts(filter));
        List<RegionSales> byRegion = overview.byRegion();
        content.add(new ApexChart(ChartOptions.bar("Net revenue by region", byRegion.stream().map(RegionSales::region)
                .toList(), List.of(new Series(Formats.withCurrency("Net revenue"),
                byRegion.stream().map(RegionSales::netRevenue).toList())), false)));
        content.add(regionGrid(byRegion));
        String suffix = (filter.from() == null ? "" : "-from-" + filter.from())
                + (filter.to() == null ? "" : "-to-" + filter.to());
        monthExport.set("sales-by-month" + suffix, (format, out) -> sales.exportByMonth(filter, format, out));
        regionExport.set("sales-by-region" + suffix, (format, out) -> sales.exportByRegion(filter, format, out));
        Div exports = new Div(new Paragraph("By month:"), monthExport, new Paragraph("By region:"), regionExport);
        exports.addClassName("c360-sales-exports");
        content.add(exports);
    }

    private static void show(Div products, ProductRankings rankings) {
        products.removeAll();
        products.add(topChart(REVENUE_TITLE, rankings.topByRevenue(), ProductSales::netRevenue,
                        Formats.withCurrency("Net revenue")),
                topChart(UNITS_TITLE, rankings.topByUnits(), p -> p.units(), "Units"));
    }

    private static ApexChart trend(List<MonthlySales> months) {
        boolean partial = !months.isEmpty() && months.getLast().monthToDate();
        List<String> labels = months.stream().map(m -> m.month().toString() + (m.monthToDate()
                ? " (" + MONTH_TO_DATE + ")" : "")).toList();
        ApexChart chart = new ApexChart(ChartOptions.lineWithPartialEnd("Net revenue by month", labels,
                Formats.withCurrency("Net revenue"), months.stream().map(MonthlySales::netRevenue).toList(), partial,
                "Net revenue, " + MONTH_TO_DATE, Formats.withCurrency("Net revenue")));
        chart.setId("sales-trend");
        return chart;
    }

    private static Details definitions() {
        Details details = new Details("Definitions", new Paragraph(
                "Net revenue = sum of quantity × unit price over all invoice lines, with cancellations (invoices "
                        + "starting with C) counted negative. Units = net quantity. Invoices = distinct invoice numbers, "
                        + "cancellations included. Only the regions you are assigned to are counted."),
                new Paragraph("A month the data does not cover to its end (the latest sale, or the chosen end date, "
                        + "falls before its last day) is drawn dashed and labelled \"" + MONTH_TO_DATE + "\": it is "
                        + "not comparable with full months."));
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
        grid.addColumn(r -> Formats.money(r.netRevenue())).setHeader(Formats.withCurrency("Net revenue"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> Formats.count(r.customers())).setHeader("Customers").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> Formats.count(r.invoices())).setHeader("Invoices").setTextAlign(ColumnTextAlign.END);
        grid.setItems(regions);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        return grid;
    }
}
