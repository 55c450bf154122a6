package com.consumer360.support;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * For the service benchmarks: one warm-up call, then {@code runs} timed calls; prints median, p95 and maximum, and
 * keeps each result for a summary ({@link #results()}, used by scripts/bench-pages.sh).
 *
 * <p>An export writes to {@link #download()} instead of a null stream: the call is then timed twice, until the
 * download starts (the first {@value #RESPONSE_BUFFER} bytes, the servlet container's response buffer, are written:
 * the response is committed and the browser shows the download) and until the whole file is written.
 */
public final class MedianTimer {

    /** Tomcat's default response buffer: once this much is written the response's headers and first bytes go out. */
    public static final int RESPONSE_BUFFER = 8_192;

    /**
     * One timed interaction; for a download, {@code startMedian}/{@code startP95} until the download starts and
     * {@code median}/{@code p95}/{@code max} until the whole file is written ({@code -1} for other interactions).
     */
    public record Result(String user, String what, long median, long p95, long max, long startMedian, long startP95,
                         boolean background) {

        public boolean download() {
            return startP95 >= 0;
        }

        /**
         * What the user waits for before the page answers: the download's start, or the whole call; nothing for work
         * the page does in the background (it answers at once and shows a progress bar until the result is there).
         */
        public long waitP95() {
            return background ? 0 : download() ? startP95 : p95;
        }

        public long waitMedian() {
            return background ? 0 : download() ? startMedian : median;
        }
    }

    private static final List<Result> RESULTS = new ArrayList<>();
    private static final ThreadLocal<Download> DOWNLOAD = new ThreadLocal<>();

    private MedianTimer() {
    }

    /** Every interaction timed so far in this JVM, in order. */
    public static synchronized List<Result> results() {
        return List.copyOf(RESULTS);
    }

    /** A stream that discards an export's bytes and notes when the first {@value #RESPONSE_BUFFER} were written. */
    public static OutputStream download() {
        Download download = new Download();
        DOWNLOAD.set(download);
        return download;
    }

    /**
     * {@code runs}: timed calls after the warm-up, unless the system property {@code bench.runs} gives another number
     * (a quick first look at a large warehouse: {@code BENCH_RUNS=3 scripts/bench-pages.sh ...}).
     */
    public static void time(String user, String what, int runs, Supplier<?> call) {
        time(user, what, runs, call, false);
    }

    /**
     * Times work a page does in the background while it shows a progress bar (its goal is that of a whole download,
     * not that of an answer): printed and kept like an interaction, marked as background work.
     */
    public static void timeBackground(String user, String what, int runs, Supplier<?> call) {
        time(user, what, runs, call, true);
    }

    private static void time(String user, String what, int runs, Supplier<?> call, boolean background) {
        runs = Integer.getInteger("bench.runs", runs);
        long[] millis = new long[runs];
        long[] starts = new long[runs];
        call.get();
        DOWNLOAD.remove();
        boolean download = false;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.get();
            long end = System.nanoTime();
            millis[i] = (end - start) / 1_000_000;
            Download written = DOWNLOAD.get();
            DOWNLOAD.remove();
            if (written != null) {
                download = true;
                starts[i] = ((written.started >= 0 ? written.started : end) - start) / 1_000_000;
            }
        }
        Arrays.sort(millis);
        Arrays.sort(starts);
        int p95 = Math.max(0, (int) Math.ceil(0.95 * runs) - 1);
        Result result = new Result(user, what, millis[runs / 2], millis[p95], millis[runs - 1],
                download ? starts[runs / 2] : -1, download ? starts[p95] : -1, background);
        System.out.printf("  %-6s %-50s median %4d ms, p95 %4d ms, max %4d ms%s%s%n", user, what, result.median(),
                result.p95(), result.max(), download ? String.format("; download starts: median %d ms, p95 %d ms",
                        result.startMedian(), result.startP95()) : "",
                background ? "; in the background (the page shows a progress bar)" : "");
        synchronized (MedianTimer.class) {
            RESULTS.add(result);
        }
    }

    private static final class Download extends OutputStream {

        private long written;
        private long started = -1;

        @Override
        public void write(int b) {
            count(1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count(len);
        }

        private void count(int bytes) {
            written += bytes;
            if (started < 0 && written >= RESPONSE_BUFFER) {
                started = System.nanoTime();
            }
        }
    }
}
