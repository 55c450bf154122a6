package com.consumer360.behaviour.ui;

import com.consumer360.analytics.rfm.Segment;
import com.consumer360.behaviour.BehaviourFilter;
import com.consumer360.behaviour.BehaviourMap;
import com.consumer360.behaviour.BehaviourService;
import com.consumer360.behaviour.GroupComparison;
import com.consumer360.behaviour.GroupRule;
import com.consumer360.behaviour.InvalidSelectionException;
import com.consumer360.behaviour.RecencyBand;
import com.consumer360.ui.ExportLinks;
import com.consumer360.ui.Cards;
import com.consumer360.ui.CustomerList;
import com.consumer360.ui.Formats;
import com.consumer360.ui.PageHeader;
import com.consumer360.ui.RegionFilter;
import com.consumer360.security.Roles;
import com.consumer360.ui.chart.ApexChart;
import com.consumer360.ui.chart.ChartOptions;
import com.consumer360.ui.chart.ChartOptions.Series;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The behaviour map: the current snapshot's customers by frequency (x) and monetary value (y, logarithmic),
 * coloured by recency band, filtered by segment, recency and region, sampled deterministically when large. Two
 * groups of the shown customers are compared side by side (size, revenue, means and medians, R, F and M
 * histograms) with CSV and XLSX exports; clicking a point opens the customer.
 */
@Route("behaviour")
@PageTitle("Behaviour map · Consumer360")
@Menu(title = "Behaviour map", order = 2.5)
@RolesAllowed({Roles.REGIONAL_MANAGER, Roles.EXECUTIVE, Roles.CS_OPS, Roles.ADMIN})
@StyleSheet("styles/behaviour.css")
public class BehaviourView extends VerticalLayout {

    static final Map<RecencyBand, String> BAND_COLORS = new EnumMap<>(Map.of(
            RecencyBand.ACTIVE, "#1a7f37", RecencyBand.RECENT, "#54aeff", RecencyBand.COOLING, "#d4a72c",
            RecencyBand.LAPSING, "#cf222e", RecencyBand.LAPSED, "#6e7781"));
    static final String COLOR_A = "#1f6feb";
    static final String COLOR_B = "#bf8700";

    private final BehaviourService behaviour;
    private final RegionFilter regions;
    private final MultiSelectComboBox<String> segments = new MultiSelectComboBox<>("Segments");
    private final IntegerField minRecency = new IntegerField("Recency from (days)");
    private final IntegerField maxRecency = new IntegerField("Recency to (days)");
    private final Paragraph summary = new Paragraph();
    private final Paragraph error = new Paragraph();
    private final ApexChart scatter = new ApexChart(Map.of());
    private final Paragraph sampleNote = new Paragraph();
    private final ExportLinks mapExport = new ExportLinks("map-export");
    private final GroupForm groupA = new GroupForm("Group A", "group-a", COLOR_A, GroupRule.PRESETS.get(0));
    private final GroupForm groupB = new GroupForm("Group B", "group-b", COLOR_B, GroupRule.PRESETS.get(1));
    private final Paragraph groupError = new Paragraph();
    private final Div results = new Div();
    private final CustomerList groupCustomers = new CustomerList("group");
    /** The map with its side panel and export: hidden while the filter is refused, as the comparison is. */
    private final Div mapRow;
    private BehaviourMap map;
    private BehaviourFilter filter = BehaviourFilter.ALL;
    private boolean compared;

