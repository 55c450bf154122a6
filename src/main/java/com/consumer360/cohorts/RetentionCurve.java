package com.consumer360.cohorts;

import java.util.List;

/**
 * A retention curve: per period k = 0, 1, 2, … the retention as a fraction (customer or revenue retention), null
 * where no cohort of the curve has reached period k or the revenue base is not positive.
 */
public record RetentionCurve(String name, List<Double> values) {

    public RetentionCurve {
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }
}
