package com.consumer360.summary.ui;

import com.consumer360.rfm.RfmService;
import com.consumer360.security.Roles;
import com.consumer360.summary.Figures;
import com.consumer360.summary.SnapshotRef;
import com.consumer360.summary.SummaryService;
import com.consumer360.summary.WeeklySummary;
import com.consumer360.ui.Cards;
import com.consumer360.ui.CustomerList;
import com.consumer360.ui.DefinitionsPanel;
import com.consumer360.ui.ExportLinks;
import com.consumer360.ui.Formats;
import com.consumer360.ui.PageHeader;
import com.consumer360.ui.RegionFilter;
import com.consumer360.ui.chart.ApexChart;
import com.consumer360.ui.chart.SankeyChart;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The weekly summary: headline figures of one snapshot against an earlier one with their history, segments, the
 * movement between segments (click a cell for the customers who moved), notable moves in words and, for readers of
 * several regions, the figures per region; all in the reader's scope, with exports.
 */
@Route("summary")
@PageTitle("Weekly summary · Consumer360")
@Menu(title = "Weekly summary", order = 0.5)
@RolesAllowed({Roles.REGIONAL_MANAGER, Roles.EXECUTIVE, Roles.CS_OPS, Roles.ADMIN})
public class SummaryView extends VerticalLayout implements BeforeEnterObserver {

    private final SummaryService summaries;
    private final RegionFilter regions;
    private final ComboBox<SnapshotRef> later = new ComboBox<>("Week of");
    private final ComboBox<SnapshotRef> earlier = new ComboBox<>("Compared with");
    private final Paragraph summary = new Paragraph();
    private final ExportLinks export = new ExportLinks("summary-export");
    private final Div headline = new Div();
    private final UnorderedList notable = new UnorderedList();
    private final Grid<WeeklySummary.SegmentRow> segments = new Grid<>();
    private final Div movement = new Div();
    private final Tab matrixTab = new Tab("Matrix");
    private final Tab flowTab = new Tab("Flow");
    private final Tabs movementTabs = new Tabs(matrixTab, flowTab);
    private final SankeyChart flow = new SankeyChart(460);
    private final Paragraph movementHint = Cards.muted(MATRIX_HINT);
    private MovementFlow flowShown;
    private final Grid<WeeklySummary.RegionRow> byRegion = new Grid<>();
    private final Div regionCard;
    /** What shows the pair's figures: hidden while the chosen pair is refused, so that nothing stale is left. */
    private final List<Component> results = new ArrayList<>();
    private final CustomerList movers = new CustomerList("movers");
    private final Span error = new Span();
    private WeeklySummary shown = WeeklySummary.NONE;
    private final List<SnapshotRef> snapshots;

    private static final String MATRIX_HINT = "Rows: segment in the earlier snapshot; columns: in the later one. Each "
            + "cell: customers, and under it their share of the row's segment. Click a number to list those customers.";
    private static final String FLOW_HINT = "Customers who changed segment, from the earlier snapshot (left) to the "
            + "later one (right); those who stayed are left out. Click a flow (or focus it and press Enter) to list "
            + "those customers; the Matrix tab has the same counts as a table.";

