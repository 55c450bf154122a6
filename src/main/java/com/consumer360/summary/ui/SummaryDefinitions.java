package com.consumer360.summary.ui;

import com.consumer360.summary.SummaryService;
import java.util.List;

/**
 * The summary's definitions panel text: docs/analytics-methods.md's "Weekly summary" definitions block, word for word
 * (SummaryDefinitionsDocumentationTest).
 */
final class SummaryDefinitions {

    static final List<String> PARAGRAPHS = List.of(
            "Each figure compares two snapshots of the weekly refresh over the customers you may see (and the regions "
                    + "chosen): the later one (by default the current snapshot) and an earlier one (by default the "
                    + "latest snapshot of an earlier day).",
            "Active customers = scored customers whose last purchase is at most " + SummaryService.ACTIVE_DAYS
                    + " days before the snapshot's as-of date. New customers = customers in the later snapshot who "
                    + "were not in the earlier one. Lost customers = customers active in the earlier snapshot who are "
                    + "not active in the later one.",
            "Revenue = net revenue between the two as-of dates: the sum of the customers' monetary values in the "
                    + "later snapshot minus that sum in the earlier one. Orders = purchase invoices between the two "
                    + "(sum of frequencies, likewise). Average order value = revenue / orders. Total CLV = the sum of "
                    + "expected CLV over the model's horizon in the later snapshot.",
            "The small charts show active customers, revenue, average order value and total CLV over the last "
                    + SummaryService.HISTORY + " snapshot days (the latest snapshot of each day), each against the day "
                    + "before it; new and lost customers are given for the chosen pair only.",
            "Movement: customers by their segment in the earlier snapshot (row) and in the later one (column); "
                    + "(new) are customers who were not scored in the earlier snapshot, (gone) those not scored in "
                    + "the later one. % of origin = the cell / the row segment's customers in the earlier snapshot "
                    + "(\"<1 %\" where it rounds to 0). Notable moves are the three largest moves between two different "
                    + "segments, with the refresh's own count of the same move one snapshot earlier (\"the period "
                    + "before\") and the change on it, when that move spans as many days as the pair (a four-week "
                    + "pair is not set against a one-week move). The flow diagram draws "
                    + "each non-zero cell off the diagonal as a band from the row segment (left) to the column "
                    + "segment (right), as wide as its customers; customers who stayed in their segment are left out.",
            "Segments: customers, net revenue (monetary) and mean CLV (total CLV / customers) per segment in both "
                    + "snapshots.");

    private SummaryDefinitions() {
    }
}