    public BehaviourView(BehaviourService behaviour) {
        this.behaviour = behaviour;
        addClassName("c360-page");
        addClassName("c360-behaviour-page");
        setId("behaviour-view");
        regions = new RegionFilter(behaviour.regions(), this::reload);
        segments.setId("segment-filter");
        segments.setItems(Arrays.stream(Segment.values()).map(Segment::label).toList());
        segments.setPlaceholder("All segments");
        segments.setClearButtonVisible(true);
        segments.setWidth("15rem");
        segments.addValueChangeListener(e -> reload());
        for (IntegerField field : List.of(minRecency, maxRecency)) {
            field.setMin(0);
            field.setI18n(new IntegerField.IntegerFieldI18n().setBadInputErrorMessage("Enter a whole number of days.")
                    .setMinErrorMessage("Not below 0 days."));
            field.setClearButtonVisible(true);
            field.setWidth("10.5rem");
            field.setSuffixComponent(new Span("days"));
            field.setPlaceholder(field == minRecency ? "0" : "any");
            field.addValueChangeListener(e -> reload());
        }
        minRecency.setId("recency-min");
        maxRecency.setId("recency-max");
        summary.setId("behaviour-summary");
        summary.addClassName("c360-muted");
        error.setId("filter-error");
        error.addClassName("c360-error");
        error.setVisible(false);

        scatter.setId("behaviour-map");
        scatter.addDataPointClickListener(e -> openPoint(e.seriesIndex(), e.dataPointIndex()));
        sampleNote.setId("sample-note");
        Div side = Cards.card("Reading the map", sampleNote, mapExport,
                Cards.muted("Further right: buys more often. Higher: spends more in total. Colour: days since the last "
                        + "purchase. Red and grey points to the right are frequent buyers who stopped; high points "
                        + "on the left are big spenders who rarely buy."),
                Cards.muted("Frequency is a whole number: each point sits slightly right of its value (at most a "
                        + "quarter step) so that customers with the same F do not hide each other."),
                Cards.muted("Click a point to open the customer. Drag on the chart to zoom; the house icon resets."));
        side.setId("map-card");
        side.addClassName("c360-map-card");
        mapRow = new Div(scatter, side);
        mapRow.addClassName("c360-matrix-layout");
        mapRow.setWidthFull();

        Button compare = new Button("Compare groups", e -> compare());
        compare.setId("compare-button");
        compare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        groupError.setId("group-error");
        groupError.addClassName("c360-error");
        groupError.setVisible(false);
        Div forms = new Div(groupA, groupB);
        forms.addClassName("c360-two-columns");
        forms.setWidthFull();
        H3 groupsTitle = new H3("Compare two groups");
        Div groups = new Div(groupsTitle, Cards.muted("Both groups are taken from the customers the map shows "
                + "(its segment, recency and region filters). All conditions set must hold; a customer may be in "
                + "both groups."), forms, compare, groupError);
        groups.setId("groups-section");
        groups.addClassName("c360-groups");
        groups.setWidthFull();
        results.setId("comparison");
        results.setWidthFull();
        groupCustomers.setId("group-section");

        add(PageHeader.of("Behaviour map", summary, segments, PageHeader.pair(minRecency, maxRecency), regions), error,
                mapRow, BehaviourDefinitions.panel("behaviour-definitions"), groups, results, groupCustomers);
        reload();
    }

    private void reload() {
        BehaviourFilter next;
        try {
            next = new BehaviourFilter(segments.getValue(), days(minRecency), days(maxRecency), regions.regionIds());
        } catch (InvalidSelectionException e) {
            error.setText(e.getMessage());
            error.setVisible(true);
            // Nothing computed under the filter before stays on screen (or in an export) under the refused one.
            summary.setText("");
            mapRow.setVisible(false);
            results.setVisible(false);
            groupCustomers.setVisible(false);
            return;
        }
        error.setVisible(false);
        mapRow.setVisible(true);
        results.setVisible(true);
        filter = next;
        map = behaviour.map(filter);
        summary.setText(map.asOf() == null ? "No snapshot yet: the analytics have not been refreshed."
                : Formats.count(map.customers()) + " customers in " + scopeText() + " match the filters, as of "
                        + map.asOf() + ". Frequency × monetary value, coloured by recency.");
        sampleNote.setText(sampleText(map));
        scatter.setOptions(scatterOptions(map));
        BehaviourFilter exported = filter;
        mapExport.set("behaviour-map-" + map.asOf(), (format, out) -> behaviour.exportMap(exported, format, out));
        if (compared) {
            compare();
        }
    }

    private static Integer days(IntegerField field) {
        if (field.getValue() == null && field.isInvalid()) {
            throw new InvalidSelectionException("Recency (days): enter a whole number of days or leave it empty.");
        }
        return field.getValue();
    }

    private String scopeText() {
        return regions.isVisible() && !regions.getValue().isEmpty()
                ? String.join(", ", regions.getValue().stream().map(r -> r.name()).sorted().toList())
                : "your regions";
    }

    static String sampleText(BehaviourMap map) {
        String shown = map.sampled()
                ? "Showing " + Formats.count(map.points().size()) + " of " + Formats.count(map.plottable())
                        + " customers (a fixed sample; the same customers on every visit)."
                : "Showing all " + Formats.count(map.points().size()) + " customers.";
        return map.notPlotted() == 0 ? shown : shown + " " + Formats.count(map.notPlotted())
                + " with net revenue ≤ 0 are not plotted (logarithmic axis).";
    }

