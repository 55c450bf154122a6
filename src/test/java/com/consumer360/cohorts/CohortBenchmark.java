package com.consumer360.cohorts;

import com.consumer360.support.SignedIn;
import com.consumer360.Consumer360Application;
import com.consumer360.export.ExportFormat;
import com.consumer360.warehouse.CustomerOrder;
import com.consumer360.support.MedianTimer;
import java.util.Comparator;
import java.util.function.Supplier;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Not a test: server time of each cohorts page interaction on a demo warehouse of a given size, as the service runs
 * them (scope binding, row-level security and all), signed in as {@code north} and as {@code exec}; median, 95th
 * percentile and maximum of {@value #RUNS} calls after one warm-up. {@code scripts/bench-cohorts.sh [LINES]} starts
 * the portal on its own embedded PostgreSQL under target/bench-cohorts-LINES (loading the demo data and running the
 * first refresh the first time).
 */
public final class CohortBenchmark {

    private static final int RUNS = 20;

    private CohortBenchmark() {
    }

    public static void main(String[] args) {
        long lines = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        try (ConfigurableApplicationContext context = SpringApplication.run(Consumer360Application.class,
                "--consumer360.data-dir=target/bench-cohorts-" + lines, "--consumer360.demo-lines=" + lines,
                "--server.port=0", "--spring.quartz.auto-startup=false", "--logging.level.root=warn")) {
            interactions(context, lines);
        }
    }

    /** The timed interactions on a running portal; {@code scripts/bench-pages.sh} runs them with the other views'. */
    public static void interactions(ConfigurableApplicationContext context, long lines) {
        CohortService cohorts = context.getBean(CohortService.class);
        UserDetailsService users = context.getBean(UserDetailsService.class);
        System.out.printf("cohorts benchmark: %,d warehouse lines, median, p95 and max of %d calls each%n", lines,
                RUNS);
        for (String user : new String[] {"north", "exec"}) {
            SignedIn.as(users, user);
            RetentionMatrix matrix = cohorts.matrix(CohortFilter.ALL);
            RetentionMatrix.CohortRow largest = matrix.rows().stream()
                    .max(Comparator.comparingLong(RetentionMatrix.CohortRow::size)).orElseThrow();
            String country = cohorts.countries(null).getFirst();
            CohortFilter byCountry = new CohortFilter(null, null, country, null);
            CohortFilter byMonths = new CohortFilter(matrix.rows().get(3).cohort(), matrix.rows().get(14).cohort(),
                    null, null);
            CohortFilter byRegion = CohortFilter.ALL.withRegion(cohorts.regions().getFirst().id());
            System.out.printf("%s: %,d cohort customers in %d cohorts, largest %s with %,d%n", user,
                    matrix.customers(), matrix.rows().size(), largest.cohort(), largest.size());
            time(user, "open (regions, countries, matrix twice)", () -> {
                cohorts.regions();
                cohorts.countries(null);
                cohorts.matrix(CohortFilter.ALL);
                return cohorts.matrix(CohortFilter.ALL);
            });
            time(user, "switch metric with a segment overlay", () -> cohorts.segmentCurve(CohortFilter.ALL,
                    "Champions", true));
            time(user, "filter: country " + country, () -> cohorts.matrix(byCountry));
            time(user, "filter: cohort months (12)", () -> cohorts.matrix(byMonths));
            time(user, "filter: one region", () -> cohorts.matrix(byRegion));
            time(user, "countries list (region changed)", () -> cohorts.countries(null));
            time(user, "overlay: segment At Risk", () -> cohorts.segmentCurve(CohortFilter.ALL, "At Risk",
                    false));
            time(user, "overlay: segment in a country", () -> cohorts.segmentCurve(byCountry, "Champions",
                    false));
            time(user, "cell click: largest cohort month 1, page of 50", () -> cohorts.cellCustomers(
                    CohortFilter.ALL, largest.cohort(), 1, CustomerOrder.BY_MONETARY, 0, 50));
            time(user, "cell click: largest cohort month 0, page of 50", () -> cohorts.cellCustomers(
                    CohortFilter.ALL, largest.cohort(), 0, CustomerOrder.BY_MONETARY, 0, 50));
            time(user, "cell click in a country, page of 50", () -> cohorts.cellCustomers(byCountry,
                    largest.cohort(), 1, CustomerOrder.BY_MONETARY, 0, 50));
            for (ExportFormat format : ExportFormat.values()) {
                time(user, format + " export of the matrix", () -> {
                    cohorts.exportMatrix(CohortFilter.ALL, format, com.consumer360.support.MedianTimer.download());
                    return null;
                });
                time(user, format + " export of the largest cell (month 0)", () -> {
                    cohorts.exportCellCustomers(CohortFilter.ALL, largest.cohort(), 0, CustomerOrder.BY_MONETARY,
                            format, com.consumer360.support.MedianTimer.download());
                    return null;
                });
            }
            SecurityContextHolder.clearContext();
        }
    }

    private static void time(String user, String what, Supplier<?> call) {
        MedianTimer.time(user, what, RUNS, call);
    }
}
