package com.consumer360.basket;

import static com.consumer360.export.ExportColumn.date;
import static com.consumer360.export.ExportColumn.integer;
import static com.consumer360.export.ExportColumn.measure;
import static com.consumer360.export.ExportColumn.text;

import com.consumer360.export.ExportTable;
import java.util.List;
import java.util.function.Consumer;

/** The columns of the basket page's export; the rows come from the scoped query as the table is written. */
final class BasketTables {

    private BasketTables() {
    }

    /**
     * The filtered rules in the grid's order. Conviction is empty when infinite (confidence 1), as in the batch run's
     * JSON; the rule set, its thresholds and basket count repeat on every row so that a file read alone says
     * where its numbers come from. Support and confidence are fractions with every digit (0.00122, as arules and the
     * batch run's JSON write them, under their names), where the page shows percentages.
     */
    static ExportTable rules(RuleSetInfo info, Consumer<Consumer<BasketRule>> each) {
        return new ExportTable("Rules " + info.set().name(), List.of(integer("rank"), text("antecedent"),
                text("consequent"), measure("support"), measure("confidence"), measure("lift"), measure("leverage"),
                measure("conviction"), integer("count"), text("rule_set"), integer("baskets"), measure("min_support"),
                measure("min_confidence"), integer("max_length"), date("as_of")),
                sink -> each.accept(r -> sink.row(r.rank(), r.antecedent(), r.consequent(), r.support(),
                        r.confidence(), r.lift(), r.leverage(), r.conviction(), r.count(), info.set().name(),
                        info.baskets(), info.minSupport(), info.minConfidence(), info.maxLength(), info.asOf())));
    }
}
