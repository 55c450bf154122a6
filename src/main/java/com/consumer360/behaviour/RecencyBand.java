package com.consumer360.behaviour;

/** The recency bands that colour the behaviour map, by days since the last purchase (inclusive bounds). */
public enum RecencyBand {
    ACTIVE("≤ 30 days", 0, 30),
    RECENT("31–90 days", 31, 90),
    COOLING("91–180 days", 91, 180),
    LAPSING("181–365 days", 181, 365),
    LAPSED("> 365 days", 366, Integer.MAX_VALUE);

    private final String label;
    private final int fromDays;
    private final int toDays;

    RecencyBand(String label, int fromDays, int toDays) {
        this.label = label;
        this.fromDays = fromDays;
        this.toDays = toDays;
    }

    public String label() {
        return label;
    }

    public int fromDays() {
        return fromDays;
    }

    public int toDays() {
        return toDays;
    }

    public static RecencyBand of(int recencyDays) {
        for (RecencyBand band : values()) {
            if (recencyDays <= band.toDays) {
                return band;
            }
        }
        return LAPSED;
    }
}
