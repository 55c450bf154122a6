package com.consumer360.refresh;

import com.consumer360.analytics.clv.ClvResult;

/**
 * The CLV stage's result: the models fitted on all data, and the same models fitted without the last weeks to
 * compare predicted with actual purchases. When the data cannot support the models (no repeat buyers, too
 * little history) the snapshot is still written, without CLV or without the check, and {@code note} says why.
 */
record ClvStage(ClvResult full, ClvResult holdout, String note) {

    /** The full fit, or the reason there is none. */
    static ClvStage fitFull(SnapshotComputation compute, WarehouseInputs inputs) {
        try {
            return new ClvStage(compute.clv(inputs), null, null);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new ClvStage(null, null, "CLV not computed: " + e.getMessage());
        }
    }

    /** The holdout check, or the reason there is none; independent of the full fit, so it can run beside it. */
    static ClvStage fitHoldout(SnapshotComputation compute, WarehouseInputs inputs) {
        try {
            return new ClvStage(null, compute.holdoutCheck(inputs), null);
        } catch (IllegalArgumentException | IllegalStateException e) {
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
