package com.consumer360.clv;

import java.time.LocalDate;
import java.util.List;

/**
 * The holdout check over the customers in scope: the models refitted on the purchases up to
 * {@code calibrationEnd} (whole customer base, parameters {@code refit}) predict each customer's repeat purchase
 * days in the holdout ({@code calibrationEnd} exclusive to {@code holdoutEnd}, {@code holdoutWeeks} long), which
 * are compared with what happened, grouped by calibration repeat purchases 0…6, 7+. Null fields and empty groups
 * when the snapshot has no check ({@code note} says why).
 */
public record ModelFit(LocalDate calibrationEnd, LocalDate holdoutEnd, double holdoutWeeks,
                       ClvModel.BgNbdParameters refit, List<Group> groups, String note) {

    public ModelFit {
        groups = List.copyOf(groups);
    }

    /** Customers with this many calibration repeat purchases, their mean actual and predicted holdout purchases. */
    public record Group(String calibrationFrequency, long customers, double actualMean, double predictedMean) {
    }

    public long customers() {
        return groups.stream().mapToLong(Group::customers).sum();
    }

    /** Repeat purchase days the model predicts in the holdout, summed over the customers. */
    public double predicted() {
        return groups.stream().mapToDouble(g -> g.predictedMean() * g.customers()).sum();
    }

    /** Repeat purchase days that happened in the holdout. */
    public double actual() {
        return groups.stream().mapToDouble(g -> g.actualMean() * g.customers()).sum();
    }
}
