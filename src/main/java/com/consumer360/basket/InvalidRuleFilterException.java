package com.consumer360.basket;

/** A filter or rule-set choice the page cannot show: the message says why, in words for the user. */
public class InvalidRuleFilterException extends IllegalArgumentException {

    public InvalidRuleFilterException(String message) {
        super(message);
    }
}
