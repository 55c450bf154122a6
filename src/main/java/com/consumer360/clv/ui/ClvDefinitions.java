package com.consumer360.clv.ui;

import com.consumer360.ui.DefinitionsPanel;
import com.vaadin.flow.component.details.Details;
import java.util.List;

/**
 * The CLV page's "Definitions" panel: the models, P(alive), expected purchases, CLV, the frequency / recency / T
 * conventions, the lists, the histograms and the holdout check. The paragraphs are the text of
 * docs/analytics-methods.md's "clv-definitions" block, word for word (ClvDefinitionsDocumentationTest).
 */
final class ClvDefinitions {

    static final List<String> PARAGRAPHS = List.of(
            "BG/NBD (Fader, Hardie & Lee 2005) for the purchases: while alive, a customer buys as a Poisson process "
                    + "with rate λ ~ gamma(r, α); after each repeat purchase the customer drops out with probability "
                    + "p ~ beta(a, b). Fitted by maximum likelihood on the customers of every region, in weeks.",
            "Gamma-Gamma for the spend: a customer's purchase amounts are gamma(p, ν) with ν ~ gamma(q, v) across "
                    + "customers, independent of the purchases; fitted on the repeat buyers with a positive mean "
                    + "spend. Expected average order value = p(v + x·mₓ) / (px + q − 1), a weighted mean of the "
                    + "population's mean spend and the customer's own.",
            "Frequency, recency and T follow the lifetimes / BTYD conventions: purchases of one customer on one day "
                    + "are one purchase; frequency x = repeat purchase days (distinct purchase days − 1); recency tₓ "
                    + "= weeks from the first to the last purchase (0 when x = 0), not days since the last purchase; "
                    + "T = weeks from the first purchase to the end of the data; mₓ = the mean amount of the repeat "
                    + "purchase days.",
            "P(alive) = the BG/NBD probability that the customer has not dropped out, given x, tₓ and T; a customer "
                    + "without repeat purchases has P(alive) = 1. Expected purchases = E[Y(t) | x, tₓ, T], the "
                    + "expected number of purchases in the next t weeks, t = the horizon shown above.",
            "CLV = Σ over the months i = 1 … N of expected average order value × expected purchases in month i / "
                    + "(1 + d)^i, with N months and the monthly discount rate d shown above; each month's purchases "
                    + "are discounted at the month's end. CLV is net revenue, no margin applied.",
            "High value: the 1,000 customers with the largest CLV (ties by customer id). Churn risk: customers with "
                    + "an M score of at least the minimum (default 4: the top two fifths of all regions' customers "
                    + "by past net revenue) and P(alive) below the maximum (default 0.5), ordered by value at risk = "
                    + "past net revenue × (1 − P(alive)), largest first, ties by customer id.",
            "Histograms: CLV in roughly logarithmic bins from the lower bound up to but not including the upper: "
                    + "below 1, 1–2.5, 2.5–5, 5–10, 10–25, …, 10k–25k, 25k or more; P(alive) in steps of 0.1, with "
                    + "exactly 1 (no repeat purchase) in a bin of its own.",
            "Model fit: the refresh refits both models on the purchases up to the calibration end (26 weeks before "
                    + "the last sale) and predicts each customer's repeat purchase days after it, in the holdout; "
                    + "customers whose first purchase is in the holdout are left out. The chart compares the mean "
                    + "predicted with the mean actual holdout purchases by calibration repeat purchases 0 … 6 and 7+, "
                    + "as lifetimes' plot_calibration_purchases_vs_holdout_purchases. The parameters are fitted on "
                    + "the whole customer base; the comparison covers the customers you see (a regional manager: "
                    + "the region's).");

    private ClvDefinitions() {
    }

    static Details panel() {
        return DefinitionsPanel.of("clv-definitions", "Definitions: CLV models, P(alive), lists and model fit",
                PARAGRAPHS, "Customer lifetime value");
    }
}
