package com.consumer360.basket.ui;

import com.consumer360.basket.BasketRule;
import com.consumer360.basket.BasketService;
import com.consumer360.basket.BoughtTogether;
import com.consumer360.basket.RuleSetInfo;
import com.consumer360.ui.Cards;
import com.consumer360.ui.Formats;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import java.util.List;

/**
 * "Bought together" for one product of the shown rule set: the rules {product} ⇒ {y}, the strongest by lift and by
 * confidence side by side. Element ids: {@code together-section}, {@code together-product}, {@code together-lift},
 * {@code together-confidence}.
 */
final class BoughtTogetherPanel extends Div {

    static final int TOP = 10;

    private final BasketService basket;
    private final ComboBox<String> product = new ComboBox<>("Product");
    private final Div lists = new Div();
    private RuleSetInfo info;

    BoughtTogetherPanel(BasketService basket) {
        this.basket = basket;
        setId("together-section");
        addClassName("c360-basket-together");
        setWidthFull();
        product.setId("together-product");
        product.setPlaceholder("Choose a product");
        product.setClearButtonVisible(true);
        product.setWidth("20rem");
        product.addValueChangeListener(e -> refresh());
        lists.setId("together");
        lists.addClassName("c360-two-columns");
        lists.setWidthFull();
        add(new H3("Bought together"), Cards.muted("The rules with one product alone on the left: what else the "
                + "baskets that hold it contain, the strongest first."), product, lists);
    }

    /** The product box, whose items the page sets with the rule set's. */
    ComboBox<String> productBox() {
        return product;
    }

    /** Shows the panel for a rule set (after the page's rule set or filters changed). */
    void show(RuleSetInfo shown) {
        this.info = shown;
        refresh();
    }

    /** Chooses a product and brings the panel into view. */
    void choose(String item) {
        product.setValue(item);
        scrollIntoView();
    }

    private void refresh() {
        lists.removeAll();
        String chosen = product.getValue();
        if (chosen == null || info == null) {
            lists.add(Cards.muted("Choose a product to see what is bought with it."));
            return;
        }
        BoughtTogether result = basket.boughtTogether(info.set().regionId(), chosen, TOP);
        if (result.byLift().isEmpty()) {
            lists.add(Cards.muted("No rule has \"" + chosen + "\" alone on the left in " + info.set().name()
                    + ": it is bought with other products too rarely for the mined thresholds."));
            return;
        }
        lists.add(card("together-lift", "Top " + result.byLift().size() + " by lift (of "
                        + Formats.count(result.rulesWithProduct()) + ")", result.byLift()),
                card("together-confidence", "Top " + result.byConfidence().size() + " by confidence",
                        result.byConfidence()));
    }

    private static Div card(String id, String title, List<BasketRule> rules) {
        Grid<BasketRule> list = new Grid<>();
        list.setId(id);
        list.addColumn(BasketRule::consequent).setHeader("Also in the basket").setFlexGrow(3)
                .setTooltipGenerator(BasketRule::consequent);
        list.addColumn(r -> Formats.decimal(r.lift(), 3)).setHeader("Lift").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        list.addColumn(r -> Formats.percent(r.confidence())).setHeader("Confidence")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        list.addColumn(r -> Formats.count(r.count())).setHeader("Baskets").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        list.setItems(rules);
        list.setAllRowsVisible(true);
        list.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        return Cards.card(title, list);
    }
}
