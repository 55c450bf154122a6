package com.consumer360.basket.ui;

import com.consumer360.basket.BasketRule;
import com.consumer360.basket.BasketService;
import com.consumer360.basket.InvalidRuleFilterException;
import com.consumer360.basket.RuleFilter;
import com.consumer360.basket.RuleOrder;
import com.consumer360.basket.RulePoint;
import com.consumer360.basket.RuleSetInfo;
import com.consumer360.basket.RuleSetOption;
import com.consumer360.security.Roles;
import com.consumer360.ui.ExportLinks;
import com.consumer360.ui.Formats;
import com.consumer360.ui.PageHeader;
import com.consumer360.ui.chart.ApexChart;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Market-basket rules of the current snapshot: the mining thresholds and basket count behind them, a scatter of the
 * rules (support × confidence, shaded by lift), the sortable, lazily loaded rule table with filters and CSV/XLSX
 * exports, the selected rule, and "bought together" for one product. A regional manager sees the rules mined on
 * their region's baskets; a user who sees every region chooses the overall rules or one region's.
 * URL parameters {@code region}, {@code product}, {@code support}, {@code confidence}, {@code lift} preset the page;
 * support and confidence there stay fractions (0.33), as bookmarks made before the fields took percentages have them.
 * Support and confidence are shown and typed as percentages (33 = 33 %), lift as a ratio.
 */
@Route("basket")
@PageTitle("Basket rules · Consumer360")
@Menu(title = "Basket rules", order = 3.5)
@RolesAllowed({Roles.REGIONAL_MANAGER, Roles.EXECUTIVE, Roles.CS_OPS, Roles.ADMIN})
public class BasketView extends VerticalLayout implements BeforeEnterObserver {

    private final BasketService basket;
    private final List<RuleSetOption> sets;
    private final Select<RuleSetOption> ruleSet = new Select<>();
    private final NumberField minSupport = new NumberField("Min support (%)");
    private final NumberField minConfidence = new NumberField("Min confidence (%)");
    private final NumberField minLift = new NumberField("Min lift");
    private final ComboBox<String> product = new ComboBox<>("Rules with product");
    private final Paragraph summary = new Paragraph();
    private final Paragraph error = new Paragraph();
    private final Div facts = new Div();
    private final ApexChart scatter = new ApexChart(Map.of());
    private final Paragraph scatterNote = new Paragraph();
    private final RuleCard ruleCard = new RuleCard();
    private final H3 tableTitle = new H3();
    private final ExportLinks export = new ExportLinks("rules-export");
    private final Grid<BasketRule> grid = new Grid<>();
    private final BoughtTogetherPanel together;
    private RuleSetInfo info;
    private RuleFilter filter;
    private RuleScatter points;
    private boolean loading;
    private Short listedRegion;

