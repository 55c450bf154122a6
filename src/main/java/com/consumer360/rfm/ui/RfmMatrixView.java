package com.consumer360.rfm.ui;

import com.consumer360.rfm.CellCustomer;
import com.consumer360.rfm.CellOrder;
import com.consumer360.rfm.MatrixMetric;
import com.consumer360.rfm.RfmMatrix;
import com.consumer360.rfm.RfmService;
import com.consumer360.security.Roles;
import com.consumer360.ui.chart.ApexChart;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recency score × frequency score matrix of the current snapshot, coloured by customers, revenue or mean
 * monetary value; clicking a cell lists its customers below, lazily, with a CSV export of the same list.
 */
@Route("rfm")
@PageTitle("RFM matrix · Consumer360")
@Menu(title = "RFM matrix", order = 2)
@RolesAllowed({Roles.REGIONAL_MANAGER, Roles.EXECUTIVE, Roles.CS_OPS, Roles.ADMIN})
public class RfmMatrixView extends VerticalLayout {

    private final RfmService rfm;
    private final RegionFilter regions;
    private final RadioButtonGroup<MatrixMetric> metric = new RadioButtonGroup<>("Colour by");
    private final ApexChart heatmap;
    private final Paragraph summary = new Paragraph();
    private final Div cellCard = new Div();
    private final H3 cellTitle = new H3();
    private final Grid<CellCustomer> customers = new Grid<>();
    private final Anchor export = new Anchor();
    private final Div cellSection = new Div();
    private RfmMatrix matrix;
    private int selectedR;
    private int selectedF;

    public RfmMatrixView(RfmService rfm) {
        this.rfm = rfm;
        addClassName("c360-page");
        setId("rfm-view");
        regions = new RegionFilter(rfm.regions(), this::reload);
        metric.setId("matrix-metric");
        metric.setItems(MatrixMetric.values());
        metric.setItemLabelGenerator(MatrixMetric::label);
        metric.setValue(MatrixMetric.CUSTOMERS);
        metric.addValueChangeListener(e -> drawHeatmap());

        summary.setId("matrix-summary");
        summary.addClassName("c360-muted");

        heatmap = new ApexChart(Map.of());
        heatmap.setId("rfm-heatmap");
        heatmap.addDataPointClickListener(e -> select(e.seriesIndex() + 1, e.dataPointIndex() + 1));
        cellCard.setId("cell-card");
        cellCard.addClassName("c360-card");
        Div matrixRow = new Div(heatmap, cellCard);
        matrixRow.addClassName("c360-matrix-layout");
        matrixRow.setWidthFull();

        cellSection.setId("cell-section");
        cellSection.setWidthFull();
        configureGrid();
        export.setId("cell-export");
        export.setText("Export CSV");
        export.addClassName("c360-export");
        HorizontalLayout cellHeader = new HorizontalLayout(cellTitle, export);
        cellHeader.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        cellHeader.setWidthFull();
        cellHeader.expand(cellTitle);
        cellTitle.setId("cell-title");
        cellSection.add(cellHeader, customers);
        cellSection.setVisible(false);

        add(PageHeader.of("RFM matrix", summary, metric, regions), matrixRow, Definitions.panel("rfm-definitions"),
                cellSection);
        reload();
    }

    private void reload() {
        matrix = rfm.matrix(regions.regionIds());
        summary.setText(matrix.asOf() == null ? "No snapshot yet: the analytics have not been refreshed."
                : Formats.count(matrix.customers()) + " scored customers in " + scopeText() + ", as of "
                        + matrix.asOf() + ". Click a cell to list its customers.");
        drawHeatmap();
        if (selectedR > 0) {
            select(selectedR, selectedF);
        } else {
            showCellCard(null);
        }
    }

    private String scopeText() {
        return regions.isVisible() && !regions.getValue().isEmpty()
                ? String.join(", ", regions.getValue().stream().map(r -> r.name()).sorted().toList())
                : "your regions";
    }

    private void drawHeatmap() {
        MatrixMetric shown = metric.getValue() == null ? MatrixMetric.CUSTOMERS : metric.getValue();
        heatmap.setOptions(heatmapOptions(matrix, shown));
    }

    /** ApexCharts heatmap: one series per R (R 1 first, drawn at the bottom), one point per F. */
    static Map<String, Object> heatmapOptions(RfmMatrix matrix, MatrixMetric metric) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (int r = 1; r <= 5; r++) {
            List<Map<String, Object>> points = new ArrayList<>();
            for (int f = 1; f <= 5; f++) {
                points.add(Map.of("x", "F " + f, "y", shown(matrix.cell(r, f).value(metric), metric)));
            }
            series.add(Map.of("name", "R " + r, "data", points));
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("chart", Map.of("type", "heatmap", "height", 380, "toolbar", Map.of("show", false),
                "animations", Map.of("enabled", false), "fontFamily", "inherit"));
        options.put("title", Map.of("text", metric.label() + unit(metric) + " by recency score (R) and frequency score (F)",
                "style", Map.of("fontSize", "15px")));
        options.put("series", series);
        options.put("colors", List.of("#1f6feb"));
        options.put("dataLabels", Map.of("enabled", true, "style", Map.of("fontSize", "13px")));
        options.put("plotOptions", Map.of("heatmap", Map.of("shadeIntensity", 0.75, "radius", 3,
                "enableShades", true)));
        options.put("stroke", Map.of("width", 2, "colors", List.of("#ffffff")));
        options.put("xaxis", Map.of("title", Map.of("text", "Frequency score F (5 = most invoices)")));
        options.put("yaxis", Map.of("title", Map.of("text", "Recency score R (5 = most recent)")));
        options.put("legend", Map.of("show", false));
        return options;
    }

