package com.consumer360.rfm.ui;

import com.consumer360.analytics.rfm.SegmentMap;

import com.consumer360.ui.SegmentColors;
import com.consumer360.ui.RegionFilter;
import com.consumer360.ui.PageHeader;
import com.consumer360.ui.Formats;
import com.consumer360.ui.CustomerList;
import com.consumer360.ui.ExportLinks;
import com.consumer360.ui.ProfileCharts;
import com.consumer360.rfm.RfmService;
import com.consumer360.rfm.SegmentOverview;
import com.consumer360.rfm.SegmentProfile;
import com.consumer360.rfm.SegmentOverview.Row;
import com.consumer360.security.Roles;
import com.consumer360.ui.chart.ApexChart;
import com.consumer360.ui.chart.ChartOptions;
import com.consumer360.ui.chart.ChartOptions.Series;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The eleven RFM segments of the current snapshot: size, revenue, shares, means, CLV and the change in
 * customers since the previous snapshot, with a chart of the customer and revenue shares and CSV and XLSX
 * exports. Clicking a segment shows its profile (scores, countries, products) and lists its customers.
 */
@Route("segments")
@PageTitle("Segments · Consumer360")
@Menu(title = "Segments", order = 3)
@RolesAllowed({Roles.REGIONAL_MANAGER, Roles.EXECUTIVE, Roles.CS_OPS, Roles.ADMIN})
public class SegmentsView extends VerticalLayout {

    private final RfmService rfm;
    private final RegionFilter regions;
    private final Paragraph summary = new Paragraph();
    private final ApexChart chart = new ApexChart(Map.of());
    private final Grid<Row> grid = new Grid<>();
    private final ExportLinks export = new ExportLinks("segments-export");
    private final CustomerList segmentCustomers = new CustomerList("segment");
    private final Div profile = new Div();
    private SegmentOverview overview;

    public SegmentsView(RfmService rfm) {
        this.rfm = rfm;
        addClassName("c360-page");
        setId("segments-view");
        regions = new RegionFilter(rfm.regions(), this::reload);
        summary.setId("segments-summary");
        summary.addClassName("c360-muted");
        chart.setId("segments-chart");
        configureGrid();
        segmentCustomers.setId("segment-section");
        profile.setId("segment-profile");
        profile.addClassName("c360-matrix-layout");
        profile.setWidthFull();
        grid.addItemClickListener(e -> showCustomers(e.getItem()));
        Anchor custom = new Anchor("custom-segments", "Custom segments");
        custom.getElement().setAttribute("router-link", true);
        Paragraph ownSegments = new Paragraph(new Text("Segments of your own, by any rule on these figures, region, "
                + "country or products: "), custom, new Text("."));
        ownSegments.setId("segments-custom-link");
        ownSegments.addClassName("c360-muted");
        add(PageHeader.of("Segments", summary, regions, export), ownSegments, grid, profile, segmentCustomers,
                Definitions.panel("segments-definitions"), chart);
        reload();
    }

    private void reload() {
        Set<Short> filter = regions.regionIds();
        overview = rfm.segments(filter);
        summary.setText(overview.asOf() == null ? "No snapshot yet: the analytics have not been refreshed."
                : Formats.count(overview.customers()) + " scored customers as of " + overview.asOf()
                        + (overview.previousAsOf() == null ? "; no previous snapshot to compare with."
                        : "; change compared with the snapshot of " + overview.previousAsOf() + ".")
                        + " Segments after " + SegmentMap.versionLabel(overview.segmentMapVersion())
                        + ". Click a segment to list its customers.");
        grid.setItems(overview.rows());
        chart.setOptions(shareChart(overview.rows()));
        export.set("rfm-segments-" + overview.asOf(), (format, out) -> rfm.exportSegments(filter, format, out));
        segmentCustomers.setVisible(false);
        // Emptied, not hidden: a chart drawn inside a hidden element would take a zero width.
        profile.removeAll();
    }