    public SummaryView(SummaryService summaries, RfmService rfm) {
        this.summaries = summaries;
        addClassName("c360-page");
        setId("summary-view");
        regions = new RegionFilter(rfm.regions(), this::reload);
        summary.setId("summary-text");
        summary.addClassName("c360-muted");
        snapshots = summaries.snapshots();
        for (ComboBox<SnapshotRef> box : List.of(later, earlier)) {
            box.setItems(snapshots);
            box.setItemLabelGenerator(s -> s.asOf() + " (#" + s.id() + ")");
            box.setWidth("13rem");
        }
        later.setId("summary-later");
        earlier.setId("summary-earlier");
        earlier.setClearButtonVisible(true);
        earlier.setPlaceholder("the snapshot before");
        later.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                reload();
                showInUrl();
            }
        });
        earlier.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                reload();
                showInUrl();
            }
        });
        error.setId("summary-error");
        error.addClassName("c360-warning");
        headline.setId("summary-headline");
        headline.addClassName("c360-summary-figures");
        notable.setId("summary-notable");
        configureSegments();
        movement.setId("summary-movement");
        movement.addClassName("c360-summary-movement");
        configureFlow();
        configureRegions();
        regionCard = Cards.card("By region", byRegion);
        movers.setId("movers-section");
        Div notableCard = wide(Cards.card("Notable moves", notable));
        Div movementCard = wide(Cards.card("Movement between segments", movementTabs, movementHint, movement, flow));
        Div segmentsCard = wide(Cards.card("Segments", segments));
        results.addAll(List.of(export, headline, notableCard, movementCard, segmentsCard));
        add(PageHeader.of("Weekly summary", summary, PageHeader.pair(later, earlier), regions, export), error, headline,
                notableCard, movementCard, movers, segmentsCard, wide(regionCard),
                DefinitionsPanel.of("summary-definitions", "Definitions: weekly summary", SummaryDefinitions.PARAGRAPHS,
                        "section Weekly summary"));
    }

    /**
     * {@code summary?from=ID&to=ID} opens a given pair (the digest links to its week); an id that is not a number or
     * not a snapshot is refused with a message and the default pair is shown.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        List<String> problems = new ArrayList<>();
        later.setValue(snapshot(parameters.get("to"), "to", problems));
        earlier.setValue(snapshot(parameters.get("from"), "from", problems));
        reload();
        if (!problems.isEmpty()) {
            error.setText(String.join(" ", problems) + " That part of the link is ignored.");
            error.setVisible(true);
        }
    }

    private SnapshotRef snapshot(List<String> values, String name, List<String> problems) {
        if (values == null || values.isEmpty() || values.getFirst().isBlank()) {
            return null;
        }
        String value = values.getFirst();
        try {
            long id = Long.parseLong(value);
            return snapshots.stream().filter(s -> s.id() == id).findFirst().orElseGet(() -> {
                problems.add("There is no snapshot " + id + " (" + name + ").");
                return null;
            });
        } catch (NumberFormatException e) {
            problems.add("'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "' is not a snapshot id ("
                    + name + ").");
            return null;
        }
    }

    /** The pair shown, in the address ({@code summary?from=&to=}), so that it can be bookmarked and shared. */
    private void showInUrl() {
        if (error.isVisible() || shown == null || shown.current() == null) {
            return;
        }
        Map<String, String> pair = new LinkedHashMap<>();
        if (shown.previous() != null) {
            pair.put("from", String.valueOf(shown.previous().snapshot().id()));
        }
        pair.put("to", String.valueOf(shown.current().snapshot().id()));
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location(RouteConfiguration.forSessionScope().getUrl(SummaryView.class),
                        QueryParameters.simple(pair))));
    }

    private static Div wide(Div card) {
        card.addClassName("c360-summary-card");
        return card;
    }

    private void reload() {
        Set<Short> filter = regions.regionIds();
        error.setText("");
        error.setVisible(false);
        try {
            shown = summaries.summary(earlier.getValue() == null ? null : earlier.getValue().id(),
                    later.getValue() == null ? null : later.getValue().id(), filter);
        } catch (IllegalArgumentException refused) {
            error.setText("Cannot compare: " + refused.getMessage() + ".");
            error.setVisible(true);
            summary.setText("Choose a later snapshot under \"Week of\" than under \"Compared with\".");
            results.forEach(c -> c.setVisible(false));
            movers.setVisible(false);
            regionCard.setVisible(false);
            return;
        }
        results.forEach(c -> c.setVisible(true));
        movers.setVisible(false);
        if (shown.current() == null) {
            summary.setText("No snapshot yet: the analytics have not been refreshed.");
            return;
        }
        later.setValue(shown.current().snapshot());
        if (shown.previous() != null) {
            earlier.setValue(shown.previous().snapshot());
        }
        summary.setText("Snapshot of " + shown.current().snapshot().asOf() + (shown.previous() == null
                ? ", the first one: nothing to compare with yet."
                : " compared with " + shown.previous().snapshot().asOf() + ". Customers you may see: "
                        + Formats.count(shown.current().customers()) + "."));
        showHeadline();
        notable.removeAll();
        if (shown.notableMoves().isEmpty()) {
            notable.add(new ListItem("No customer changed segment between these snapshots."));
        }
        shown.notableMoves().forEach(text -> notable.add(new ListItem(text)));
        segments.setItems(shown.segments());
        showMovement();
        byRegion.setItems(shown.regions());
        regionCard.setVisible(shown.regions().size() > 1);
        Long from = shown.previous() == null ? null : shown.previous().snapshot().id();
        Long to = shown.current().snapshot().id();
        export.set("summary-" + shown.current().snapshot().asOf(),
                (format, out) -> summaries.exportSummary(from, to, filter, format, out));
    }

    private void showHeadline() {
        headline.removeAll();
        List<Figures> history = shown.history();
        Figures now = shown.current();
        Figures before = shown.previous();
        headline.add(figure("active", "Active customers", Formats.count(now.active()),
                before == null ? null : change(now.active(), before.active()), history, f -> (double) f.active()));
        headline.add(figure("new", "New customers", now.newCustomers() == null ? "–" : Formats.count(now.newCustomers()),
                null, List.of(), f -> null));
        headline.add(figure("lost", "Lost customers", now.lost() == null ? "–" : Formats.count(now.lost()), null,
                List.of(), f -> null));
        headline.add(figure("revenue", Formats.withCurrency("Revenue"), now.revenue() == null ? "–" : Formats.money(now.revenue()), null,
                history, f -> f.revenue() == null ? null : f.revenue().doubleValue()));
        BigDecimal aov = now.averageOrderValue();
        headline.add(figure("aov", Formats.withCurrency("Average order value"), aov == null ? "–" : Formats.money(aov), null, history,
                f -> f.averageOrderValue() == null ? null : f.averageOrderValue().doubleValue()));
        headline.add(figure("clv", Formats.withCurrency("Total expected CLV"), Formats.money(now.totalClv()),
                before == null ? null : changeMoney(now.totalClv(), before.totalClv()), history, Figures::totalClv));
    }

    private static String change(long now, long before) {
        return Formats.signed(now - before) + (before == 0 ? ""
                : " (" + Formats.signedPercent((double) (now - before) / before) + ")");
    }

    private static String changeMoney(double now, double before) {
        return Formats.signedMoney(now - before) + (before == 0 ? ""
                : " (" + Formats.signedPercent((now - before) / before) + ")");
    }

    private static Div figure(String id, String label, String value, String change, List<Figures> history,
                              Function<Figures, Double> of) {
        Div card = Cards.figure(label, value, "summary-" + id);
        if (change != null) {
            Span delta = new Span(change + " on the earlier snapshot");
            delta.addClassName("c360-muted");
            delta.setId("summary-" + id + "-change");
            card.add(delta);
        }
        List<Double> points = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        for (Figures f : history) {
            Double v = of.apply(f);
            if (v != null) {
                points.add(v);
                dates.add(f.snapshot().asOf().toString());
            }
        }
        if (points.size() > 1) {
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put("type", "line");
            chart.put("height", 48);
            chart.put("sparkline", Map.of("enabled", true));
            chart.put("animations", Map.of("enabled", false));
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("chart", chart);
            options.put("series", List.of(Map.of("name", label, "data", points)));
            options.put("labels", dates);
            options.put("stroke", Map.of("width", 2, "curve", "straight"));
            options.put("tooltip", Map.of("x", Map.of("show", true)));
            ApexChart spark = new ApexChart(options);
            spark.setId("summary-" + id + "-spark");
            spark.addClassName("c360-sparkline");
            spark.setWidth("100%"); // the card's width: the cards grow with the page
            spark.setHeight("48px");
            card.add(spark);
        }
        card.addClassName("c360-summary-figure");
        return card;
    }

    private void configureSegments() {
        segments.setId("summary-segments");
        segments.addColumn(WeeklySummary.SegmentRow::segment).setHeader("Segment").setAutoWidth(true);
        segments.addColumn(r -> Formats.count(r.customers())).setHeader("Customers").setTextAlign(ColumnTextAlign.END);
        segments.addColumn(r -> Formats.signed(r.customerChange())).setHeader("Change").setTextAlign(ColumnTextAlign.END);
        segments.addColumn(r -> Formats.money(r.revenue())).setHeader(Formats.withCurrency("Revenue")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        segments.addColumn(r -> Formats.money(r.previousRevenue())).setHeader(Formats.withCurrency("Revenue before"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        segments.addColumn(r -> Formats.money(r.meanClv())).setHeader(Formats.withCurrency("Mean CLV")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        segments.addColumn(r -> Formats.money(r.previousMeanClv())).setHeader(Formats.withCurrency("Mean CLV before"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        segments.setAllRowsVisible(true);
        segments.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    }

    private void configureRegions() {
        byRegion.setId("summary-regions");
        byRegion.addColumn(WeeklySummary.RegionRow::region).setHeader("Region");
        byRegion.addColumn(r -> Formats.count(r.active())).setHeader("Active").setTextAlign(ColumnTextAlign.END);
        byRegion.addColumn(r -> Formats.count(r.newCustomers())).setHeader("New").setTextAlign(ColumnTextAlign.END);
        byRegion.addColumn(r -> Formats.count(r.lost())).setHeader("Lost").setTextAlign(ColumnTextAlign.END);
        byRegion.addColumn(r -> Formats.money(r.revenue())).setHeader(Formats.withCurrency("Revenue")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        byRegion.addColumn(r -> Formats.money(r.totalClv())).setHeader(Formats.withCurrency("Total CLV")).setTextAlign(ColumnTextAlign.END);
        byRegion.setAllRowsVisible(true);
        byRegion.addThemeVariants(GridVariant.LUMO_COMPACT);
    }

    private void configureFlow() {
        movementTabs.setId("summary-movement-tabs");
        matrixTab.setId("summary-tab-matrix");
        flowTab.setId("summary-tab-flow");
        flow.setId("summary-flow");
        flow.addClassName("c360-sankey");
        flow.setLabel("Movement between segments as a flow diagram; the Matrix tab shows the same counts as a table");
        flow.setVisible(false);
        flow.addLinkClickListener(e -> showMovers(flowShown.moves().get(flowShown.links().indexOf(e.link()))));
        movementTabs.addSelectedChangeListener(e -> {
            boolean flowSelected = e.getSelectedTab() == flowTab;
            flow.setVisible(flowSelected);
            movement.setVisible(!flowSelected);
            movementHint.setText(flowSelected ? FLOW_HINT : MATRIX_HINT);
        });
    }

    private void showMovement() {
        movement.removeAll();
        flowShown = MovementFlow.of(shown);
        flow.setData(flowShown.nodes(), flowShown.links());
        if (shown.previous() == null) {
            movement.add(Cards.muted("Movement needs an earlier snapshot."));
            return;
        }
        List<String> from = new ArrayList<>();
        List<String> to = new ArrayList<>();
        shown.segments().forEach(s -> {
            from.add(s.segment());
            to.add(s.segment());
        });
        from.add(SummaryService.NEW);
        to.add(SummaryService.GONE);
        Map<String, WeeklySummary.Move> cells = new LinkedHashMap<>();
        shown.movement().forEach(m -> cells.put(m.from() + "→" + m.to(), m));
        NativeTable table = new NativeTable();
        table.addClassName("c360-movement-table");
        NativeTableRow head = new NativeTableRow(new NativeTableHeaderCell("from \\ to"));
        // Column names written upwards: the columns are then as narrow as their numbers, and all fit at 1280 px.
        to.forEach(t -> {
            Span name = new Span(t);
            name.addClassName("c360-movement-column-name");
            NativeTableHeaderCell cell = new NativeTableHeaderCell(name);
            cell.getElement().setAttribute("scope", "col");
            head.add(cell);
        });
        table.add(new NativeTableHeader(head));
        NativeTableBody body = new NativeTableBody();
        for (String f : from) {
            NativeTableRow row = new NativeTableRow(new NativeTableHeaderCell(f));
            for (String t : to) {
                WeeklySummary.Move move = cells.get(f + "→" + t);
                NativeTableCell cell = new NativeTableCell();
                if (move != null && move.customers() > 0) {
                    cell.add(moveButton(move));
                }
                if (f.equals(t)) {
                    cell.addClassName("c360-movement-stay");
                }
                row.add(cell);
            }
            body.add(row);
        }
        table.add(body);
        movement.add(table);
    }

    /** The count over its share of the row's segment, on two lines, so that the column stays narrow. */
    private Component moveButton(WeeklySummary.Move move) {
        Button button = new Button(Formats.count(move.customers()), e -> showMovers(move));
        if (move.shareOfOrigin() != null) {
            Span share = new Span(Formats.wholeShare(move.shareOfOrigin()));
            share.addClassName("c360-movement-share");
            button.getElement().appendChild(share.getElement());
        }
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        button.setId("move-" + slug(move.from()) + "-" + slug(move.to()));
        button.setTooltipText(Formats.count(move.customers()) + " customers: " + move.from() + " → " + move.to());
        return button;
    }

    private static String slug(String segment) {
        return segment.toLowerCase().replaceAll("[^a-z]+", "-").replaceAll("(^-|-$)", "");
    }

    private void showMovers(WeeklySummary.Move move) {
        long from = shown.previous().snapshot().id();
        long to = shown.current().snapshot().id();
        Set<Short> filter = regions.regionIds();
        movers.show(move.from() + " → " + move.to() + ": " + Formats.count(move.customers()) + " customers",
                move.customers(), regions.isVisible(),
                "movers-" + slug(move.from()) + "-to-" + slug(move.to()) + "-" + shown.current().snapshot().asOf(),
                (order, offset, limit) -> summaries.movers(from, to, move.from(), move.to(), filter, order, offset,
                        limit),
                (order, format, out) -> summaries.exportMovers(from, to, move.from(), move.to(), filter, order, format,
                        out));
    }
}
