package com.consumer360.clv;

import java.util.List;

/** Customers per bin of one measure; {@code bins} and {@code counts} are aligned. */
public record Histogram(String measure, List<String> bins, List<Long> counts) {

    public Histogram {
        bins = List.copyOf(bins);
        counts = List.copyOf(counts);
    }

    public long total() {
        return counts.stream().mapToLong(Long::longValue).sum();
    }
}
