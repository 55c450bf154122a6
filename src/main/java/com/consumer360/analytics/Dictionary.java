package com.consumer360.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dictionary encoding of a string column: each distinct value gets a dense code 0..size-1 in order of
 * first appearance, so per-value aggregates can live in plain arrays indexed by code.
 */
final class Dictionary {

    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    /** The code of {@code value}, or -1 for a missing (null or blank) value. */
    int encode(String value) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        Integer code = codes.get(value);
        if (code != null) {
            return code;
        }
        int next = values.size();
        codes.put(value, next);
        values.add(value);
        return next;
    }

    String value(int code) {
        return values.get(code);
    }

    int size() {
        return values.size();
    }
}
