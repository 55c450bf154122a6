package com.consumer360.basket.ui;

import com.consumer360.ui.DefinitionsPanel;
import com.vaadin.flow.component.details.Details;
import java.util.List;

/**
 * The basket page's "Definitions" panel: baskets and items, support, confidence, lift, leverage, conviction and
 * the arules conventions. The paragraphs are docs/analytics-methods.md's basket-definitions block, word for word
 * (BasketDefinitionsDocumentationTest).
 */
final class BasketDefinitions {

    static final List<String> PARAGRAPHS = List.of(
            "A basket is an invoice (its purchase lines; cancellations and returns are left out) and an item is a "
                    + "product, named by its description. n = the number of baskets the rules were mined on: a "
                    + "region's invoices for a region's rules, every invoice for the overall rules.",
            "A rule {X} ⇒ {y} has one or more items on the left and exactly one on the right (the arules "
                    + "convention); rules with an empty left-hand side are not listed. count = the number of baskets "
                    + "holding every item of X and y.",
            "Support = count / n, the share of all baskets that hold the whole rule, shown as a percentage "
                    + "(0.25 % = 1 basket in 400). An itemset is frequent when its support is at least the minimum "
                    + "support (inclusive).",
            "Confidence = support(X ∪ {y}) / support(X), the share of the baskets with X that also hold y, shown as "
                    + "a percentage. A rule is kept when its confidence is at least the minimum confidence "
                    + "(inclusive).",
            "Lift = confidence / support(y), a ratio: 1 means X and y occur together as often as chance predicts, "
                    + "above 1 they go together more often.",
            "Leverage = support(X ∪ {y}) − support(X) · support(y), between −0.25 and 0.25; 0 means independence.",
            "Conviction = (1 − support(y)) / (1 − confidence): 1 means independence, larger means the rule fails "
                    + "less often than chance predicts; ∞ when the confidence is 1 (the rule never fails; arules "
                    + "prints Inf, the exports leave the cell empty).",
            "Rules are ranked by lift, then support, then confidence, all descending. The filters take support and "
                    + "confidence as percentages (20 = 20 %) and lift as a ratio; they only narrow the mined rules: a "
                    + "minimum below the mined threshold cannot bring back rules that were not kept. The exports hold "
                    + "support and confidence as fractions (0.2 = 20 %), as arules and the batch run write them.",
            "Bought together: the rules with the chosen product alone on the left, the strongest by lift and by "
                    + "confidence.");

    private BasketDefinitions() {
    }

    static Details panel(String id) {
        return DefinitionsPanel.of(id, "Definitions: support, confidence, lift, leverage, conviction", PARAGRAPHS,
                "Basket rules");
    }
}
