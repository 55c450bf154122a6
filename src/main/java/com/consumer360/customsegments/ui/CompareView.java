package com.consumer360.customsegments.ui;

import com.consumer360.customsegments.CustomSegmentService;
import com.consumer360.customsegments.InvalidSegmentException;
import com.consumer360.customsegments.Overlap;
import com.consumer360.customsegments.SegmentFigures;
import com.consumer360.customsegments.SegmentRef;
import com.consumer360.security.Roles;
import com.consumer360.ui.Cards;
import com.consumer360.ui.CustomerList;
import com.consumer360.ui.DefinitionsPanel;
import com.consumer360.ui.ExportLinks;
import com.consumer360.ui.Formats;
import com.consumer360.ui.PageHeader;
import com.consumer360.ui.chart.ApexChart;
import com.consumer360.ui.chart.ChartOptions;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Two to four segments side by side, custom segments shared with the reader and RFM segments alike, in the reader's
 * scope: the KPI comparison (table, chart, CSV and XLSX export) and the overlap matrix whose cells list the
 * customers two segments share. The choice lives in the URL ({@code ?s=custom:12&s=rfm:Champions}).
 */
@Route("custom-segments/compare")
@PageTitle("Compare segments · Consumer360")
@RolesAllowed({Roles.REGIONAL_MANAGER, Roles.EXECUTIVE, Roles.CS_OPS, Roles.ADMIN})
public class CompareView extends VerticalLayout implements BeforeEnterObserver {

    private final CustomSegmentService segments;
    private final Map<String, String> options = new LinkedHashMap<>();
    private final MultiSelectComboBox<String> choice = new MultiSelectComboBox<>("Segments (two to four)");
    private final Paragraph summary = new Paragraph();
    private final ExportLinks export = new ExportLinks("compare-export");
    private final Div content = new Div();
    private final CustomerList shared = new CustomerList("overlap");

    public CompareView(CustomSegmentService segments) {
        this.segments = segments;
        addClassName("c360-page");
        setId("compare-view");
        segments.segments().forEach(s -> options.put(new SegmentRef.Custom(s.id()).key(), s.name()));
        segments.choices().segments().forEach(label -> options.put(new SegmentRef.Rfm(label).key(),
                label + " (RFM)"));
        choice.setId("compare-choice");
        choice.setItems(List.copyOf(options.keySet()));
        choice.setItemLabelGenerator(key -> options.getOrDefault(key, key));
        choice.setWidth("100%");
        Button go = new Button("Compare", e -> navigate());
        go.setId("compare-go");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(choice, go);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWidthFull();
        form.expand(choice);
        summary.setId("compare-summary");
        content.setWidthFull();
        content.setId("compare-content");
        shared.setId("overlap-section");
        export.setVisible(false);
        add(PageHeader.of("Compare segments", summary, export), form, content, shared,
                DefinitionsPanel.of("compare-definitions", "Definitions: comparison and overlap",
                        CustomSegmentDefinitions.COMPARE, "custom segments"));
    }

    private void navigate() {
        List<String> keys = options.keySet().stream().filter(choice.getSelectedItems()::contains).toList();
        getUI().ifPresent(ui -> ui.navigate(CompareView.class, new QueryParameters(Map.of("s", keys))));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        content.removeAll();
        shared.setVisible(false);
        export.setVisible(false);
        choice.setInvalid(false);
        List<String> keys = event.getLocation().getQueryParameters().getParameters().getOrDefault("s", List.of());
        choice.setValue(keys.stream().filter(options::containsKey).toList());
        if (keys.isEmpty()) {
            summary.setText("Choose two to four segments, custom or RFM, and press Compare.");
            return;
        }
        List<SegmentRef> refs = new ArrayList<>();
        try {
            for (String key : keys) {
                if (!options.containsKey(key)) {
                    // Not offered to this reader: reads like an unknown one, whether it exists or not.
                    throw new InvalidSegmentException("segments", "No such segment.");
                }
                refs.add(SegmentRef.parse(key));
            }
            show(refs, segments.compare(refs), segments.overlap(refs));
        } catch (InvalidSegmentException e) {
            summary.setText("Choose two to four segments, custom or RFM, and press Compare.");
            choice.setErrorMessage(e.problems().getFirst().message());
            choice.setInvalid(true);
        }
    }

