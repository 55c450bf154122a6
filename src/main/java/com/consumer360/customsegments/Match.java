package com.consumer360.customsegments;

/** How a group combines its rules: all must hold (AND) or any one (OR). */
public enum Match {
    ALL("all of"),
    ANY("any of");

    private final String label;

    Match(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
