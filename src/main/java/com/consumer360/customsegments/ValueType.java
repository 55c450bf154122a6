package com.consumer360.customsegments;

/** The type of an attribute's values: decides the operators offered, how values are parsed and the value picker. */
public enum ValueType {
    /** Whole numbers (days, counts, months). */
    INTEGER,
    /** Decimal numbers (amounts, probabilities). */
    DECIMAL,
    /** R, F or M score, 1 to 5. */
    SCORE,
    /** Calendar dates, ISO yyyy-mm-dd. */
    DATE,
    /** One of a list of names (segments, countries, regions). */
    CHOICE,
    /** Product codes, with a look-back window in days. */
    PRODUCTS
}
