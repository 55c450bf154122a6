package com.consumer360.behaviour;

import com.consumer360.analytics.rfm.Segment;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Validation shared by {@link BehaviourFilter} and {@link GroupRule}. */
final class Checks {

    static final Set<String> SEGMENTS = Arrays.stream(Segment.values()).map(Segment::label)
            .collect(Collectors.toUnmodifiableSet());

    private Checks() {
    }

    static Set<String> segments(Set<String> segments) {
        if (segments == null) {
            return Set.of();
        }
        for (String segment : segments) {
            if (segment == null || !SEGMENTS.contains(segment)) {
                throw new InvalidSelectionException("Unknown segment: " + quoted(segment)
                        + ". Choose among the eleven segments of the segment map.");
            }
        }
        return Set.copyOf(segments);
    }

    static void nonNegative(String what, Integer value) {
        if (value != null && value < 0) {
            throw new InvalidSelectionException(what + " cannot be negative (got " + value + ").");
        }
    }

    static void ordered(String what, Integer min, Integer max) {
        if (min != null && max != null && min > max) {
            throw new InvalidSelectionException(what + ": the minimum (" + min + ") is larger than the maximum ("
                    + max + ").");
        }
    }

    static void ordered(String what, BigDecimal min, BigDecimal max) {
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new InvalidSelectionException(what + ": the minimum (" + min.toPlainString()
                    + ") is larger than the maximum (" + max.toPlainString() + ").");
        }
    }

    static void score(String what, Integer value) {
        if (value != null && (value < 1 || value > 5)) {
            throw new InvalidSelectionException(what + " must be between 1 and 5 (got " + value + ").");
        }
    }

    private static String quoted(String text) {
        if (text == null) {
            return "(none)";
        }
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