    public BasketView(BasketService basket) {
        this.basket = basket;
        this.sets = basket.ruleSets();
        this.together = new BoughtTogetherPanel(basket);
        addClassName("c360-page");
        addClassName("c360-basket-page");
        setId("basket-view");

        ruleSet.setLabel("Rules of");
        ruleSet.setId("rule-set");
        ruleSet.setItems(sets);
        ruleSet.setItemLabelGenerator(RuleSetOption::name);
        ruleSet.setVisible(sets.size() > 1);
        ruleSet.addValueChangeListener(e -> {
            if (!loading) {
                ruleCard.showNone();
                product.clear();
                together.productBox().clear();
                reload();
            }
        });
        minSupport.setId("min-support");
        minConfidence.setId("min-confidence");
        minLift.setId("min-lift");
        for (NumberField field : List.of(minSupport, minConfidence, minLift)) {
            field.setClearButtonVisible(true);
            field.setWidth("9rem");
            field.setMin(0);
            field.addValueChangeListener(e -> reloadUnlessLoading());
        }
        // No step: any number within the limits is a filter (a step would refuse 0.33 without saying why).
        minSupport.setMax(100);
        minConfidence.setMax(100);
        limits(minSupport, "Support", 0);
        limits(minConfidence, "Confidence", 0);
        limits(minLift, "Lift", 0);
        product.setId("product-filter");
        product.setPlaceholder("Any product");
        product.setClearButtonVisible(true);
        product.setWidth("16rem");
        product.addValueChangeListener(e -> reloadUnlessLoading());

        summary.setId("basket-summary");
        summary.addClassName("c360-muted");
        error.setId("basket-error");
        error.addClassName("c360-error");
        error.setVisible(false);
        facts.setId("mining-facts");
        facts.addClassName("c360-basket-facts");

        scatter.setId("rule-scatter");
        scatter.addDataPointClickListener(e -> {
            int rank = points == null ? -1 : points.rank(e.seriesIndex(), e.dataPointIndex());
            if (rank > 0 && info != null) {
                basket.rule(info.set().regionId(), rank).ifPresent(this::select);
            }
        });
        scatterNote.setId("scatter-note");
        scatterNote.addClassName("c360-muted");
        Div scatterBox = new Div(scatter, scatterNote);
        Div scatterRow = new Div(scatterBox, ruleCard);
        scatterRow.addClassName("c360-matrix-layout");
        scatterRow.setWidthFull();

        tableTitle.setId("rules-title");
        Div tableHeader = new Div(tableTitle, export);
        tableHeader.addClassName("c360-basket-table-header");
        configureGrid();


        Div filters = new Div(minSupport, minConfidence, minLift, product);
        filters.addClassName("c360-toolbar");
        filters.setId("rule-filters");
        add(PageHeader.of("Basket rules", summary, ruleSet), facts, filters, error, scatterRow,
                BasketDefinitions.panel("basket-definitions"), tableHeader, grid, together);

        loading = true;
        if (!sets.isEmpty()) {
            ruleSet.setValue(sets.getFirst());
        }
        loading = false;
        reload();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.isEmpty() || sets.isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        loading = true;
        try {
            first(parameters, "region").ifPresent(region -> sets.stream()
                    .filter(s -> String.valueOf(s.regionId()).equals(region) || s.name().equalsIgnoreCase(region))
                    .findFirst().ifPresentOrElse(ruleSet::setValue,
                            () -> problems.add("There are no rules for region \"" + region + "\" that you can see.")));
            RuleSetInfo shown = basket.ruleSet(ruleSet.getValue().regionId()).orElseThrow();
            fraction(parameters, "support", minSupport, shown.minSupport(), problems);
            fraction(parameters, "confidence", minConfidence, shown.minConfidence(), problems);
            number(parameters, "lift", minLift, 0, Double.MAX_VALUE, problems);
            configureProductLists(shown.set().regionId());
            first(parameters, "product").ifPresent(name -> {
                if (basket.hasProduct(shown.set().regionId(), name)) {
                    product.setValue(name);
                    together.productBox().setValue(name);
                } else {
                    problems.add("No rule of " + shown.set().name() + " contains the product \"" + name + "\".");
                }
            });
        } finally {
            loading = false;
        }
        reload();
        if (!problems.isEmpty()) {
            showError(String.join(" ", problems) + " The page shows your rules without that setting.");
        }
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        return Optional.ofNullable(parameters.get(name)).filter(v -> !v.isEmpty()).map(List::getFirst);
    }

