package com.consumer360.refresh;

import com.consumer360.analytics.basket.BasketMiner;
import com.consumer360.analytics.basket.MiningParameters;
import com.consumer360.analytics.basket.RegionalBasketRules;
import com.consumer360.analytics.clv.ClvEngine;
import com.consumer360.analytics.clv.ClvOptions;
import com.consumer360.analytics.clv.ClvResult;
import com.consumer360.analytics.clv.PeriodUnit;
import com.consumer360.analytics.cohort.CohortCell;
import com.consumer360.analytics.cohort.CohortMatrix;
import com.consumer360.analytics.rfm.RfmScore;
import com.consumer360.analytics.rfm.RfmScorer;
import com.consumer360.refresh.WarehouseInputs.CohortActivity;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs the plain-Java engines on the warehouse inputs, one stage at a time. */
final class SnapshotComputation {

    private final RefreshOptions options;

    SnapshotComputation(RefreshOptions options) {
        this.options = options;
    }

    /** RFM scores relative to all customers, so a segment means the same in every region. */
    List<RfmScore> rfm(WarehouseInputs inputs) {
        return RfmScorer.score(inputs.rfm());
    }

    /** The CLV models fitted on everything up to the last sale, in weeks. */
    ClvResult clv(WarehouseInputs inputs) {
        ClvOptions clv = new ClvOptions(inputs.lastSale(), PeriodUnit.WEEKS, 52, options.clvMonths(),
                options.discountRate());
        return ClvEngine.run(inputs.purchaseDays(), clv);
    }

    /** The same models fitted without the last weeks, to compare predicted with actual holdout purchases. */
    ClvResult holdoutCheck(WarehouseInputs inputs) {
        if (options.holdoutWeeks() == 0) {
            return null;
        }
        ClvOptions clv = new ClvOptions(inputs.lastSale().minusWeeks(options.holdoutWeeks()), PeriodUnit.WEEKS,
                options.holdoutWeeks(), options.clvMonths(), options.discountRate());
        return ClvEngine.fitCheck(inputs.purchaseDays(), clv);
    }

    /** Cohort matrices per region; any set of regions adds up from them. */
    Map<Short, List<CohortCell>> cohorts(WarehouseInputs inputs) {
        Map<Short, CohortMatrix> matrices = new TreeMap<>();
        for (CohortActivity activity : inputs.cohortActivity()) {
            matrices.computeIfAbsent(activity.regionId(), region -> new CohortMatrix())
                    .add(activity.customerKey(), activity.month(), activity.purchase(), activity.netRevenue());
        }
        Map<Short, List<CohortCell>> cells = new TreeMap<>();
        matrices.forEach((region, matrix) -> cells.put(region, matrix.cells()));
        return cells;
    }

    /** Rules over all baskets and per region, with the configured thresholds. */
    RegionalBasketRules rules(WarehouseInputs inputs) {
        MiningParameters parameters = MiningParameters.of(options.minSupport(), options.minConfidence(),
                options.maxLength());
        return new BasketMiner(parameters).rulesOverallAndByRegion(inputs.baskets(), inputs.regionOfBasket());
    }
}
