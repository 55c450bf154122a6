package com.consumer360.refresh;

/** The stages of a refresh, in order, with their share of a typical run's time for the progress bar. */
public enum RefreshStage {
    READ("Reading the warehouse", 0.35),
    RFM("Scoring RFM and segments", 0.05),
    CLV("Fitting CLV models", 0.10),
    COHORTS("Building cohorts", 0.05),
    BASKETS("Mining basket rules", 0.15),
    WRITE("Writing the snapshot", 0.25),
    SWITCH("Making it current", 0.05);

    private final String label;
    private final double weight;

    RefreshStage(String label, double weight) {
        this.label = label;
        this.weight = weight;
    }

    /** What the stage does, for people. */
    public String label() {
        return label;
    }

    /** Fraction of the run completed when this stage starts. */
    public double startFraction() {
        double done = 0;
        for (RefreshStage stage : values()) {
            if (stage == this) {
                return done;
            }
            done += stage.weight;
        }
        return done;
    }
}
