package com.consumer360.cohorts.ui;

import com.consumer360.cohorts.CohortFilter;
import com.consumer360.cohorts.CohortMetric;
import com.consumer360.cohorts.CohortService;
import com.consumer360.cohorts.RetentionMatrix;
import com.consumer360.cohorts.RetentionMatrix.CohortRow;
import com.consumer360.cohorts.RetentionMatrix.RetentionCell;
import com.consumer360.security.Roles;
import com.consumer360.ui.Cards;
import com.consumer360.ui.CustomerList;
import com.consumer360.ui.ExportLinks;
import com.consumer360.ui.Formats;
import com.consumer360.ui.PageHeader;
import com.consumer360.warehouse.RegionOption;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.YearMonth;
import java.util.List;

/**
 * Monthly acquisition cohorts of the current snapshot: a heatmap of cohort × months since the first purchase
 * (customer retention, revenue retention or active customers) with each cohort's size, the average retention
 * curve with up to two cohorts or segments overlaid, and a clicked cell's customers below. Filters: cohort months,
 * country and, for users with more than one region, one region. Query parameters {@code from}, {@code to}
 * (yyyy-MM), {@code country}, {@code region} (id), {@code metric}, and {@code cohort} with {@code period} to open
 * a cell; a value outside the user's scope gives a message and no figures.
 */
@Route("cohorts")
@PageTitle("Cohorts · Consumer360")
@Menu(title = "Cohorts", order = 3.5)
@RolesAllowed({Roles.REGIONAL_MANAGER, Roles.EXECUTIVE, Roles.CS_OPS, Roles.ADMIN})
public class CohortsView extends VerticalLayout implements BeforeEnterObserver {

    private final CohortService cohorts;
    private final RadioButtonGroup<CohortMetric> metric = new RadioButtonGroup<>("Show");
    private final ComboBox<YearMonth> from = new ComboBox<>("First purchase from");
    private final ComboBox<YearMonth> to = new ComboBox<>("to");
    private final ComboBox<String> country = new ComboBox<>("Country");
    private final ComboBox<RegionOption> region = new ComboBox<>("Region");
    private final Paragraph summary = new Paragraph();
    private final Paragraph error = new Paragraph();
    private final CohortHeatmap heatmap = new CohortHeatmap(this::select);
    private final Div cellCard = new Div();
    private final ExportLinks export = new ExportLinks("cohort-export");
    private final Div exportRow;
    private final CohortCurves curves;
    private final CustomerList cellCustomers = new CustomerList("cohort-cell");
    private CohortFilter filter = CohortFilter.ALL;
    private RetentionMatrix matrix = new RetentionMatrix(null, null, List.of());
    private RetentionCell selected;
    private boolean updating;

    public CohortsView(CohortService cohorts) {
        this.cohorts = cohorts;
        addClassName("c360-page");
        setId("cohorts-view");
        curves = new CohortCurves(cohorts);
        metric.setId("cohort-metric");
        metric.setItems(CohortMetric.values());
        metric.setItemLabelGenerator(CohortMetric::label);
        metric.setValue(CohortMetric.CUSTOMER_RETENTION);
        metric.addValueChangeListener(e -> draw());

        List<RegionOption> regions = cohorts.regions();
        region.setId("cohort-region");
        region.setItems(regions);
        region.setItemLabelGenerator(RegionOption::name);
        region.setPlaceholder("All regions");
        region.setClearButtonVisible(true);
        region.setVisible(regions.size() > 1);
        region.addValueChangeListener(e -> {
            if (!updating) {
                updating = true; // the new list clears the country, which must not load the matrix a second time
                country.setItems(cohorts.countries(e.getValue() == null ? null : e.getValue().id()));
                updating = false;
                reload();
            }
        });
        country.setId("cohort-country");
        country.setItems(cohorts.countries(null));
        country.setPlaceholder("All countries");
        country.setClearButtonVisible(true);
        List<YearMonth> months = cohorts.matrix(CohortFilter.ALL).rows().stream().map(CohortRow::cohort).toList();
        for (ComboBox<YearMonth> month : List.of(from, to)) {
            month.setItems(months);
            month.setPlaceholder(month == from ? "first" : "last");
            month.setClearButtonVisible(true);
            month.setWidth("9rem");
        }
        from.setId("cohort-from");
        to.setId("cohort-to");
        for (ComboBox<?> box : List.of(from, to, country)) {
            box.addValueChangeListener(e -> {
                if (!updating) {
                    reload();
                }
            });
        }

        summary.setId("cohort-summary");
        summary.addClassName("c360-muted");
        error.setId("cohort-error");
        error.addClassName("c360-warning");
        error.setVisible(false);
        cellCard.setId("cohort-cell-card");
        cellCard.addClassName("c360-card");
        exportRow = new Div(Cards.muted("The matrix as shown, with counts, revenue and both retentions:"), export);
        exportRow.addClassName("c360-cohort-export");
        heatmap.setWidthFull();
        // The heatmap takes the full width (two years of cohorts are 25 columns); the clicked cell's figures sit
        // beside the curves, above its customer list.
        Div detailRow = new Div(cellCard, curves);
        detailRow.addClassName("c360-cohort-layout");
        detailRow.setWidthFull();
        cellCustomers.setId("cohort-cell-section");
        add(PageHeader.of("Cohort retention", summary, metric, PageHeader.pair(from, to), country, region), error, heatmap,
                exportRow, detailRow, CohortDefinitions.panel(), cellCustomers);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CohortLink link;
        CohortFilter requested;
        try {
            link = CohortLink.parse(event.getLocation().getQueryParameters().getParameters());
            requested = new CohortFilter(link.from(), link.to(), link.country(), link.region());
        } catch (IllegalArgumentException e) {
            refuse("That link is not valid: " + e.getMessage());
            return;
        }
        updating = true;
        metric.setValue(link.metric());
        from.setValue(link.from());
        to.setValue(link.to());
        region.setValue(region.getListDataView().getItems().filter(r -> Short.valueOf(r.id()).equals(link.region())).findFirst()
                .orElse(null));
        if (region.getValue() != null) {
            country.setItems(cohorts.countries(link.region()));
        }
        country.setValue(null);
        updating = false;
        if (!load(requested)) {
            return;
        }
        if (requested.country() != null) {
            updating = true;
            country.setValue(requested.country());
            updating = false;
        }
        if (link.cohort() != null) {
            RetentionCell cell = matrix.row(link.cohort())
                    .filter(r -> link.period() >= 0 && link.period() < r.cells().size())
                    .map(r -> r.cells().get(link.period())).orElse(null);
            if (cell == null) {
                showError("No cohort " + link.cohort() + " with a month " + link.period()
                        + " among the cohorts shown.");
            } else {
                select(cell);
            }
        }
    }

