package com.consumer360.refresh;

import com.consumer360.analytics.clv.ClvResult;

/**
 * The CLV stage's result. When the data cannot support the models (no repeat buyers, too little history) the
 * snapshot is still written, without CLV, and {@code note} says why.
 */
record ClvStage(ClvResult full, ClvResult holdout, String note) {

    static ClvStage fit(SnapshotComputation compute, WarehouseInputs inputs) {
        ClvResult full;
        try {
            full = compute.clv(inputs);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new ClvStage(null, null, "CLV not computed: " + e.getMessage());
        }
        try {
            return new ClvStage(full, compute.holdoutCheck(inputs), null);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new ClvStage(full, null, "holdout check not computed: " + e.getMessage());
        }
    }
}
