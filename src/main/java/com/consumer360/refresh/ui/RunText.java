package com.consumer360.refresh.ui;

import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Turns a run's timestamps, durations and JSON columns into text people read. */
final class RunText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Long>> COUNTS = new TypeReference<>() { };

    /**
     * Labels of the history's row counts. Segment products are counted in product sums, before V12 (one row
     * each in snap_segment_product) and after it (arrays in snap_segment_product_totals) alike; basket rules are
     * counted in rules under "snap_basket_rule", now the view over snap_basket_rule_set.
     */
    private static final Map<String, String> TABLES = Map.of("snap_customer", "customers",
            "snap_segment_summary", "segments", "snap_segment_product", "product sums",
            "snap_segment_product_totals", "product sums",
            "snap_segment_movement", "movements", "snap_cohort", "cohort cells",
            "snap_cohort_customer", "cohort customers",
            "snap_basket_rule", "basket rules", "snapshots_removed", "pruned snapshots");

    private RunText() {
    }

    static String time(OffsetDateTime time) {
        return time == null ? "" : TIME.format(time.atZoneSameInstant(ZoneId.systemDefault()));
    }

    static String duration(Long millis) {
        if (millis == null) {
            return "";
        }
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.UK, "%.1f s", millis / 1000.0);
        }
        return String.format(Locale.UK, "%d min %02d s", millis / 60_000, millis / 1000 % 60);
    }

    /** A finish time on the start's day shows only the time of day. */
    static String finished(OffsetDateTime started, OffsetDateTime finished) {
        if (finished == null || started == null) {
            return time(finished);
        }
        String full = time(finished);
        return time(started).substring(0, 10).equals(full.substring(0, 10)) ? full.substring(11) : full;
    }

    /** Rows per snapshot table under a short name ("segments" → "55"), in the order the run wrote them. */
    static Map<String, String> rowsWritten(String json) {
        Map<String, String> rows = new LinkedHashMap<>();
        numbers(json).forEach((table, count) -> rows.put(
                TABLES.getOrDefault(table, table.replaceFirst("^snap_", "").replace('_', ' ')),
                NumberFormat.getIntegerInstance(Locale.UK).format(count)));
        return rows;
    }

    /** A stage's key as words: {@code clv_holdout} is "CLV holdout", {@code custom_segments} "custom segments". */
    static String stageName(String key) {
        return switch (key) {
            case "rfm" -> "RFM";
            case "clv" -> "CLV";
            default -> key.replace("clv_", "CLV ").replace('_', ' ');
        };
    }

    /** Milliseconds per stage in run order, without the total (that is the duration). */
    static Map<String, Long> stageMillis(String json) {
        Map<String, Long> stages = numbers(json);
        stages.remove("total");
        return stages;
    }

    static String status(String status) {
        return status == null || status.isEmpty() ? "" : status.charAt(0) + status.substring(1).toLowerCase(Locale.ROOT);
    }

    /** A JSON object of numbers; empty when there is none or it cannot be read. */
    private static Map<String, Long> numbers(String json) {
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return JSON.readValue(json, COUNTS);
        } catch (RuntimeException e) {
            return new LinkedHashMap<>();
        }
    }
}
