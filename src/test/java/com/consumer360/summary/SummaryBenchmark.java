package com.consumer360.summary;

import com.consumer360.support.SignedIn;
import com.consumer360.Consumer360Application;
import com.consumer360.export.ExportFormat;
import com.consumer360.support.MedianTimer;
import com.consumer360.warehouse.CustomerOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Not a test: server time of each weekly-summary interaction on a demo warehouse of a given size (with the default 8
 * weekly snapshots of the past), as the service runs them, signed in as {@code north} and as {@code exec}.
 * {@code scripts/bench-summary.sh [LINES]} keeps its data under target/bench-summary-LINES.
 */
public final class SummaryBenchmark {

    private static final int RUNS = 15;

    private SummaryBenchmark() {
    }

    public static void main(String[] args) {
        long lines = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        try (ConfigurableApplicationContext context = SpringApplication.run(Consumer360Application.class,
                "--consumer360.data-dir=target/bench-summary-" + lines, "--consumer360.demo-lines=" + lines,
                "--server.port=0", "--spring.quartz.auto-startup=false", "--logging.level.root=warn")) {
            interactions(context, lines);
        }
    }

    /** The timed interactions on a running portal; {@code scripts/bench-pages.sh} runs them with the other views'. */
    public static void interactions(ConfigurableApplicationContext context, long lines) {
        SummaryService summaries = context.getBean(SummaryService.class);
        DigestService digests = context.getBean(DigestService.class);
        UserDetailsService users = context.getBean(UserDetailsService.class);
        System.out.printf("summary benchmark: %,d warehouse lines, median, p95 and max of %d calls each%n", lines,
                RUNS);
        for (String user : new String[] {"north", "exec"}) {
            SignedIn.as(users, user);
            List<SnapshotRef> snapshots = summaries.snapshots();
            WeeklySummary week = summaries.summary(null, null, Set.of());
            long from = week.previous().snapshot().id();
            long to = week.current().snapshot().id();
            long oldest = snapshots.getLast().id();
            WeeklySummary.Move move = week.movement().stream().filter(m -> !m.from().equals(m.to()))
                    .max(Comparator.comparingLong(WeeklySummary.Move::customers)).orElseThrow();
            System.out.printf("%s: %,d snapshots, %,d customers, largest move %s to %s with %,d%n", user,
                    snapshots.size(), week.current().customers(), move.from(), move.to(), move.customers());
            time(user, "snapshot list", summaries::snapshots);
            time(user, "open: this week against the last", () -> summaries.summary(null, null, Set.of()));
            time(user, "another pair: oldest against current", () -> summaries.summary(oldest, to, Set.of()));
            time(user, "region filter (North)", () -> summaries.summary(null, null, Set.of((short) 1)));
            time(user, "movement cell, first page of 50", () -> summaries.movers(from, to, move.from(), move.to(),
                    Set.of(), CustomerOrder.BY_MONETARY, 0, 50));
            for (ExportFormat format : ExportFormat.values()) {
                time(user, format + " export of the summary", () -> {
                    summaries.exportSummary(null, null, Set.of(), format, com.consumer360.support.MedianTimer.download());
                    return null;
                });
                time(user, format + " export of the movers", () -> {
                    summaries.exportMovers(from, to, move.from(), move.to(), Set.of(), CustomerOrder.BY_MONETARY,
                            format, com.consumer360.support.MedianTimer.download());
                    return null;
                });
            }
            time(user, "my digests", digests::myDigests);
            SecurityContextHolder.clearContext();
        }
    }

    private static void time(String user, String what, Supplier<?> call) {
        MedianTimer.time(user, what, RUNS, call);
    }
}