    private void showCustomers(Row row) {
        Set<Short> filter = regions.regionIds();
        String segment = row.segment();
        String fileName = segment.replaceAll("[^A-Za-z]+", "-") + "-" + overview.asOf();
        showProfile(rfm.segmentProfile(segment, filter), filter, "rfm-profile-" + fileName);
        segmentCustomers.show(segment + ": " + Formats.count(row.customers()) + " customers", row.customers(),
                regions.isVisible(), "rfm-segment-" + fileName,
                (order, offset, limit) -> rfm.segmentCustomers(segment, filter, order, offset, limit),
                (order, format, out) -> rfm.exportSegmentCustomers(segment, filter, order, format, out));
        profile.scrollIntoView();
    }

    private void showProfile(SegmentProfile p, Set<Short> filter, String fileName) {
        profile.removeAll();
        List<ProfileCharts.Product> products = p.topProducts().stream()
                .map(r -> new ProfileCharts.Product(r.description(), r.customers(), r.revenue())).toList();
        ExportLinks links = new ExportLinks("segment-profile-export");
        links.set(fileName, (format, out) -> rfm.exportSegmentProfile(p.segment(), filter, format, out));
        profile.add(ProfileCharts.scores(p.segment(), p.byRScore(), p.byFScore(), p.byMScore()),
                ProfileCharts.countries(p.topCountries().stream()
                        .map(c -> new ProfileCharts.Country(c.country(), c.customers())).toList(), p.customers()),
                ProfileCharts.products(p.segment(), products),
                ProfileCharts.productCard(products, "Net revenue from the segment's customers: all their purchases "
                        + "of the product minus cancellations and returns. The export holds the whole profile.", links));
    }

    private static Map<String, Object> shareChart(List<Row> rows) {
        Map<String, Object> options = ChartOptions.bar("Share of customers and of net revenue by segment (%)",
                rows.stream().map(Row::segment).toList(),
                List.of(new Series("Customers %", rows.stream().map(r -> percent(r.customerShare())).toList()),
                        new Series("Revenue %", rows.stream().map(r -> percent(r.revenueShare())).toList())),
                false);
        options.put("colors", List.of("#1f6feb", "#2da44e"));
        return options;
    }

    private static BigDecimal percent(double share) {
        return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_EVEN);
    }

    private void configureGrid() {
        grid.setId("segments-grid");
        grid.addComponentColumn(r -> {
            Span chip = new Span(r.segment());
            chip.addClassName("c360-segment-chip");
            chip.getStyle().set("--c360-segment-color", SegmentColors.of(r.segment()));
            return chip;
        }).setHeader("Segment").setFlexGrow(2).setAutoWidth(true);
        end(grid.addColumn(r -> Formats.count(r.customers())).setHeader("Customers"));
        end(grid.addColumn(r -> Formats.percent(r.customerShare())).setHeader("% customers"));
        end(grid.addColumn(r -> Formats.money(r.revenue())).setHeader(Formats.withCurrency("Revenue")));
        end(grid.addColumn(r -> Formats.percent(r.revenueShare())).setHeader("% revenue"));
        end(grid.addColumn(r -> r.customers() == 0 ? "–" : Formats.decimal(r.meanRecencyDays(), 0))
                .setHeader("Mean R (days)"));
        end(grid.addColumn(r -> r.customers() == 0 ? "–" : Formats.decimal(r.meanFrequency(), 1)).setHeader("Mean F"));
        end(grid.addColumn(r -> Formats.money(r.meanMonetary())).setHeader(Formats.withCurrency("Mean M")));
        end(grid.addColumn(r -> Formats.money(r.meanClv())).setHeader(Formats.withCurrency("Mean CLV")));
        end(grid.addColumn(r -> Formats.signed(r.customerChange())).setHeader("Change").setKey("change")
                .setTooltipGenerator(r -> "Customers now minus customers in the previous snapshot"));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    }

    private static void end(Grid.Column<Row> column) {
        column.setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }
}
