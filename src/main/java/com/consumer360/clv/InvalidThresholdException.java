package com.consumer360.clv;

/** A churn-risk threshold out of range or not a number; raised before any query runs, the message is for the user. */
public class InvalidThresholdException extends IllegalArgumentException {

    public InvalidThresholdException(String message) {
        super(message);
    }
}
