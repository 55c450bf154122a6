package com.consumer360.rfm.ui;

import com.consumer360.ui.Contrast;
import com.consumer360.ui.RegionFilter;
import com.consumer360.ui.PageHeader;
import com.consumer360.ui.Formats;
import com.consumer360.ui.CustomerList;
import com.consumer360.ui.Cards;
import com.consumer360.rfm.MatrixMetric;
import com.consumer360.rfm.RfmMatrix;
import com.consumer360.rfm.RfmService;
import com.consumer360.security.Roles;
import com.consumer360.ui.chart.ApexChart;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recency score × frequency score matrix of the current snapshot, coloured by customers, revenue or mean
 * monetary value; clicking a cell lists its customers below, lazily, with CSV and XLSX exports of the same list.
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
    private final CustomerList cellCustomers = new CustomerList("cell");
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
        HeatmapKeyboard.enable(heatmap);
        cellCard.setId("cell-card");
        cellCard.addClassName("c360-card");
        Div matrixRow = new Div(heatmap, cellCard);
        matrixRow.addClassName("c360-matrix-layout");
        matrixRow.setWidthFull();

        cellCustomers.setId("cell-section");
        add(PageHeader.of("RFM matrix", summary, metric, regions), matrixRow, SegmentLegend.create(),
                Definitions.panel("rfm-definitions"), cellCustomers);
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
    private static final int[] HEAT_BLUE = {31, 111, 235};

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
        options.put("plotOptions", Map.of("heatmap", Map.of("radius", 3, "enableShades", false,
                "colorScale", Map.of("ranges", colorBands(series)))));
        options.put("stroke", Map.of("width", 2, "colors", List.of("#ffffff")));
        options.put("xaxis", Map.of("title", Map.of("text", "Frequency score F (5 = most invoices)")));
        options.put("yaxis", Map.of("title", Map.of("text", "Recency score R (5 = most recent)")));
        options.put("legend", Map.of("show", false));
        return options;
    }

    /**
     * Five equal bands from the smallest to the largest value, lighter to darker blue, each with black or white
     * numbers, whichever contrasts more (WCAG AA, see ui.Contrast); ApexCharts' own shades put white on light blue.
     */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> colorBands(List<Map<String, Object>> series) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Map<String, Object> row : series) {
            for (Map<String, Object> point : (List<Map<String, Object>>) row.get("data")) {
                double value = ((Number) point.get("y")).doubleValue();
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        List<Map<String, Object>> bands = new ArrayList<>();
        int count = 5;
        double width = (max - min) / count;
        for (int i = 0; i < count; i++) {
            String color = Contrast.overWhite(HEAT_BLUE, 0.15 + 0.85 * (i + 1) / count);
            double from = i == 0 ? min - 1 : min + width * i;
            double to = i == count - 1 ? max + 1 : min + width * (i + 1);
            bands.add(Map.of("from", from, "to", to, "color", color, "foreColor", Contrast.textOn(color)));
        }
        return bands;
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
        Set<Short> filter = regions.regionIds();
        cellCustomers.show("Customers with R = " + r + " and F = " + f + " (" + Formats.count(cell.customers()) + ")",
                cell.customers(), regions.isVisible(), "rfm-cell-R" + r + "-F" + f + "-" + matrix.asOf(),
                (order, offset, limit) -> rfm.cellCustomers(r, f, filter, order, offset, limit),
                (order, format, out) -> rfm.exportCellCustomers(r, f, filter, order, format, out));
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
                Cards.muted("Its customers are listed below the matrix, with CSV and XLSX exports."));
    }
}
