package com.consumer360.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * For the service benchmarks: one warm-up call, then {@code runs} timed calls; prints median, p95 and maximum, and
 * keeps each result for a summary ({@link #results()}, used by scripts/bench-pages.sh).
 */
public final class MedianTimer {

    /** One timed interaction. */
    public record Result(String user, String what, long median, long p95, long max) {
    }

    private static final List<Result> RESULTS = new ArrayList<>();

    private MedianTimer() {
    }

    /** Every interaction timed so far in this JVM, in order. */
    public static synchronized List<Result> results() {
        return List.copyOf(RESULTS);
    }

    /**
     * {@code runs}: timed calls after the warm-up, unless the system property {@code bench.runs} gives another number
     * (a quick first look at a large warehouse: {@code BENCH_RUNS=3 scripts/bench-pages.sh ...}).
     */
    public static void time(String user, String what, int runs, Supplier<?> call) {
        runs = Integer.getInteger("bench.runs", runs);
        long[] millis = new long[runs];
        call.get();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.get();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        int p95 = Math.max(0, (int) Math.ceil(0.95 * runs) - 1);
        System.out.printf("  %-6s %-50s median %4d ms, p95 %4d ms, max %4d ms%n", user, what, millis[runs / 2],
                millis[p95], millis[runs - 1]);
        synchronized (MedianTimer.class) {
            RESULTS.add(new Result(user, what, millis[runs / 2], millis[p95], millis[runs - 1]));
        }
    }
}
