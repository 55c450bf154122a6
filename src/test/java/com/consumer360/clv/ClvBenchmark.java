package com.consumer360.clv;

import com.consumer360.support.SignedIn;
import com.consumer360.Consumer360Application;
import com.consumer360.export.ExportFormat;
import com.consumer360.support.MedianTimer;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Not a test: server time of each CLV page interaction on a demo warehouse of a given size, as the service runs
 * them (scope binding, row-level security and all), signed in as {@code north} and as {@code exec}; median and 95th
 * percentile of {@value #RUNS} calls after one warm-up. {@code scripts/bench-clv-view.sh [LINES]} starts the portal
 * on its own embedded PostgreSQL under target/bench-clv-LINES (demo data and first refresh the first time).
 */
public final class ClvBenchmark {

    private static final int RUNS = 20;

    private ClvBenchmark() {
    }

    public static void main(String[] args) {
        long lines = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        try (ConfigurableApplicationContext context = SpringApplication.run(Consumer360Application.class,
                "--consumer360.data-dir=target/bench-clv-" + lines, "--consumer360.demo-lines=" + lines,
                "--server.port=0", "--spring.quartz.auto-startup=false", "--logging.level.root=warn")) {
            interactions(context, lines);
        }
    }

    /** The timed interactions on a running portal; {@code scripts/bench-pages.sh} runs them with the other views'. */
    public static void interactions(ConfigurableApplicationContext context, long lines) {
        ClvService clv = context.getBean(ClvService.class);
        UserDetailsService users = context.getBean(UserDetailsService.class);
        System.out.printf("clv benchmark: %,d warehouse lines, median and p95 of %d calls each%n", lines, RUNS);
        ChurnThresholds changed = new ChurnThresholds(3, 0.3);
        for (String user : new String[] {"north", "exec"}) {
            SignedIn.as(users, user);
            Set<Short> all = Set.of();
            long churn = clv.churnRiskCount(ChurnThresholds.DEFAULTS, all);
            System.out.printf("%s: %,d customers valued, %,d churn risks (defaults), %,d in the holdout check%n",
                    user, clv.summary(all).customersValued(), churn, clv.modelFit(all).customers());
            time(user, "regions (filter list)", clv::regions);
            time(user, "headline figures", () -> clv.summary(all));
            time(user, "high value: count + first page of 50", () -> {
                clv.highValueCount(all);
                return clv.highValue(all, 0, 50);
            });
            time(user, "high value: last page", () -> clv.highValue(all, ClvService.HIGH_VALUE_TOP - 50, 50));
            time(user, "churn risk: count + first page (defaults)", () -> {
                clv.churnRiskCount(ChurnThresholds.DEFAULTS, all);
                return clv.churnRisk(ChurnThresholds.DEFAULTS, all, 0, 50);
            });
            time(user, "change thresholds (M ≥ 3, P(alive) < 0.3)", () -> {
                clv.churnRiskCount(changed, all);
                return clv.churnRisk(changed, all, 0, 50);
            });
            time(user, "churn risk: a deep page", () -> clv.churnRisk(ChurnThresholds.DEFAULTS, all,
                    (int) Math.max(0, churn - 50), 50));
            time(user, "CLV by segment", () -> clv.bySegment(all));
            time(user, "histograms (CLV and P(alive))", () -> {
                clv.clvHistogram(all);
                return clv.pAliveHistogram(all);
            });
            time(user, "model fit, first view (the refresh's sums per region)", () -> clv.modelFit(all, false));
            time(user, "model fit, cached per snapshot and regions", () -> clv.modelFit(all));
            // A snapshot whose refresh stored no sums: the page answers from what it has at hand (timed with
            // "open the page") and recomputes the check in the background behind a progress bar.
            MedianTimer.timeBackground(user, "holdout check recomputed (a snapshot without sums)", RUNS,
                    () -> clv.recomputedFit(all));
            time(user, "open the page (all of the above once, the check at hand)", () -> openPage(clv, all));
            if (user.equals("exec")) {
                time(user, "region filter South (whole page, check afresh)", () -> {
                    clv.modelFit(Set.of((short) 2), false);
                    return openPage(clv, Set.of((short) 2));
                });
            }
            for (ExportFormat format : ExportFormat.values()) {
                time(user, format + " export, high value", () -> {
                    clv.exportHighValue(all, format, com.consumer360.support.MedianTimer.download());
                    return null;
                });
                time(user, format + " export, churn risk (defaults)", () -> {
                    clv.exportChurnRisk(ChurnThresholds.DEFAULTS, all, format, com.consumer360.support.MedianTimer.download());
                    return null;
                });
            }
            SecurityContextHolder.clearContext();
        }
    }

    private static Object openPage(ClvService clv, Set<Short> regions) {
        clv.regions();
        clv.summary(regions);
        clv.highValueCount(regions);
        clv.highValue(regions, 0, 50);
        clv.churnRiskCount(ChurnThresholds.DEFAULTS, regions);
        clv.churnRisk(ChurnThresholds.DEFAULTS, regions, 0, 50);
        clv.bySegment(regions);
        clv.clvHistogram(regions);
        clv.pAliveHistogram(regions);
        return clv.modelFitAtHand(regions);
    }

    private static void time(String user, String what, Supplier<?> call) {
        MedianTimer.time(user, what, RUNS, call);
    }
}
