package com.consumer360.refresh;

import com.consumer360.analytics.basket.BasketRules;
import com.consumer360.analytics.clv.ClvResult;
import com.consumer360.analytics.clv.Purchase;
import com.consumer360.analytics.rfm.SegmentMap;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The snapshot's non-customer facts as JSON: model parameters, fit checks, thresholds, definitions' versions. */
final class ModelSummary {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ModelSummary() {
    }

    static String json(SnapshotContent content, RefreshOptions options) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("segment_map_version", SegmentMap.VERSION);
        model.put("as_of", content.inputs().asOf().toString());
        model.put("warehouse_lines", content.inputs().lines());
        model.put("clv", clv(content.clv(), options));
        model.put("holdout_check", content.holdoutCheck() == null ? null
                : holdout(content.holdoutCheck(), lastPurchase(content)));
        model.put("clv_note", content.clvNote());
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("min_support", options.minSupport());
        rules.put("min_confidence", options.minConfidence());
        rules.put("max_length", options.maxLength());
        rules.put("overall", counts(content.rules().overall()));
        Map<String, Object> byRegion = new LinkedHashMap<>();
        content.rules().byRegion().forEach((region, regionRules) -> byRegion.put(region, counts(regionRules)));
        rules.put("by_region", byRegion);
        model.put("basket_rules", rules);
        return JSON.writeValueAsString(model);
    }

    private static Map<String, Object> clv(ClvResult clv, RefreshOptions options) {
        if (clv == null) {
            return null;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        var bg = clv.bgNbd().model();
        result.put("time_unit", "weeks");
        result.put("calibration_end", clv.options().calibrationEnd().toString());
        result.put("bgnbd", Map.of("r", bg.r(), "alpha", bg.alpha(), "a", bg.a(), "b", bg.b(),
                "log_likelihood", clv.bgNbd().logLikelihood(), "customers", clv.bgNbd().customers()));
        var gg = clv.gammaGamma().model();
        result.put("gamma_gamma", Map.of("p", gg.p(), "q", gg.q(), "v", gg.v(),
                "log_likelihood", clv.gammaGamma().logLikelihood()));
        result.put("clv_months", options.clvMonths());
        result.put("monthly_discount_rate", options.discountRate());
        result.put("horizon_weeks", clv.options().horizon());
        result.put("fit_millis", clv.fitMillis());
        return result;
    }

    /**
     * The check's table, and what recomputing it for some regions needs (the CLV page does, for a manager's
     * customers): the refitted BG/NBD parameters and the holdout's length, calibration end to the last purchase day.
     */
    private static Map<String, Object> holdout(ClvResult check, LocalDate lastPurchase) {
        Map<String, Object> result = new LinkedHashMap<>();
        LocalDate calibrationEnd = check.options().calibrationEnd();
        result.put("calibration_end", calibrationEnd.toString());
        result.put("holdout_weeks", check.options().horizon());
        result.put("last_purchase", lastPurchase.toString());
        result.put("length_weeks", ChronoUnit.DAYS.between(calibrationEnd, lastPurchase) / 7.0);
        var bg = check.bgNbd().model();
        result.put("bgnbd", Map.of("r", bg.r(), "alpha", bg.alpha(), "a", bg.a(), "b", bg.b(),
                "log_likelihood", check.bgNbd().logLikelihood(), "customers", check.bgNbd().customers()));
        result.put("by_frequency", check.holdout().stream().map(row -> Map.of("calibration_frequency",
                row.calibrationFrequency(), "customers", row.customers(), "actual_mean", row.actualMean(),
                "predicted_mean", row.predictedMean())).toList());
        result.put("cumulative", check.cumulative().stream().map(point -> Map.of("period", point.period(),
                "actual", point.actual(), "predicted", point.predicted())).toList());
        return result;
    }

    private static LocalDate lastPurchase(SnapshotContent content) {
        LocalDate last = LocalDate.MIN;
        for (Purchase purchase : content.inputs().purchaseDays()) {
            if (purchase.date().isAfter(last)) {
                last = purchase.date();
            }
        }
        return last;
    }

    private static Map<String, Object> counts(BasketRules rules) {
        return Map.of("baskets", rules.baskets(), "frequent_itemsets", rules.frequentItemsets(),
                "rules", rules.rules().size());
    }
}