    private void show(List<SegmentRef> refs, List<SegmentFigures> figures, Overlap overlap) {
        summary.setText("In your regions, snapshot as of " + figures.getFirst().asOf() + ". "
                + String.join("; ", figures.stream().map(f -> f.name() + ": " + f.source()).toList()) + ".");
        export.set("segment-comparison-" + figures.getFirst().asOf(),
                (format, out) -> segments.exportComparison(refs, format, out));
        export.setVisible(true);
        Div overlapCard = Cards.card("Overlap: customers in both", Cards.muted("Click a cell to list the customers "
                + "of both segments; the diagonal holds each segment's size."), overlapTable(refs, overlap));
        overlapCard.setId("overlap-card");
        Div row = new Div(chart(figures), overlapCard);
        row.addClassName("c360-two-columns");
        row.setWidthFull();
        content.add(table(figures), row);
    }

    private static Grid<Kpi> table(List<SegmentFigures> figures) {
        Grid<Kpi> grid = new Grid<>();
        grid.setId("compare-grid");
        grid.addColumn(Kpi::label).setHeader("Figure").setAutoWidth(true).setFlexGrow(0);
        for (int i = 0; i < figures.size(); i++) {
            SegmentFigures f = figures.get(i);
            grid.addColumn(k -> k.value().apply(f)).setHeader(f.name()).setTextAlign(ColumnTextAlign.END)
                    .setKey("segment-" + i);
        }
        grid.setItems(KPIS);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        return grid;
    }

    /** One row of the comparison table. */
    private record Kpi(String label, Function<SegmentFigures, String> value) {
    }

    private static final List<Kpi> KPIS = List.of(
            new Kpi("Customers", f -> Formats.count(f.customers())),
            new Kpi("Share of scoped base", f -> Formats.percent(f.share())),
            new Kpi(Formats.withCurrency("Revenue"), f -> Formats.money(f.revenue())),
            new Kpi(Formats.withCurrency("AOV"), f -> Formats.money(f.averageOrderValue())),
            new Kpi("Mean recency (days)", f -> f.meanRecencyDays() == null ? "–" : Formats.decimal(f.meanRecencyDays(), 0)),
            new Kpi("Mean frequency", f -> f.meanFrequency() == null ? "–" : Formats.decimal(f.meanFrequency(), 1)),
            new Kpi(Formats.withCurrency("Mean CLV"), f -> Formats.money(f.meanClv())),
            new Kpi("Mean P(alive)", f -> f.meanPAlive() == null ? "–" : Formats.decimal(f.meanPAlive(), 2)),
            new Kpi("Source", SegmentFigures::source));

    private static ApexChart chart(List<SegmentFigures> figures) {
        ApexChart chart = new ApexChart(ChartOptions.bar("Share of scoped base and mean P(alive) (%)",
                figures.stream().map(SegmentFigures::name).toList(),
                List.of(new ChartOptions.Series("Share of base %", figures.stream().map(f -> percent(f.share())).toList()),
                        new ChartOptions.Series("Mean P(alive) %", figures.stream()
                                .map(f -> percent(f.meanPAlive() == null ? 0 : f.meanPAlive())).toList())),
                false));
        chart.setId("compare-chart");
        return chart;
    }

    private static BigDecimal percent(double share) {
        return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_EVEN);
    }

    private NativeTable overlapTable(List<SegmentRef> refs, Overlap overlap) {
        NativeTableRow head = new NativeTableRow(new NativeTableHeaderCell(""));
        overlap.names().forEach(name -> head.add(new NativeTableHeaderCell(name)));
        NativeTableBody body = new NativeTableBody();
        for (int i = 0; i < refs.size(); i++) {
            NativeTableRow row = new NativeTableRow(new NativeTableHeaderCell(overlap.names().get(i)));
            for (int j = 0; j < refs.size(); j++) {
                row.add(new NativeTableCell(cell(refs, overlap, i, j)));
            }
            body.add(row);
        }
        NativeTable table = new NativeTable(new NativeTableHeader(head), body);
        table.setId("overlap-matrix");
        table.addClassName("c360-movement-table");
        return table;
    }

    private Button cell(List<SegmentRef> refs, Overlap overlap, int i, int j) {
        long count = overlap.counts()[i][j];
        List<SegmentRef> both = i == j ? List.of(refs.get(i)) : List.of(refs.get(i), refs.get(j));
        String heading = i == j ? overlap.names().get(i)
                : overlap.names().get(i) + " and " + overlap.names().get(j);
        Button button = new Button(Formats.count(count), e -> {
            shared.show(heading + ": " + Formats.count(count) + " customers", count, true,
                    "overlap-" + String.join("-", both.stream().map(r -> r.key().replaceAll("[^A-Za-z0-9]+", "-"))
                            .toList()),
                    (order, offset, limit) -> segments.members(both, order, offset, limit),
                    (order, format, out) -> segments.exportMembers(both, order, format, out));
            shared.scrollIntoView();
        });
        button.setId("overlap-" + i + "-" + j);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return button;
    }
}