    /** A fraction in the address (0.33, as before the fields took percentages) into a percentage field (33). */
    private static void fraction(Map<String, List<String>> parameters, String name, NumberField field, double min,
                                 List<String> problems) {
        first(parameters, name).ifPresent(text -> {
            try {
                double value = Double.parseDouble(text);
                if (value >= min && value <= 1) {
                    field.setValue(toPercent(value));
                    return;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add("The " + name + " \"" + text + "\" is not a fraction between " + min + " and 1 ("
                    + threshold(min) + " to 100 %).");
        });
    }

    private static void number(Map<String, List<String>> parameters, String name, NumberField field, double min,
                               double max, List<String> problems) {
        first(parameters, name).ifPresent(text -> {
            try {
                double value = Double.parseDouble(text);
                if (value >= min && value <= max) {
                    field.setValue(value);
                    return;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add("The " + name + " \"" + text + "\" is not a number "
                    + (max == Double.MAX_VALUE ? "of at least " + Formats.decimal(min, 0) + "."
                            : "between " + min + " and " + max + "."));
        });
    }

    private void reloadUnlessLoading() {
        if (!loading) {
            reload();
        }
    }

    private void reload() {
        RuleSetOption set = ruleSet.getValue();
        if (set == null) {
            summary.setText("No basket rules yet: the analytics have not been refreshed, or no rules are in your "
                    + "regions.");
            facts.setVisible(false);
            grid.setItems(List.of());
            return;
        }
        RuleFilter next = new RuleFilter(set.regionId(), toFraction(minSupport.getValue()),
                toFraction(minConfidence.getValue()), minLift.getValue(), product.getValue());
        try {
            if (minSupport.isInvalid() || minConfidence.isInvalid() || minLift.isInvalid()) {
                throw new InvalidRuleFilterException("Correct the filter marked in red (its message says how), or "
                        + "leave it empty.");
            }
            info = basket.validate(next);
        } catch (InvalidRuleFilterException e) {
            showError(e.getMessage());
            return;
        }
        error.setVisible(false);
        filter = next;
        configureProductLists(set.regionId());
        showFacts();
        long count = basket.count(filter);
        summary.setText(Formats.count(count) + " of " + Formats.count(info.rules()) + " rules of "
                + info.set().name() + " match the filters, as of " + info.asOf()
                + ". Click a point or a row to see the rule.");
        tableTitle.setText("Rules (" + Formats.count(count) + ")");
        RuleFilter shown = filter;
        grid.setItems(query -> basket.rules(shown, order(query.getSortOrders()), query.getOffset(), query.getLimit())
                .stream(), query -> (int) Math.min(Integer.MAX_VALUE, count));
        updateExport();
        points = new RuleScatter(basket.points(filter));
        scatter.setOptions(points.options(null));
        scatterNote.setText(count > BasketService.POINT_CAP
                ? "The plot shows the " + Formats.count(BasketService.POINT_CAP) + " highest-lift of the "
                        + Formats.count(count) + " matching rules; the table has them all."
                : "All " + Formats.count(count) + " matching rules. Drag to zoom; the house icon resets.");
        together.show(info);
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    /** Points both product boxes at the rule set's items; setting a box's items clears it, so only on a change. */
    private void configureProductLists(short regionId) {
        if (listedRegion != null && listedRegion == regionId) {
            return;
        }
        listedRegion = regionId;
        for (ComboBox<String> box : List.of(product, together.productBox())) {
            box.setItems(query -> basket.products(regionId, query.getFilter().orElse(""), query.getOffset(),
                    query.getLimit()).stream(), query -> (int) basket.productCount(regionId, query.getFilter().orElse("")));
        }
    }

    private void showFacts() {
        facts.setVisible(true);
        facts.removeAll();
        String baskets = info.set().overall() ? "all regions' " : info.set().name() + "'s ";
        Paragraph mined = new Paragraph("Mined on " + baskets + Formats.count(info.baskets()) + " baskets (invoices) "
                + "with minimum support " + threshold(info.minSupport()) + ", minimum confidence "
                + threshold(info.minConfidence())
                + " and at most " + info.maxLength() + " items per rule: " + Formats.count(info.frequentItemsets())
                + " frequent itemsets, " + Formats.count(info.rules()) + " rules. The filters narrow these rules; "
                + "they cannot go below the mined thresholds.");
        mined.setId("mining-thresholds");
        facts.add(mined);
        minSupport.setMin(toPercent(info.minSupport()));
        limits(minSupport, "Support", info.minSupport());
        minSupport.setPlaceholder(toPercentText(info.minSupport()));
        minConfidence.setMin(toPercent(info.minConfidence()));
        limits(minConfidence, "Confidence", info.minConfidence());
        minConfidence.setPlaceholder(toPercentText(info.minConfidence()));
        minLift.setPlaceholder("any");
    }

    /**
     * The field's messages: below {@code min} (a fraction, the mined threshold: rules below it were not mined), above
     * 100 % for support and confidence, which are typed as percentages of baskets (50 = 50 %, as the table shows them),
     * and text that is no number.
     */
    private static void limits(NumberField field, String name, double min) {
        if (name.equals("Lift")) {
            field.setI18n(new NumberField.NumberFieldI18n()
                    .setBadInputErrorMessage("Enter a number, with a point for decimals.")
                    .setMinErrorMessage("Lift is at least 0."));
            return;
        }
        field.setI18n(new NumberField.NumberFieldI18n()
                .setBadInputErrorMessage("Enter a percentage of baskets (50 = 50 %), with a point for decimals.")
                .setMinErrorMessage(min > 0 ? name + " is at least " + threshold(min) + ", the threshold the "
                        + "rules were mined at." : name + " is at least 0 %.")
                .setMaxErrorMessage(name + " is at most 100 %."));
    }

    /** A percentage typed in a field as the fraction the service filters by, exactly: 0.2 % is 0.002, not 0.0019…. */
    static Double toFraction(Double percent) {
        return percent == null ? null : BigDecimal.valueOf(percent).movePointLeft(2).doubleValue();
    }

    static double toPercent(double fraction) {
        return BigDecimal.valueOf(fraction).movePointRight(2).doubleValue();
    }

    /** A threshold as a percentage to type, with the digits it has and no more: 0.002 is "0.2", 0.2 is "20". */
    static String toPercentText(double fraction) {
        return BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    /** A threshold as a percentage shown, every digit it has: 0.002 is "0.2 %", 0.2 is "20 %". */
    static String threshold(double fraction) {
        return Formats.percent(fraction, Math.max(0, new BigDecimal(toPercentText(fraction)).scale()));
    }

    private void updateExport() {
        if (filter == null || info == null) {
            return;
        }
        RuleFilter exported = filter;
        RuleOrder order = order(grid.getSortOrder().stream()
                .map(s -> new QuerySortOrder(s.getSorted().getKey(), s.getDirection()))
                .toList());
        String slug = info.set().overall() ? "overall" : info.set().name().toLowerCase().replace(' ', '-');
        export.set("basket-rules-" + slug + "-" + info.asOf(), (format, out) -> basket.exportRules(exported, order,
                format, out));
    }

    private static RuleOrder order(List<QuerySortOrder> sortOrders) {
        if (sortOrders.isEmpty()) {
            return RuleOrder.BY_RANK;
        }
        var first = sortOrders.getFirst();
        return new RuleOrder(RuleOrder.Column.valueOf(first.getSorted()), first.getDirection() == SortDirection.DESCENDING);
    }

    private void configureGrid() {
        grid.setId("rules-grid");
        sortable(grid.addColumn(BasketRule::rank).setHeader("#"), RuleOrder.Column.RANK).setFlexGrow(0).setWidth("5rem");
        grid.addColumn(r -> String.join(", ", r.antecedentItems())).setHeader("If a basket holds")
                .setFlexGrow(3).setTooltipGenerator(BasketRule::antecedent).setKey("antecedent");
        grid.addColumn(BasketRule::consequent).setHeader("⇒ it also holds").setFlexGrow(2)
                .setTooltipGenerator(BasketRule::consequent).setKey("consequent");
        sortable(grid.addColumn(r -> support(r.support())).setHeader("Support"), RuleOrder.Column.SUPPORT);
        sortable(grid.addColumn(r -> confidence(r.confidence())).setHeader("Confidence"),
                RuleOrder.Column.CONFIDENCE);
        sortable(grid.addColumn(r -> Formats.decimal(r.lift(), 3)).setHeader("Lift"), RuleOrder.Column.LIFT);
        sortable(grid.addColumn(r -> Formats.decimal(r.leverage(), 6)).setHeader("Leverage"), RuleOrder.Column.LEVERAGE);
        sortable(grid.addColumn(r -> conviction(r.conviction())).setHeader("Conviction"), RuleOrder.Column.CONVICTION);
        sortable(grid.addColumn(r -> Formats.count(r.count())).setHeader("Count"), RuleOrder.Column.COUNT);
        grid.setMultiSort(false);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPageSize(50);
        grid.setHeight("440px");
        grid.setWidthFull();
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey(RuleOrder.Column.RANK.name()),
                SortDirection.ASCENDING)));
        grid.addSortListener(e -> updateExport());
        grid.addItemClickListener(e -> select(e.getItem()));
    }

    private static Grid.Column<BasketRule> sortable(Grid.Column<BasketRule> column, RuleOrder.Column by) {
        return column.setKey(by.name()).setSortProperty(by.name()).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }

    /** Support as a percentage with two decimals: rules are mined from 0.2 % of baskets, so one would hide most. */
    static String support(double fraction) {
        return Formats.percent(fraction, 2);
    }

    static String confidence(double fraction) {
        return Formats.percent(fraction);
    }

    static String conviction(Double value) {
        return value == null ? "∞" : Formats.decimal(value, 3);
    }

    private void select(BasketRule rule) {
        grid.select(rule);
        if (points != null) {
            scatter.setOptions(points.options(new RulePoint(rule.rank(), rule.support(), rule.confidence(),
                    rule.lift())));
        }
        ruleCard.show(rule, info, together::choose);
    }
}
