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
        return fit(stored, sums(stored, inputs));
    }

    /**
     * Per calibration repeat purchases (0…6, 7 for seven or more): customers, holdout purchase days that happened
     * and the ones the model predicts, summed over the customers. Sums, so the sums of any regions add up.
     */
    record Sums(long[] customers, long[] actual, double[] predicted) {

        static Sums empty() {
            return new Sums(new long[POOLED_FREQUENCY + 1], new long[POOLED_FREQUENCY + 1],
                    new double[POOLED_FREQUENCY + 1]);
        }

        void add(int row, long customers, long actual, double predicted) {
            this.customers[row] += customers;
            this.actual[row] += actual;
            this.predicted[row] += predicted;
        }
    }

    /** The sums of the inputs' customers. */
    static Sums sums(JsonNode stored, List<ClvQueries.HoldoutInput> inputs) {
        LocalDate calibrationEnd = LocalDate.parse(stored.path("calibration_end").asString());
        double length = stored.path("length_weeks").asDouble();
        ClvModel.BgNbdParameters refit = ModelJson.bgNbd(stored.path("bgnbd"));
        // The 2F1 part is shared by customers with the same (x, T): computed once each, same results bit for bit.
        BgNbdModel.ConditionalExpectation model = new BgNbdModel(refit.r(), refit.alpha(), refit.a(), refit.b())
                .conditionalExpectation();
        Sums sums = Sums.empty();
        for (ClvQueries.HoldoutInput in : inputs) {
            CustomerSummary summary = new CustomerSummary("group", in.frequency(),
                    PeriodUnit.WEEKS.fromDays(ChronoUnit.DAYS.between(in.first(), in.last())),
                    PeriodUnit.WEEKS.fromDays(ChronoUnit.DAYS.between(in.first(), calibrationEnd)), 0);
            sums.add(Math.min(in.frequency(), POOLED_FREQUENCY), in.customers(), in.holdoutPurchases(),
                    in.customers() * model.expectedPurchases(summary, length));
        }
        return sums;
    }

    /** The check from its sums. */
    static ModelFit fit(JsonNode stored, Sums sums) {
        LocalDate calibrationEnd = LocalDate.parse(stored.path("calibration_end").asString());
        LocalDate holdoutEnd = LocalDate.parse(stored.path("last_purchase").asString());
        double length = stored.path("length_weeks").asDouble();
        ClvModel.BgNbdParameters refit = ModelJson.bgNbd(stored.path("bgnbd"));
        List<ModelFit.Group> groups = new ArrayList<>();
        for (int row = 0; row <= POOLED_FREQUENCY; row++) {
            long n = sums.customers()[row];
            groups.add(new ModelFit.Group(row == POOLED_FREQUENCY ? POOLED_FREQUENCY + "+" : String.valueOf(row), n,
                    n == 0 ? 0 : (double) sums.actual()[row] / n, n == 0 ? 0 : sums.predicted()[row] / n));
        }
        return new ModelFit(calibrationEnd, holdoutEnd, length, refit, groups, null);
    }

    static ModelFit none(String note) {
        return new ModelFit(null, null, 0, null, List.of(), note);
    }
}
