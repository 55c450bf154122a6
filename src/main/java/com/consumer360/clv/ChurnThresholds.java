package com.consumer360.clv;

import java.util.ArrayList;
import java.util.List;

/**
 * Who is a churn risk: past value high (M score at least {@code minMScore}, 1–5) and P(alive) below
 * {@code maxPAlive} (0–1). Defaults: M score ≥ 4, P(alive) &lt; 0.5.
 */
public record ChurnThresholds(int minMScore, double maxPAlive) {

    public static final ChurnThresholds DEFAULTS = new ChurnThresholds(4, 0.5);

    public ChurnThresholds {
        if (minMScore < 1 || minMScore > 5) {
            throw new InvalidThresholdException("Minimum M score must be a whole number from 1 to 5, got " + minMScore
                    + ".");
        }
        if (!(maxPAlive > 0 && maxPAlive <= 1)) {
            throw new InvalidThresholdException("P(alive) below must be a number above 0 and at most 1, got "
                    + maxPAlive + ".");
        }
    }

    /**
     * Thresholds from text (URL parameters {@code mscore} and {@code palive}); a null or blank value keeps the
     * default.
     *
     * @throws InvalidThresholdException naming each parameter that is not a number or out of range
     */
    public static ChurnThresholds parse(String minMScore, String maxPAlive) {
        List<String> problems = new ArrayList<>();
        int score = DEFAULTS.minMScore();
        double pAlive = DEFAULTS.maxPAlive();
        if (minMScore != null && !minMScore.isBlank()) {
            try {
                score = Integer.parseInt(minMScore.strip());
            } catch (NumberFormatException e) {
                score = 0;
            }
            if (score < 1 || score > 5) {
                problems.add("Minimum M score (mscore) must be a whole number from 1 to 5, got \"" + minMScore + "\".");
            }
        }
        if (maxPAlive != null && !maxPAlive.isBlank()) {
            try {
                pAlive = Double.parseDouble(maxPAlive.strip());
            } catch (NumberFormatException e) {
                pAlive = Double.NaN;
            }
            if (!(pAlive > 0 && pAlive <= 1)) {
                problems.add("P(alive) below (palive) must be a number above 0 and at most 1, got \"" + maxPAlive
                        + "\".");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidThresholdException(String.join(" ", problems));
        }
        return new ChurnThresholds(score, pAlive);
    }
}
