package com.consumer360.customsegments;

/** A segment to compare or overlap: a custom segment by id, or an RFM segment by label. */
public sealed interface SegmentRef permits SegmentRef.Custom, SegmentRef.Rfm {

    record Custom(long id) implements SegmentRef {
    }

    record Rfm(String label) implements SegmentRef {
    }

    /** "custom:12" or "rfm:Champions", as URLs carry it. */
    default String key() {
        return switch (this) {
            case Custom c -> "custom:" + c.id();
            case Rfm r -> "rfm:" + r.label();
        };
    }

    static SegmentRef parse(String key) {
        if (key != null && key.startsWith("custom:")) {
            try {
                return new Custom(Long.parseLong(key.substring(7)));
            } catch (NumberFormatException e) {
                throw new InvalidSegmentException("segments", "Unknown segment \"" + DefinitionValidator.shorten(key) + "\".");
            }
        }
        if (key != null && key.startsWith("rfm:")) {
            return new Rfm(key.substring(4));
        }
        throw new InvalidSegmentException("segments", "Unknown segment \"" + (key == null ? "" : DefinitionValidator.shorten(key)) + "\".");
    }
}
