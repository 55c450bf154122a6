package com.consumer360.behaviour;

/**
 * A filter or group rule the behaviour map cannot run: a range whose minimum exceeds its maximum, a negative day
 * count or frequency, a score outside 1..5, an unknown segment. Raised before any query runs; the message says
 * which field is wrong and is meant for the user.
 */
public class InvalidSelectionException extends IllegalArgumentException {

    public InvalidSelectionException(String message) {
        super(message);
    }
}
