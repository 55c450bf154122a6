package com.consumer360.clv;

import com.consumer360.analytics.clv.BgNbdModel;
import com.consumer360.analytics.clv.CustomerSummary;
import com.consumer360.analytics.clv.PeriodUnit;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The refresh's holdout check (lifetimes' {@code plot_calibration_purchases_vs_holdout_purchases}) recomputed over
 * the customers in scope: the refitted BG/NBD parameters stored with the snapshot predict each customer's repeat
 * purchase days in the holdout, E[Y(holdout length) | x, tₓ, T], as the engine's fit diagnostics do for all customers.
 */
final class HoldoutCheck {

    static final int POOLED_FREQUENCY = 7;

    private HoldoutCheck() {
    }

    static ModelFit compute(JsonNode stored, List<ClvQueries.HoldoutInput> inputs) {
        LocalDate calibrationEnd = LocalDate.parse(stored.path("calibration_end").asString());
        LocalDate holdoutEnd = LocalDate.parse(stored.path("last_purchase").asString());
        double length = stored.path("length_weeks").asDouble();
        ClvModel.BgNbdParameters refit = ModelJson.bgNbd(stored.path("bgnbd"));
        // The 2F1 part is shared by customers with the same (x, T): computed once each, same results bit for bit.
        BgNbdModel.ConditionalExpectation model = new BgNbdModel(refit.r(), refit.alpha(), refit.a(), refit.b())
                .conditionalExpectation();
        long[] customers = new long[POOLED_FREQUENCY + 1];
        double[] actual = new double[POOLED_FREQUENCY + 1];
        double[] predicted = new double[POOLED_FREQUENCY + 1];
        for (ClvQueries.HoldoutInput in : inputs) {
            int row = Math.min(in.frequency(), POOLED_FREQUENCY);
            CustomerSummary summary = new CustomerSummary("group", in.frequency(),
                    PeriodUnit.WEEKS.fromDays(ChronoUnit.DAYS.between(in.first(), in.last())),
                    PeriodUnit.WEEKS.fromDays(ChronoUnit.DAYS.between(in.first(), calibrationEnd)), 0);
            customers[row] += in.customers();
            actual[row] += in.holdoutPurchases();
            predicted[row] += in.customers() * model.expectedPurchases(summary, length);
        }
        List<ModelFit.Group> groups = new ArrayList<>();
        for (int row = 0; row <= POOLED_FREQUENCY; row++) {
            long n = customers[row];
            groups.add(new ModelFit.Group(row == POOLED_FREQUENCY ? POOLED_FREQUENCY + "+" : String.valueOf(row), n,
                    n == 0 ? 0 : actual[row] / n, n == 0 ? 0 : predicted[row] / n));
        }
        return new ModelFit(calibrationEnd, holdoutEnd, length, refit, groups, null);
    }

    static ModelFit none(String note) {
        return new ModelFit(null, null, 0, null, List.of(), note);
    }
}
