package com.consumer360.basket;

/**
 * Which rules of a rule set to show. A null minimum is the mined threshold (no further narrowing); {@code minLift}
 * null means any lift; {@code product}, when given, keeps the rules that have that item on either side.
 */
public record RuleFilter(short regionId, Double minSupport, Double minConfidence, Double minLift, String product) {

    /** Every rule of a set. */
    public static RuleFilter all(short regionId) {
        return new RuleFilter(regionId, null, null, null, null);
    }

    public RuleFilter withProduct(String item) {
        return new RuleFilter(regionId, minSupport, minConfidence, minLift, item);
    }
}
