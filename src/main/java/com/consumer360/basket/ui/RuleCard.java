package com.consumer360.basket.ui;

import com.consumer360.basket.BasketRule;
import com.consumer360.basket.RuleSetInfo;
import com.consumer360.ui.Cards;
import com.consumer360.ui.Formats;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The selected rule beside the scatter: its measures and a "bought with" button per item. Element id {@code rule-card}. */
final class RuleCard extends Div {

    RuleCard() {
        setId("rule-card");
        addClassName("c360-card");
        showNone();
    }

    void showNone() {
        removeAll();
        add(new H3("No rule selected"), new Paragraph("Click a point of the plot or a row of the table to see a "
                + "rule's measures and what is bought with its products."));
    }

    /** Shows a rule of the set; {@code boughtWith} is called with the item whose button is pressed. */
    void show(BasketRule rule, RuleSetInfo info, Consumer<String> boughtWith) {
        removeAll();
        H3 title = new H3(rule.label());
        title.setId("rule-title");
        Div items = new Div();
        items.addClassName("c360-basket-items");
        List<String> all = new ArrayList<>(rule.antecedentItems());
        all.add(rule.consequent());
        for (String item : all) {
            Button button = new Button("Bought with " + item, e -> boughtWith.accept(item));
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            items.add(button);
        }
        add(title,
                Cards.figure("Rank", "#" + rule.rank() + " of " + Formats.count(info.rules()), "rule-rank"),
                Cards.figure("Support", BasketView.support(rule.support()), "rule-support"),
                Cards.figure("Confidence", BasketView.confidence(rule.confidence()), "rule-confidence"),
                Cards.figure("Lift", Formats.decimal(rule.lift(), 3), "rule-lift"),
                Cards.figure("Leverage", Formats.decimal(rule.leverage(), 6), "rule-leverage"),
                Cards.figure("Conviction", BasketView.conviction(rule.conviction()), "rule-conviction"),
                Cards.figure("Count", Formats.count(rule.count()) + " of " + Formats.count(info.baskets())
                        + " baskets", "rule-count"),
                items);
    }
}
