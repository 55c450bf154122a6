package com.consumer360.analytics.basket;

import java.util.OptionalDouble;

/** Thrown when thresholds would produce more itemsets or rules than the limits allow; says which threshold fits. */
public final class MiningLimitExceededException extends RuntimeException {

    private final transient OptionalDouble suggestedMinSupport;
    private final transient OptionalDouble suggestedMinConfidence;

    MiningLimitExceededException(String message, OptionalDouble suggestedMinSupport,
            OptionalDouble suggestedMinConfidence) {
        super(message);
        this.suggestedMinSupport = suggestedMinSupport;
        this.suggestedMinConfidence = suggestedMinConfidence;
    }

    /** A min support that was checked to stay within the itemset limit, when raising support is the remedy. */
    public OptionalDouble suggestedMinSupport() {
        return suggestedMinSupport;
    }

    /** A min confidence that keeps the rules within the rule limit, when raising confidence is the remedy. */
    public OptionalDouble suggestedMinConfidence() {
        return suggestedMinConfidence;
    }

    /** Prefixes the message with where the limit was hit, for example a region. */
    MiningLimitExceededException in(String scope) {
        return new MiningLimitExceededException(scope + ": " + getMessage(), suggestedMinSupport,
                suggestedMinConfidence);
    }
}
