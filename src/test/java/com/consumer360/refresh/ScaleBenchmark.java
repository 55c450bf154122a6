package com.consumer360.refresh;

import com.consumer360.Consumer360Application;
import com.consumer360.security.SystemScope;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: one size of {@code scripts/bench-scale.sh}. Starts the portal like {@code ./dev run} on its own
 * embedded PostgreSQL in DATA_DIR with LINES demo lines (generating and loading them if the directory is new, then
 * the first refresh with its history weeks), then runs the refresh RUNS times. Prints the load time (from the JVM's
 * start and within the load transaction), the first refreshes, each run's per-stage times, the per-stage medians,
 * and the heap: the peak used (garbage included) and the largest heap left after a collection (the live data), for
 * the start and for the runs. Meant to run with -Xmx1g.
 */
public final class ScaleBenchmark {

    private static final Pattern STAGE = Pattern.compile("\"([a-z_]+)\":(\\d+)");
    private static final AtomicLong LIVE_AFTER_GC = new AtomicLong();
    private static final AtomicLong PEAK_BEFORE_GC = new AtomicLong();

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long lines = Long.parseLong(args[0]);
        int runs = Integer.parseInt(args[1]);
        String dataDir = args[2];
        watchCollections();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long started = System.currentTimeMillis();
        List<String> springArgs = new ArrayList<>(List.of("--consumer360.data-dir=" + dataDir,
                "--consumer360.demo-lines=" + lines, "--server.port=0", "--spring.quartz.auto-startup=false",
                "--logging.level.root=warn"));
        springArgs.addAll(List.of(args).subList(3, args.length));
        try (ConfigurableApplicationContext context = SpringApplication.run(Consumer360Application.class,
                springArgs.toArray(String[]::new))) {
            long ready = System.currentTimeMillis();
            String size = "lines " + lines;
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            Map<String, Object> load = SystemScope.call("benchmark", Set.of((short) 1, (short) 2, (short) 3,
                    (short) 4, (short) 5), () -> {
                        Map<String, Object> row = new LinkedHashMap<>(jdbc.queryForMap("""
                                SELECT (extract(epoch FROM started_at) * 1000)::BIGINT AS started_ms,
                                       (extract(epoch FROM finished_at) * 1000)::BIGINT AS finished_ms,
                                       lines_loaded, customers FROM ingest_run WHERE source = 'demo-data'
                                ORDER BY run_id LIMIT 1"""));
                        row.put("invoices", jdbc.queryForObject("SELECT count(*) FROM fact_invoice", Long.class));
                        row.put("sum_lines", jdbc.queryForObject("SELECT sum(lines) FROM fact_invoice", Long.class));
                        return row;
                    });
            System.out.printf("scale benchmark: %,d lines, %,d invoices, %,d customers, %d cores, max heap %d MB, "
                            + "data in %s%n", (Long) load.get("sum_lines"), (Long) load.get("invoices"),
                    (Long) load.get("customers"), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20, dataDir);
            long loadStarted = (Long) load.get("started_ms");
            long loadFinished = (Long) load.get("finished_ms");
            if (loadStarted >= jvmStart) {
                System.out.printf("load: %,d ms from the JVM's start to the lines loaded (load transaction %,d ms)%n",
                        loadFinished - jvmStart, loadFinished - loadStarted);
            } else {
                System.out.printf("load: loaded by an earlier start (load transaction %,d ms); this start %,d ms%n",
                        loadFinished - loadStarted, ready - started);
            }
            RunHistory history = context.getBean(RunHistory.class);
            List<RefreshRun> initial = history.latest(100).stream()
                    .filter(run -> "INITIAL".equals(run.trigger()) && run.startedAt().toInstant().toEpochMilli() >= started)
                    .toList();
            long initialTotal = initial.stream().mapToLong(run -> stages(run).getOrDefault("total", 0L)).sum();
            System.out.printf("first refresh: %d runs (history weeks and the current one), %,d ms in all%s%n",
                    initial.size(), initialTotal, initial.isEmpty() ? "" : ", the current one "
                            + stages(initial.getFirst()));
            System.out.printf("heap during start (load and first refresh): %s%n", heap());
            resetHeap();
            RefreshRunner runner = context.getBean(RefreshRunner.class);
            Map<String, List<Long>> byStage = new TreeMap<>();
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            for (int i = 1; i <= runs; i++) {
                long cpuBefore = os.getProcessCpuTime();
                long gcBefore = gcMillis();
                runner.run("MANUAL", "benchmark");
                RefreshRun run = history.latest(1).getFirst();
                Map<String, Long> stages = stages(run);
                // The JVM's CPU time (all its threads, collector threads included) and the collectors' time: on a
                // shared machine the wall time also measures the neighbours, the CPU time the work.
                stages.put("jvm_cpu", (os.getProcessCpuTime() - cpuBefore) / 1_000_000);
                stages.put("gc", gcMillis() - gcBefore);
                System.out.printf("run %d: %s %s%n", i, run.status(), stages);
                stages.forEach((stage, ms) -> byStage.computeIfAbsent(stage, s -> new ArrayList<>()).add(ms));
            }
            System.out.printf("heap during the runs: %s%n", heap());
            byStage.forEach((stage, values) -> {
                values.sort(null);
                System.out.printf("median %s %d%n", stage, values.get(values.size() / 2));
            });
        }
    }

    /** Time the collectors report (pauses, and G1's concurrent cycles), in milliseconds. */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static Map<String, Long> stages(RefreshRun run) {
        Map<String, Long> stages = new LinkedHashMap<>();
        Matcher matcher = STAGE.matcher(String.valueOf(run.stageMillis()));
        while (matcher.find()) {
            stages.put(matcher.group(1), Long.parseLong(matcher.group(2)));
        }
        return stages;
    }

    /** Records the heap in use after each collection: its maximum is the largest live set seen. */
    private static void watchCollections() {
        for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                LIVE_AFTER_GC.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
                PEAK_BEFORE_GC.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
            }, null, null);
        }
    }

    /** Heap in use by the heap's pools (eden, survivor, old), from a collection's per-pool usage. */
    private static long heapUsed(Map<String, MemoryUsage> byPool) {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && byPool.containsKey(pool.getName())) {
                used += byPool.get(pool.getName()).getUsed();
            }
        }
        return used;
    }

    private static String heap() {
        return String.format("heap used before a collection at most %d MB (garbage included), after a collection "
                + "at most %d MB (what the refresh holds, plus garbage G1 has not reached yet)",
                PEAK_BEFORE_GC.get() >> 20, LIVE_AFTER_GC.get() >> 20);
    }

    private static void resetHeap() {
        LIVE_AFTER_GC.set(0);
        PEAK_BEFORE_GC.set(0);
    }
}
