package com.consumer360.cohorts.ui;

import com.consumer360.ui.DefinitionsPanel;
import com.vaadin.flow.component.details.Details;
import java.util.List;

/**
 * The cohorts page's definitions panel. The paragraphs are the text of docs/analytics-methods.md's
 * "cohort-definitions" block, word for word (CohortDefinitionsDocumentationTest).
 */
final class CohortDefinitions {

    static final List<String> PARAGRAPHS = List.of(
            "Cohort = the calendar month of the customer's first purchase (a line with a positive amount on an "
                    + "invoice that is not a cancellation). Activity before that month is ignored. Lines without a "
                    + "customer are not used.",
            "Period k = calendar months since the cohort month; k = 0 is the cohort month itself. Each row runs "
                    + "from k = 0 to the snapshot's last month with sales. That month usually ends at the as-of "
                    + "date, not at its last day, so its cells (the last diagonal) read low.",
            "Cohort size = the cohort's customers, i.e. those active in period 0. Active customers(c, k) = cohort "
                    + "customers with at least one purchase in month c + k. Customer retention = active "
                    + "customers(c, k) / cohort size.",
            "Revenue(c, k) = net revenue of the cohort's customers in month c + k: purchases minus cancellations "
                    + "and returns, whether or not the customer purchased that month. Revenue retention = "
                    + "revenue(c, k) / revenue(c, 0); empty when revenue(c, 0) is not positive.",
            "Scope: a cohort is made of the customers you may see, so a regional manager's cohort sizes and cells "
                    + "are computed over the region's customers only. The country and region filters narrow the "
                    + "customers in the same way; the month range keeps the cohorts whose first-purchase month lies "
                    + "in it.",
            "Average curve = per period k, over the shown cohorts that have reached k in a complete month: "
                    + "Σ active customers(c, k) / Σ cohort size (customer retention), or Σ revenue(c, k) / "
                    + "Σ revenue(c, 0) (revenue retention); larger cohorts weigh more. Cells of a month the data "
                    + "covers only in part (the last diagonal) are left out, here and in a cohort drawn over the "
                    + "curve. A segment's curve is the same average over the customers who are in that RFM segment "
                    + "in the current snapshot.",
            "All figures come from the current snapshot, the one the header's \"Data as of\" names.");

    private CohortDefinitions() {
    }

    static Details panel() {
        return DefinitionsPanel.of("cohort-definitions", "Definitions: cohorts and retention", PARAGRAPHS,
                "Cohorts");
    }
}
