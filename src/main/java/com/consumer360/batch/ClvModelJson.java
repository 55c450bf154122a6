package com.consumer360.batch;

import com.consumer360.analytics.clv.BgNbdFit;
import com.consumer360.analytics.clv.ClvOptions;
import com.consumer360.analytics.clv.ClvResult;
import com.consumer360.analytics.clv.GammaGammaFit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The content of model.json: fitted parameters, log-likelihoods, fit time, settings and the fit checks. */
final class ClvModelJson {

    private ClvModelJson() {
    }

    static Map<String, Object> of(ClvResult result) {
        ClvOptions o = result.options();
        BgNbdFit bg = result.bgNbd();
        GammaGammaFit gg = result.gammaGamma();
        String unit = o.unit().name().toLowerCase(Locale.ROOT);
        return OutputFiles.object(
                "calibration_end", o.calibrationEnd().toString(),
                "time_unit", unit,
                "horizon", OutputFiles.number(o.horizon(), 4),
                "clv_months", o.clvMonths(),
                "monthly_discount_rate", o.monthlyDiscountRate(),
                "customers", bg.customers(),
                "bgnbd", OutputFiles.object(
                        "r", OutputFiles.number(bg.model().r(), 6),
                        "alpha", OutputFiles.number(bg.model().alpha(), 6),
                        "a", OutputFiles.number(bg.model().a(), 6),
                        "b", OutputFiles.number(bg.model().b(), 6),
                        "log_likelihood", OutputFiles.number(bg.logLikelihood(), 4),
                        "standard_errors", errors(bg.standardErrors(), "r", "alpha", "a", "b"),
                        "time_unit", unit),
                "gamma_gamma", OutputFiles.object(
                        "p", OutputFiles.number(gg.model().p(), 6),
                        "q", OutputFiles.number(gg.model().q(), 6),
                        "v", OutputFiles.number(gg.model().v(), 6),
                        "log_likelihood", OutputFiles.number(gg.logLikelihood(), 4),
                        "standard_errors", errors(gg.standardErrors(), "p", "q", "v"),
                        "customers", gg.customers()),
                "fit_millis", OutputFiles.number(result.fitMillis(), 1),
                "holdout", result.holdout().isEmpty() ? null : result.holdout().stream()
                        .map(row -> OutputFiles.object(
                                "calibration_frequency", row.calibrationFrequency(),
                                "customers", row.customers(),
                                "actual_mean", OutputFiles.number(row.actualMean(), 4),
                                "predicted_mean", OutputFiles.number(row.predictedMean(), 4)))
                        .toList(),
                "cumulative_repeat_purchases", result.cumulative().stream()
                        .map(point -> OutputFiles.object(
                                "period", point.period(),
                                "actual", point.actual(),
                                "predicted", OutputFiles.number(point.predicted(), 2)))
                        .toList());
    }

    /** Standard errors by parameter name, or null when the fit has none. */
    private static Map<String, Object> errors(List<Double> errors, String... names) {
        if (errors.isEmpty()) {
            return null;
        }
        Object[] pairs = new Object[2 * names.length];
        for (int i = 0; i < names.length; i++) {
            pairs[2 * i] = names[i];
            pairs[2 * i + 1] = OutputFiles.number(errors.get(i), 6);
        }
        return OutputFiles.object(pairs);
    }
}
