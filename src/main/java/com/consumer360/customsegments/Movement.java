package com.consumer360.customsegments;

import java.time.LocalDate;

/**
 * Members who joined, left or stayed between the previous snapshot's stored members and the current members, in
 * the reader's scope; {@code from} is null when the segment has no earlier stored members.
 */
public record Movement(LocalDate from, LocalDate to, long joined, long left, long stayed) {

    /** Which movers a list shows. */
    public enum Kind { JOINED, LEFT, STAYED }
}
