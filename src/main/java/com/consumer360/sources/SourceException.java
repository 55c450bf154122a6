package com.consumer360.sources;

import java.util.Map;

/**
 * A source refused or failed: the message says why, without the password. {@code problems} names the form fields at
 * fault (empty when the failure is not one field's, e.g. the source server refused the connection).
 */
public final class SourceException extends Exception {

    private final Map<String, String> problems;

    public SourceException(String message) {
        this(message, Map.of());
    }

    public SourceException(String message, Map<String, String> problems) {
        super(message);
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
