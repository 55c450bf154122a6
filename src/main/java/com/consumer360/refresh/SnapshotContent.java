package com.consumer360.refresh;

import com.consumer360.analytics.basket.RegionalBasketRules;
import com.consumer360.analytics.clv.ClvResult;
import com.consumer360.analytics.cohort.CohortCell;
import com.consumer360.analytics.rfm.RfmScore;
import java.util.List;
import java.util.Map;

/**
 * The engines' output for one snapshot. {@code clv} and {@code holdoutCheck} are null when the data cannot
 * support the models ({@code clvNote} says why); {@code holdoutCheck} and
 * {@code rules} are null while the holdout fit and basket mining are still running.
 */
record SnapshotContent(WarehouseInputs inputs, List<RfmScore> rfm, ClvResult clv, ClvResult holdoutCheck,
                       String clvNote, Map<Short, List<CohortCell>> cohortsByRegion, RegionalBasketRules rules) {
}
