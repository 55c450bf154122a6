package com.consumer360.clv;

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
     * Thresholds from text (URL parameters); a null or blank value keeps the default.
     *
     * @throws InvalidThresholdException naming the parameter when a value is not a number or out of range
     */
    public static ChurnThresholds parse(String minMScore, String maxPAlive) {
        int score = DEFAULTS.minMScore();
        double pAlive = DEFAULTS.maxPAlive();
        if (minMScore != null && !minMScore.isBlank()) {
            try {
                score = Integer.parseInt(minMScore.strip());
            } catch (NumberFormatException e) {
                throw new InvalidThresholdException("Minimum M score (mscore) must be a whole number from 1 to 5, got \""
                        + minMScore + "\".");
            }
        }
        if (maxPAlive != null && !maxPAlive.isBlank()) {
            try {
                pAlive = Double.parseDouble(maxPAlive.strip());
            } catch (NumberFormatException e) {
                throw new InvalidThresholdException("P(alive) below (palive) must be a number above 0 and at most 1, "
                        + "got \"" + maxPAlive + "\".");
            }
        }
        return new ChurnThresholds(score, pAlive);
    }
}