    private void reload() {
        try {
            filter = new CohortFilter(from.getValue(), to.getValue(), country.getValue(),
                    region.getValue() == null ? null : region.getValue().id());
        } catch (IllegalArgumentException e) {
            // Nothing of the filter before stays on screen (or in the export) under the refused one.
            refuse(e.getMessage());
            return;
        }
        load(filter);
    }

    /** Loads and draws the matrix for the filter; false (with a message and nothing shown) when it is refused. */
    private boolean load(CohortFilter next) {
        try {
            matrix = cohorts.matrix(next);
        } catch (IllegalArgumentException e) {
            refuse(e.getMessage());
            return false;
        }
        error.setVisible(false);
        exportRow.setVisible(true);
        filter = next;
        selected = null;
        cellCustomers.setVisible(false);
        summary.setText(matrix.asOf() == null ? "No snapshot yet: the analytics have not been refreshed."
                : Formats.count(matrix.customers()) + " customers in " + matrix.rows().size() + " monthly cohorts ("
                        + scopeText() + "), as of " + matrix.asOf() + ". Hover a cell for its counts; click it to "
                        + "list its customers.");
        draw();
        export.set("cohorts-" + matrix.asOf(), (format, out) -> cohorts.exportMatrix(next, format, out));
        showCellCard();
        return true;
    }

    private void refuse(String message) {
        matrix = new RetentionMatrix(null, null, List.of());
        exportRow.setVisible(false);
        selected = null;
        cellCustomers.setVisible(false);
        summary.setText("");
        draw();
        showCellCard();
        showError(message);
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private String scopeText() {
        String where = region.isVisible() && region.getValue() != null ? region.getValue().name() : "your regions";
        return filter.country() == null ? where : filter.country() + ", " + where;
    }

    private void draw() {
        CohortMetric shown = metric.getValue() == null ? CohortMetric.CUSTOMER_RETENTION : metric.getValue();
        heatmap.show(matrix, shown);
        heatmap.mark(selected);
        curves.show(matrix, filter, shown == CohortMetric.REVENUE_RETENTION);
    }

    private void select(RetentionCell cell) {
        selected = cell;
        heatmap.mark(cell);
        showCellCard();
        CohortFilter shown = filter;
        cellCustomers.show("Customers of the " + cell.cohort() + " cohort active in month " + cell.period() + " ("
                        + cell.month() + "): " + Formats.count(cell.customers()), cell.customers(), region.isVisible(),
                "cohort-" + cell.cohort() + "-month-" + cell.period() + "-" + matrix.asOf(),
                (order, offset, limit) -> cohorts.cellCustomers(shown, cell.cohort(), cell.period(), order, offset,
                        limit),
                (order, format, out) -> cohorts.exportCellCustomers(shown, cell.cohort(), cell.period(), order, format,
                        out));
    }

    private void showCellCard() {
        cellCard.removeAll();
        if (selected == null) {
            cellCard.add(new H3("No cell selected"), new Paragraph("Click a cell to see its figures and list the "
                    + "customers of that cohort who purchased in that month."));
            return;
        }
        RetentionCell cell = selected;
        CohortRow row = matrix.row(cell.cohort()).orElseThrow();
        cellCard.add(new H3("Cohort " + cell.cohort() + ", month " + cell.period()),
                Cards.figure("Calendar month", cell.month().toString(), "cohort-cell-month"),
                Cards.figure("Cohort size", Formats.count(row.size()), "cohort-cell-size"),
                Cards.figure("Active customers", Formats.count(cell.customers()), "cohort-cell-customers"),
                Cards.figure("Customer retention", Formats.percent(cell.retention()), "cohort-cell-retention"),
                Cards.figure("Revenue", Formats.money(cell.revenue()), "cohort-cell-revenue"),
                Cards.figure("Revenue retention", cell.revenueRetention() == null ? "–"
                        : Formats.percent(cell.revenueRetention()), "cohort-cell-revenue-retention"));
    }
}
