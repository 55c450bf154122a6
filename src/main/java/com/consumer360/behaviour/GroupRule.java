package com.consumer360.behaviour;

import com.consumer360.analytics.rfm.Segment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A group of customers to compare: all conditions that are set must hold (AND). Segments: any of them (empty:
 * any segment); recency in days, frequency (invoices) and monetary (net revenue) each within an inclusive range
 * whose ends may be open (null); {@code minMScore}: M score at least this (5 = the top fifth of all scored
 * customers by monetary value). Invalid values are refused with an {@link InvalidSelectionException}.
 */
public record GroupRule(Set<String> segments, Integer minRecencyDays, Integer maxRecencyDays, Integer minFrequency,
                        Integer maxFrequency, BigDecimal minMonetary, BigDecimal maxMonetary, Integer minMScore) {

    /** Every customer the map's filter selects. */
    public static final GroupRule EVERYONE = new GroupRule(Set.of(), null, null, null, null, null, null, null);

    /** Frequent but lapsed: at least 4 invoices, none in the last 180 days. */
    public static final GroupRule FREQUENT_BUT_LAPSED = new GroupRule(Set.of(), 181, null, 4, null, null, null, null);

    /** Big spenders who rarely buy: M score 5 (top fifth by monetary) with at most 2 invoices. */
    public static final GroupRule BIG_SPENDERS_RARE_VISITS = new GroupRule(Set.of(), null, null, null, 2, null, null, 5);

    /** A rule with a name, offered as a starting point. */
    public record Preset(String name, GroupRule rule) {
    }

    /** The presets the page offers, in order. */
    public static final List<Preset> PRESETS = List.of(
            new Preset("Frequent but lapsed", FREQUENT_BUT_LAPSED),
            new Preset("Big spenders, rare visits", BIG_SPENDERS_RARE_VISITS),
            new Preset("Recent one-time buyers", new GroupRule(Set.of(), null, 90, null, 1, null, null, null)),
            new Preset("Champions", new GroupRule(Set.of(Segment.CHAMPIONS.label()), null, null, null, null, null,
                    null, null)),
            new Preset("At Risk and Can't Lose Them", new GroupRule(Set.of(Segment.AT_RISK.label(),
                    Segment.CANT_LOSE_THEM.label()), null, null, null, null, null, null, null)),
            new Preset("Everyone shown", EVERYONE));

    public GroupRule {
        segments = Checks.segments(segments);
        Checks.nonNegative("Recency (days)", minRecencyDays);
        Checks.nonNegative("Recency (days)", maxRecencyDays);
        Checks.ordered("Recency (days)", minRecencyDays, maxRecencyDays);
        Checks.nonNegative("Frequency", minFrequency);
        Checks.nonNegative("Frequency", maxFrequency);
        Checks.ordered("Frequency", minFrequency, maxFrequency);
        Checks.ordered("Monetary", minMonetary, maxMonetary);
        Checks.score("M score", minMScore);
    }

    /** The rule in words, e.g. "F ≥ 4 and recency ≥ 181 days"; "everyone shown" when nothing is set. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!segments.isEmpty()) {
            parts.add("segment " + String.join(" or ", Arrays.stream(Segment.values()).map(Segment::label)
                    .filter(segments::contains).toList()));
        }
        range(parts, "recency", minRecencyDays, maxRecencyDays, " days");
        range(parts, "F", minFrequency, maxFrequency, "");
        range(parts, "M", minMonetary == null ? null : minMonetary.toPlainString(),
                maxMonetary == null ? null : maxMonetary.toPlainString(), "");
        if (minMScore != null) {
            parts.add(minMScore == 5 ? "M score 5 (top 20 %)" : "M score ≥ " + minMScore);
        }
        return parts.isEmpty() ? "everyone shown" : String.join(" and ", parts);
    }

    private static void range(List<String> parts, String name, Object min, Object max, String unit) {
        if (min != null && max != null) {
            parts.add(min.equals(max) ? name + " = " + min + unit : name + " " + min + "–" + max + unit);
        } else if (min != null) {
            parts.add(name + " ≥ " + min + unit);
        } else if (max != null) {
            parts.add(name + " ≤ " + max + unit);
        }
    }
}
