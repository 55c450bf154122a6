package com.consumer360.refresh;

import com.consumer360.analytics.clv.ClvResult;
import java.util.function.Supplier;

/**
 * The CLV stage's result: the models fitted on all data, and the same models fitted without the last weeks to
 * compare predicted with actual purchases. When the data cannot support the models (no repeat buyers, too
 * little history) or a model's numbers cannot be computed (a series that does not converge), the snapshot is still
 * written, without CLV or without the check, and {@code note} says why: the RFM, cohorts and basket rules of the week
 * do not wait on the CLV models.
 */
record ClvStage(ClvResult full, ClvResult holdout, String note) {

    /** The full fit, or the reason there is none. */
    static ClvStage fitFull(SnapshotComputation compute, WarehouseInputs inputs) {
        return full(() -> compute.clv(inputs));
    }

    static ClvStage full(Supplier<ClvResult> fit) {
        try {
            return new ClvStage(fit.get(), null, null);
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            log(e, "CLV");
            return new ClvStage(null, null, "CLV not computed: " + e.getMessage());
        }
    }

    /** A numeric failure may also be a bug: its stack trace goes to the log; the data's own limits do not. */
    private static void log(RuntimeException e, String what) {
        if (e instanceof ArithmeticException) {
            org.slf4j.LoggerFactory.getLogger(ClvStage.class).warn("{} not computed", what, e);
        }
    }

    /** The holdout check, or the reason there is none; independent of the full fit, so it can run beside it. */
    static ClvStage fitHoldout(SnapshotComputation compute, WarehouseInputs inputs) {
        return holdout(() -> compute.holdoutCheck(inputs));
    }

    static ClvStage holdout(Supplier<ClvResult> check) {
        try {
            return new ClvStage(null, check.get(), null);
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            log(e, "holdout check");
            return new ClvStage(null, null, "holdout check not computed: " + e.getMessage());
        }
    }

    /** The full fit's result with the holdout check's; the full fit's note wins, as without it there is no CLV. */
    ClvStage with(ClvStage check) {
        if (full == null) {
            return this;
        }
        return new ClvStage(full, check.holdout(), check.note());
    }
}