    /** ApexCharts scatter: one series per recency band (in band order), points [frequency, monetary]. */
    static Map<String, Object> scatterOptions(BehaviourMap map) {
        Map<RecencyBand, List<List<Number>>> byBand = new EnumMap<>(RecencyBand.class);
        for (RecencyBand band : RecencyBand.values()) {
            byBand.put(band, new ArrayList<>());
        }
        for (BehaviourMap.Point p : map.points()) {
            byBand.get(p.band()).add(List.of(p.frequency(), p.monetary()));
        }
        List<Map<String, Object>> series = new ArrayList<>();
        for (RecencyBand band : RecencyBand.values()) {
            series.add(Map.of("name", "Last purchase " + band.label(), "data", byBand.get(band)));
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("chart", Map.of("type", "scatter", "height", 400, "animations", Map.of("enabled", false),
                "fontFamily", "inherit", "zoom", Map.of("enabled", true, "type", "xy"),
                "toolbar", Map.of("show", true, "tools", Map.of("download", false, "pan", false,
                        "zoomin", false, "zoomout", false, "selection", false, "zoom", true, "reset", true))));
        options.put("series", series);
        options.put("colors", Arrays.stream(RecencyBand.values()).map(BAND_COLORS::get).toList());
        options.put("markers", Map.of("size", 4, "strokeWidth", 0, "fillOpacity", 0.65,
                "hover", Map.of("sizeOffset", 3)));
        options.put("xaxis", Map.of("type", "numeric", "title", Map.of("text",
                "Frequency F (invoices, log scale)")));
        // Drawn by our chart element: x on a base-2 log axis (1, 2, 4, 8, …), see c360-apex-chart.js.
        options.put("c360LogX", true);
        options.put("yaxis", Map.of("logarithmic", true, "logBase", 10, "forceNiceScale", true,
                "title", Map.of("text", "Monetary M (net revenue, log scale)")));
        // Below the plot: at the top its five bands wrapped under the zoom toolbar.
        options.put("legend", Map.of("position", "bottom"));
        options.put("tooltip", Map.of("intersect", true, "shared", false));
        options.put("dataLabels", Map.of("enabled", false));
        options.put("c360NumberFormat", "compact");
        return options;
    }

    private void openPoint(int seriesIndex, int pointIndex) {
        if (map == null || seriesIndex < 0 || seriesIndex >= RecencyBand.values().length || pointIndex < 0) {
            return;
        }
        RecencyBand band = RecencyBand.values()[seriesIndex];
        List<BehaviourMap.Point> inBand = map.points().stream().filter(p -> p.band() == band).toList();
        if (pointIndex < inBand.size()) {
            getUI().ifPresent(ui -> ui.navigate("customers/" + inBand.get(pointIndex).customerId()));
        }
    }

    private void compare() {
        GroupRule a;
        GroupRule b;
        try {
            a = groupA.rule();
            b = groupB.rule();
        } catch (InvalidSelectionException e) {
            groupError.setText(e.getMessage());
            groupError.setVisible(true);
            results.setVisible(false);
            groupCustomers.setVisible(false);
            return;
        }
        groupError.setVisible(false);
        results.setVisible(true);
        compared = true;
        BehaviourFilter shown = filter;
        GroupComparison c = behaviour.compare(shown, a, b);
        results.removeAll();
        ExportLinks export = new ExportLinks("comparison-export");
        export.set("behaviour-comparison-" + c.asOf(),
                (format, out) -> behaviour.exportComparison(shown, a, b, format, out));
        Button listA = new Button("List group A's customers", e -> listCustomers("Group A", c.a(), shown));
        listA.setId("list-a");
        Button listB = new Button("List group B's customers", e -> listCustomers("Group B", c.b(), shown));
        listB.setId("list-b");
        Div actions = new Div(export, listA, listB);
        actions.addClassName("c360-toolbar");
        Paragraph note = new Paragraph(Formats.count(c.customersShown()) + " customers shown with net revenue "
                + Formats.money(c.revenueShown()) + "; " + Formats.count(c.inBoth()) + " of them are in both groups.");
        note.addClassName("c360-muted");
        note.setId("comparison-note");
        Div charts = new Div(histogram("hist-recency", c.recency(), c), histogram("hist-frequency", c.frequency(), c),
                histogram("hist-monetary", c.monetary(), c));
        charts.addClassName("c360-histograms");
        results.add(new H3("Group A and group B side by side"), summaryGrid(c), note, actions,
                Cards.muted("Distributions: the share of each group's customers in each bin, so that groups of "
                        + "different sizes compare; the export has the counts."), charts);
        groupCustomers.setVisible(false);
    }

    private void listCustomers(String name, GroupComparison.Group group, BehaviourFilter shown) {
        GroupRule rule = group.rule();
        String slug = name.toLowerCase().replace(' ', '-');
        groupCustomers.show(name + ": " + Formats.count(group.customers()) + " customers (" + rule.describe() + ")",
                group.customers(), regions.isVisible(), "behaviour-" + slug + "-" + map.asOf(),
                (order, offset, limit) -> behaviour.groupCustomers(shown, rule, order, offset, limit),
                (order, format, out) -> behaviour.exportGroupCustomers(shown, rule, order, format, out));
        groupCustomers.scrollIntoView();
    }

    /** A row of the side-by-side table: one figure for each group. */
    record Row(String figure, String a, String b) {
    }

    private static Grid<Row> summaryGrid(GroupComparison c) {
        List<Row> rows = List.of(
                row("Rule", c, g -> g.rule().describe()),
                row("Customers", c, g -> Formats.count(g.customers()) + (c.customersShown() == 0 ? "" : " ("
                        + Formats.percent((double) g.customers() / c.customersShown()) + ")")),
                row("Revenue", c, g -> Formats.money(g.revenue())),
                row("Share of revenue shown", c, g -> Formats.percent(g.revenueShare())),
                row("Mean recency (days)", c, g -> decimal(g.meanRecencyDays(), 0)),
                row("Median recency (days)", c, g -> decimal(g.medianRecencyDays(), 0)),
                row("Mean frequency", c, g -> decimal(g.meanFrequency(), 1)),
                row("Median frequency", c, g -> decimal(g.medianFrequency(), 1)),
                row("Mean monetary", c, g -> g.meanMonetary() == null ? "–" : Formats.money(g.meanMonetary())),
                row("Median monetary", c, g -> g.medianMonetary() == null ? "–" : Formats.money(g.medianMonetary())),
                row("Mean CLV", c, g -> Formats.money(g.meanClv())));
        Grid<Row> grid = new Grid<>();
        grid.setId("comparison-grid");
        grid.addColumn(Row::figure).setHeader("").setFlexGrow(1).setAutoWidth(true);
        grid.addColumn(Row::a).setHeader("Group A").setFlexGrow(2).setTextAlign(ColumnTextAlign.END)
                .setTooltipGenerator(Row::a);
        grid.addColumn(Row::b).setHeader("Group B").setFlexGrow(2).setTextAlign(ColumnTextAlign.END)
                .setTooltipGenerator(Row::b);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        return grid;
    }

    private static Row row(String figure, GroupComparison c, Function<GroupComparison.Group, String> value) {
        return new Row(figure, value.apply(c.a()), value.apply(c.b()));
    }

    private static String decimal(Double value, int digits) {
        return value == null ? "–" : Formats.decimal(value, digits);
    }

    /** Both groups in one bar chart, as % of each group's customers, so groups of different sizes compare. */
    private static ApexChart histogram(String id, GroupComparison.Histogram h, GroupComparison c) {
        Map<String, Object> options = ChartOptions.bar(h.measure(), h.bins(),
                List.of(new Series("Group A", shares(h.a(), c.a().customers())),
                        new Series("Group B", shares(h.b(), c.b().customers()))), false);
        options.put("colors", List.of(COLOR_A, COLOR_B));
        options.put("yaxis", Map.of("title", Map.of("text", "% of the group's customers")));
        options.put("legend", Map.of("position", "top"));
        options.put("chart", Map.of("type", "bar", "height", 300, "toolbar", Map.of("show", false),
                "animations", Map.of("enabled", false), "fontFamily", "inherit"));
        ApexChart chart = new ApexChart(options);
        chart.setId(id);
        return chart;
    }

    private static List<BigDecimal> shares(List<Long> counts, long total) {
        return counts.stream().map(n -> total == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(100.0 * n / total).setScale(1, RoundingMode.HALF_EVEN)).toList();
    }
}
