package com.consumer360.customsegments;

import java.util.List;

/** Why a customer is in or out of a segment at the current snapshot: each criterion and group, and the verdict. */
public record WhyResult(long customerId, String customerName, boolean member, String source,
                        List<CriterionCheck> checks) {
    public WhyResult {
        checks = List.copyOf(checks);
    }
}
