package com.consumer360.batch;

import com.consumer360.analytics.basket.AssociationRule;
import com.consumer360.analytics.basket.BasketRules;
import com.consumer360.analytics.basket.RegionalBasketRules;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes rules.json: the basket rules of all invoices, ordered by lift; and, when the input has a region column,
 * rules_by_region.json: each region's rules, mined from its invoices alone with the same thresholds. Conviction is
 * null where it is infinite (confidence 1: the rule never fails), as JSON has no infinity.
 */
final class RulesStage implements OutputStage {

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public boolean needsSales() {
        return false;
    }

    @Override
    public void write(Analysis analysis, Path outDir) throws IOException {
        RegionalBasketRules mined = analysis.basketRules();
        OutputFiles.writeJson(outDir.resolve("rules.json"), json(mined.overall()));
        if (!mined.byRegion().isEmpty()) {
            Map<String, Object> byRegion = new LinkedHashMap<>();
            mined.byRegion().forEach((region, rules) -> byRegion.put(region, json(rules)));
            OutputFiles.writeJson(outDir.resolve("rules_by_region.json"), byRegion);
        }
    }

    private static List<Map<String, Object>> json(BasketRules rules) {
        return rules.rules().stream().map(RulesStage::json).toList();
    }

    private static Map<String, Object> json(AssociationRule rule) {
        return OutputFiles.object(
                "antecedent", rule.antecedent(),
                "consequent", rule.consequent(),
                "support", OutputFiles.number(rule.support(), 8),
                "confidence", OutputFiles.number(rule.confidence(), 6),
                "lift", OutputFiles.number(rule.lift(), 6),
                "leverage", OutputFiles.number(rule.leverage(), 8),
                "conviction", rule.conviction() == null ? null : OutputFiles.number(rule.conviction(), 6),
                "count", rule.count());
    }
}
