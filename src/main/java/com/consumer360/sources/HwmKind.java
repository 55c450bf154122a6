package com.consumer360.sources;

/** What the high-water-mark column holds: an increasing line id, or a last-modified timestamp. */
public enum HwmKind {
    LINE_ID, TIMESTAMP
}
