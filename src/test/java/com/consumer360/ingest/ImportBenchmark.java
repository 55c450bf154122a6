package com.consumer360.ingest;

import com.consumer360.database.EmbeddedDatabase;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * Times imports of an Online-Retail-shaped file of N lines (the December 2010 sample replicated: copy k prefixes
 * invoice numbers with k and moves dates k years on, so copies are new lines) into a fresh database each run, on an
 * embedded server of its own under target/bench-import. Prints each run, median and p95, lines per second, the peak
 * heap while importing (sampled every 10 ms), the peak heap left after a garbage collection during the import (what
 * the import holds, without the garbage the sampled peak also counts) and the load average. Run by
 * scripts/bench-import.sh; {@code scripts/bench-import.sh memory} runs one import each of 135,477, 541,909 and
 * 1,083,818 lines in a small heap to show how the held memory grows with the file.
 */
public final class ImportBenchmark {

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 541_909;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        boolean loaded = args.length > 2 && args[2].equals("loaded");
        Path dir = Path.of("target/bench-import");
        Files.createDirectories(dir);
        Path input = dir.resolve("online-retail-" + lines + ".csv");
        if (!Files.exists(input)) {
            replicate(lines, input, 0);
        }
        // "loaded": each run first imports (untimed) as many other lines, a century later, so that the timed import
        // adds new days to a warehouse that has lines (the insert trigger and the indexes in place, no bulk path).
        Path history = dir.resolve("online-retail-" + lines + "-history.csv");
        if (loaded && !Files.exists(history)) {
            replicate(lines, history, 100);
        }
        EmbeddedDatabase server = EmbeddedDatabase.startOrGet(dir.resolve("postgres"));
        RegionMapping mapping = new RegionMapping(Map.of("United Kingdom", "NORTH", "France", "WEST", "EIRE", "WEST",
                "Germany", "CENTRAL", "Spain", "SOUTH"), "EAST");
        double[] seconds = new double[runs];
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int run = 0; run < runs; run++) {
            ImportDatabase database;
            try (Connection postgres = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
                database = ImportDatabase.create("bench_import", postgres);
            }
            if (loaded) {
                ImportReport before = FileImport.run(database.admin(), history, history.getFileName().toString(),
                        mapping, false, ImportProgress.NONE);
                System.out.printf("run %d: warehouse loaded first with %,d other lines (untimed)%n", run + 1,
                        before.linesInserted());
            }
            System.gc();
            AtomicLong peak = new AtomicLong();
            AtomicLong peakAfterGc = new AtomicLong();
            List<Runnable> stopListening = listenAfterGc(peakAfterGc);
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long start = System.nanoTime();
            ImportReport report = FileImport.run(database.admin(), input, input.getFileName().toString(), mapping,
                    false, ImportProgress.NONE);
            seconds[run] = (System.nanoTime() - start) / 1e9;
            sampler.interrupt();
            stopListening.forEach(Runnable::run);
            System.out.printf("run %d: %.2f s, %,.0f lines/s, %,d lines inserted, peak heap %,d MB, peak after GC "
                            + "%,d MB (-Xmx%,d MB)%n", run + 1, seconds[run], lines / seconds[run],
                    report.linesInserted(), peak.get() >> 20, peakAfterGc.get() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        double p95 = sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
        System.out.printf("import benchmark" + (loaded ? " (into a loaded warehouse)" : "") + ": %,d lines, %d runs: median %.2f s (%,.0f lines/s), p95 %.2f s; "
                        + "load average %s%n", lines, runs, median, lines / median, p95,
                Files.readString(Path.of("/proc/loadavg")).strip());
    }

    /**
     * Keeps in {@code peak} the largest heap in use right after a garbage collection (all heap pools summed), until
     * the returned actions are run. With a young collection the old generation's garbage still counts, so this is
     * an upper bound of what the import holds.
     */
    private static List<Runnable> listenAfterGc(AtomicLong peak) {
        List<Runnable> stops = new ArrayList<>();
        java.util.Set<String> heapPools = new java.util.HashSet<>();
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(collector instanceof javax.management.NotificationEmitter emitter)) {
                continue;
            }
            javax.management.NotificationListener listener = (notification, handback) -> {
                if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                        .equals(notification.getType())) {
                    return;
                }
                var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                        (javax.management.openmbean.CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(pool -> heapPools.contains(pool.getKey()))
                        .mapToLong(pool -> pool.getValue().getUsed()).sum();
                peak.accumulateAndGet(used, Math::max);
            };
            emitter.addNotificationListener(listener, null, null);
            stops.add(() -> {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException e) {
                    // already gone
                }
            });
        }
        return stops;
    }

    /** Copies k = firstCopy, firstCopy + 1, ... of the sample until {@code lines} lines; copy 0 is the sample. */
    private static void replicate(int lines, Path output, int firstCopy) throws Exception {
        List<String> body = new ArrayList<>();
        String header;
        Path sample = Path.of("src/test/resources/online-retail/online_retail_2010-12.csv.gz");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(sample)), StandardCharsets.UTF_8))) {
            header = in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                body.add(line);
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            out.write(header);
            out.newLine();
            int written = 0;
            for (int k = firstCopy; written < lines; k++) {
                for (int i = 0; i < body.size() && written < lines; i++, written++) {
                    String line = body.get(i);
                    if (k > 0) {
                        boolean cancel = line.startsWith("C");
                        line = (cancel ? "C" : "") + k + "-" + line.substring(cancel ? 1 : 0);
                        int date = line.indexOf(",2010-");
                        line = line.substring(0, date + 1) + (2010 + k) + line.substring(date + 5);
                    }
                    out.write(line);
                    out.newLine();
                }
            }
        }
    }
}
