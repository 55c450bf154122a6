package com.consumer360.customsegments;

import java.util.List;

/** Customers any two of the segments share in the reader's scope; the diagonal holds each segment's size. */
public record Overlap(List<String> names, List<String> keys, long[][] counts) {
}
