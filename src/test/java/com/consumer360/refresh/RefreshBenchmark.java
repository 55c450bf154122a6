package com.consumer360.refresh;

import com.consumer360.Consumer360Application;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test: measures the refresh end to end on a demo warehouse of a given size.
 * {@code scripts/bench-refresh.sh LINES [RUNS] [SHAPE]} starts the portal on its own embedded PostgreSQL under
 * target/bench-refresh-SHAPE-LINES (loading demo data of that shape the first time: standard or online-retail,
 * see DemoParameters.ofShape), then runs the refresh RUNS times and prints each run's total and per-stage
 * times as recorded in the job history, with the warehouse's size.
 */
public final class RefreshBenchmark {

    private RefreshBenchmark() {
    }

    /** Lines, invoices and customers of the warehouse, in the system scope of all regions. */
    private static String size(ConfigurableApplicationContext context) throws Exception {
        org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(
                context.getBean(javax.sql.DataSource.class));
        return com.consumer360.security.SystemScope.call("benchmark", java.util.Set.of((short) 1,
                (short) 2, (short) 3, (short) 4, (short) 5), () -> jdbc.queryForObject(
                "SELECT format('%s lines, %s invoices, %s customers', sum(lines), count(*), "
                        + "count(DISTINCT customer_id)) FROM fact_invoice", String.class));
    }

    /**
     * CPU time used by all processes of the machine (the JVM and the PostgreSQL backends alike), from the "cpu"
     * line of /proc/stat, in milliseconds; -1 where there is no /proc. Wall time on a 2-core machine is bounded
     * below by half of it.
     */
    private static long machineCpuMillis() {
        try {
            String[] fields = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).getFirst()
                    .trim().split("\\s+");
            long ticks = 0;
            for (int i : new int[] {1, 2, 3, 6, 7}) { // user, nice, system, irq, softirq
                ticks += Long.parseLong(fields[i]);
            }
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    public static void main(String[] args) throws Exception {
        long lines = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String shape = args.length > 2 ? args[2] : "standard";
        try (ConfigurableApplicationContext context = SpringApplication.run(Consumer360Application.class,
                "--consumer360.data-dir=target/bench-refresh-" + shape + "-" + lines,
                "--consumer360.demo-lines=" + lines, "--consumer360.demo-shape=" + shape,
                "--server.port=0", "--spring.quartz.auto-startup=false", "--logging.level.root=warn")) {
            RefreshRunner runner = context.getBean(RefreshRunner.class);
            RunHistory history = context.getBean(RunHistory.class);
            System.out.printf("refresh benchmark: %s-shaped warehouse, %s; %d runs after the start-up refresh, "
                    + "%d cores%n", shape, size(context), runs, Runtime.getRuntime().availableProcessors());
            List<Long> totals = new java.util.ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                long started = System.nanoTime();
                long cpuBefore = machineCpuMillis();
                long runId = runner.run("MANUAL", "benchmark");
                long wall = (System.nanoTime() - started) / 1_000_000;
                long cpu = machineCpuMillis() - cpuBefore;
                List<RefreshRun> latest = history.latest(1);
                RefreshRun run = latest.getFirst();
                System.out.printf("run %d (id %d): %s, wall %,d ms, machine CPU %,d ms, stages %s%n", i, runId,
                        run.status(), wall, cpu, run.stageMillis());
                java.util.regex.Matcher total = java.util.regex.Pattern.compile("\"total\":(\\d+)")
                        .matcher(String.valueOf(run.stageMillis()));
                if (total.find()) {
                    totals.add(Long.parseLong(total.group(1)));
                }
            }
            totals.sort(null);
            if (!totals.isEmpty()) {
                System.out.printf("run summary: refresh until current (\"total\") median %,d ms, min %,d ms, max %,d ms "
                        + "over %d runs%n", totals.get(totals.size() / 2), totals.getFirst(), totals.getLast(),
                        totals.size());
            }
        }
    }
}
