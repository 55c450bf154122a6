package com.consumer360.cohorts.ui;

import com.consumer360.cohorts.CohortMetric;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The cohorts page's query parameters: {@code metric}, {@code from}, {@code to} (yyyy-MM), {@code country},
 * {@code region} (id), and {@code cohort} with {@code period} to open a cell. Parsing refuses a malformed value with
 * a message; whether a region, country or cohort is in the user's scope is the service's and the page's to say.
 */
record CohortLink(CohortMetric metric, YearMonth from, YearMonth to, String country, Short region, YearMonth cohort,
                  int period) {

    static CohortLink parse(Map<String, List<String>> parameters) {
        String region = one(parameters, "region");
        String cohort = one(parameters, "cohort");
        String period = one(parameters, "period");
        try {
            return new CohortLink(metric(one(parameters, "metric")), month(one(parameters, "from")),
                    month(one(parameters, "to")), one(parameters, "country"),
                    region == null ? null : Short.valueOf(region), month(cohort),
                    period == null ? 0 : Integer.parseInt(period));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a number was expected (" + e.getMessage() + ").");
        }
    }

    private static CohortMetric metric(String text) {
        if (text == null) {
            return CohortMetric.CUSTOMER_RETENTION;
        }
        for (CohortMetric m : CohortMetric.values()) {
            if (m.name().equalsIgnoreCase(text.replace('-', '_'))) {
                return m;
            }
        }
        throw new IllegalArgumentException("metric is one of customer_retention, revenue_retention, customers; got "
                + text + ".");
    }

    private static YearMonth month(String text) {
        try {
            return text == null ? null : YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a month (yyyy-MM): " + text + ".");
        }
    }

    private static String one(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() || values.getFirst().isBlank() ? null : values.getFirst().strip();
    }
}