    private static String unit(MatrixMetric metric) {
        return metric == MatrixMetric.REVENUE ? " (thousands)" : "";
    }

    private static Number shown(BigDecimal value, MatrixMetric metric) {
        return switch (metric) {
            case CUSTOMERS -> value.longValue();
            case REVENUE -> value.movePointLeft(3).setScale(1, RoundingMode.HALF_EVEN);
            case MEAN_MONETARY -> value.setScale(0, RoundingMode.HALF_EVEN);
        };
    }

    private void select(int r, int f) {
        selectedR = r;
        selectedF = f;
        RfmMatrix.Cell cell = matrix.cell(r, f);
        showCellCard(cell);
        cellTitle.setText("Customers with R = " + r + " and F = " + f + " (" + Formats.count(cell.customers()) + ")");
        Set<Short> filter = regions.regionIds();
        customers.setItems(query -> rfm.cellCustomers(r, f, filter, order(query.getSortOrders()), query.getOffset(),
                        query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, cell.customers()));
        customers.getColumnByKey("region").setVisible(regions.isVisible());
        updateExport();
        cellSection.setVisible(true);
    }

    /** The grid's rows in the grid's order, through the same scoped service, in the download request's context. */
    private void updateExport() {
        if (selectedR == 0) {
            return;
        }
        int r = selectedR;
        int f = selectedF;
        Set<Short> filter = regions.regionIds();
        CellOrder order = order(customers.getSortOrder().stream()
                .map(s -> new QuerySortOrder(s.getSorted().getKey(), s.getDirection())).toList());
        String name = "rfm-cell-R" + r + "-F" + f + "-" + matrix.asOf() + ".csv";
        export.setHref((DownloadHandler) event -> {
            event.setFileName(name);
            event.setContentType("text/csv; charset=UTF-8");
            try (OutputStream out = event.getOutputStream()) {
                rfm.exportCellCustomers(r, f, filter, order, out);
            }
        }, AttachmentType.DOWNLOAD);
    }

    private static CellOrder order(List<QuerySortOrder> sortOrders) {
        if (sortOrders.isEmpty()) {
            return CellOrder.BY_MONETARY;
        }
        QuerySortOrder first = sortOrders.getFirst();
        return new CellOrder(CellOrder.Column.valueOf(first.getSorted()),
                first.getDirection() == SortDirection.DESCENDING);
    }

    private void showCellCard(RfmMatrix.Cell cell) {
        cellCard.removeAll();
        if (cell == null) {
            cellCard.add(new H3("No cell selected"), new Paragraph("Click a cell of the matrix to see its figures "
                    + "and list its customers. R and F are quintile scores: 5 is the most recent, the most frequent."));
            return;
        }
        long all = matrix.customers();
        cellCard.add(new H3("R = " + cell.r() + ", F = " + cell.f()),
                Cards.figure("Customers", Formats.count(cell.customers()) + (all == 0 ? ""
                        : " (" + Formats.percent((double) cell.customers() / all) + ")"), "cell-customers"),
                Cards.figure("Revenue", Formats.money(cell.revenue()), "cell-revenue"),
                Cards.figure("Mean monetary", Formats.money(cell.meanMonetary()), "cell-mean"),
                Cards.muted("Its customers are listed below the matrix, with a CSV export."));
    }


    private static void sortable(Grid.Column<CellCustomer> column, CellOrder.Column by) {
        column.setKey(by.name()).setSortProperty(by.name()).setTextAlign(ColumnTextAlign.END);
    }

    private void configureGrid() {
        customers.setId("cell-customers-grid");
        customers.addComponentColumn(c -> new RouterLink(c.name() == null ? "#" + c.customerId() : c.name(),
                        CustomerView.class, new RouteParameters("id", String.valueOf(c.customerId()))))
                .setHeader("Customer").setFlexGrow(2).setKey(CellOrder.Column.NAME.name())
                .setSortProperty(CellOrder.Column.NAME.name());
        customers.addColumn(CellCustomer::customerId).setHeader("ID").setTextAlign(ColumnTextAlign.END);
        customers.addColumn(CellCustomer::region).setHeader("Region").setKey("region");
        sortable(customers.addColumn(c -> Formats.count(c.recencyDays())).setHeader("Recency (days)"),
                CellOrder.Column.RECENCY);
        sortable(customers.addColumn(CellCustomer::frequency).setHeader("Frequency"), CellOrder.Column.FREQUENCY);
        sortable(customers.addColumn(c -> Formats.money(c.monetary())).setHeader("Monetary"), CellOrder.Column.MONETARY);
        customers.addColumn(CellCustomer::segment).setHeader("Segment").setFlexGrow(2);
        sortable(customers.addColumn(c -> Formats.money(c.clv())).setHeader("CLV"), CellOrder.Column.CLV);
        customers.setMultiSort(false);
        customers.addSortListener(e -> updateExport());
        customers.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        customers.setPageSize(50);
        customers.sort(List.of(new GridSortOrder<>(customers.getColumnByKey(CellOrder.Column.MONETARY.name()),
                SortDirection.DESCENDING)));
        customers.setHeight("420px");
    }
}
