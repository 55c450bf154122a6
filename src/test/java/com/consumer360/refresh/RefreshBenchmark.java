package com.consumer360.refresh;

import com.consumer360.Consumer360Application;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test: measures the refresh end to end on a demo warehouse of a given size.
 * {@code scripts/bench-refresh.sh LINES [RUNS]} starts the portal on its own embedded PostgreSQL under
 * target/bench-refresh-LINES (loading the demo data the first time), then runs the refresh RUNS times and
 * prints each run's total and per-stage times as recorded in the job history.
 */
public final class RefreshBenchmark {

    private RefreshBenchmark() {
    }

    public static void main(String[] args) {
        long lines = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (ConfigurableApplicationContext context = SpringApplication.run(Consumer360Application.class,
                "--consumer360.data-dir=target/bench-refresh-" + lines, "--consumer360.demo-lines=" + lines,
                "--server.port=0", "--spring.quartz.auto-startup=false", "--logging.level.root=warn")) {
            RefreshRunner runner = context.getBean(RefreshRunner.class);
            RunHistory history = context.getBean(RunHistory.class);
            System.out.printf("refresh benchmark: %,d warehouse lines, %d runs after the start-up refresh%n", lines, runs);
            for (int i = 1; i <= runs; i++) {
                long started = System.nanoTime();
                long runId = runner.run("MANUAL", "benchmark");
                long wall = (System.nanoTime() - started) / 1_000_000;
                List<RefreshRun> latest = history.latest(1);
                RefreshRun run = latest.getFirst();
                System.out.printf("run %d (id %d): %s, wall %,d ms, stages %s%n", i, runId, run.status(), wall,
                        run.stageMillis());
            }
        }
    }
}
