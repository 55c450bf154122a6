package com.consumer360.behaviour;

import com.consumer360.support.SignedIn;
import com.consumer360.Consumer360Application;
import com.consumer360.export.ExportFormat;
import com.consumer360.warehouse.CustomerOrder;
import java.util.Set;
import com.consumer360.support.MedianTimer;
import java.util.function.Supplier;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Not a test: server time of each behaviour map interaction on a demo warehouse of a given size, as the service
 * runs it (scope binding, row-level security and all), signed in as {@code north} and as {@code exec}.
 * {@code scripts/bench-behaviour.sh [LINES] [DATA_DIR]} starts the portal on its own embedded PostgreSQL under
 * DATA_DIR (default target/bench-behaviour-LINES), loading the demo data and running the first refresh the first
 * time; an existing data directory of the same size (e.g. the refresh benchmark's) can be passed instead.
 */
public final class BehaviourBenchmark {

    private static final int RUNS = 15;

    private BehaviourBenchmark() {
    }

    public static void main(String[] args) {
        long lines = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        String dataDir = args.length > 1 ? args[1] : "target/bench-behaviour-" + lines;
        try (ConfigurableApplicationContext context = SpringApplication.run(Consumer360Application.class,
                "--consumer360.data-dir=" + dataDir, "--consumer360.demo-lines=" + lines,
                "--server.port=0", "--spring.quartz.auto-startup=false", "--logging.level.root=warn")) {
            interactions(context, lines);
        }
    }

    /** The timed interactions on a running portal; {@code scripts/bench-pages.sh} runs them with the other views'. */
    public static void interactions(ConfigurableApplicationContext context, long lines) {
        BehaviourService behaviour = context.getBean(BehaviourService.class);
        UserDetailsService users = context.getBean(UserDetailsService.class);
        System.out.printf("behaviour benchmark: %,d warehouse lines, median and max of %d calls each%n",
                lines, RUNS);
        BehaviourFilter lapsing = new BehaviourFilter(Set.of("At Risk", "Can't Lose Them", "Hibernating",
                "About to Sleep"), 91, 730, Set.of());
        BehaviourFilter south = BehaviourFilter.ALL.inRegions(Set.of((short) 2));
        GroupRule a = GroupRule.FREQUENT_BUT_LAPSED;
        GroupRule b = GroupRule.BIG_SPENDERS_RARE_VISITS;
        for (String user : new String[] {"north", "exec"}) {
            SignedIn.as(users, user);
            BehaviourMap map = behaviour.map(BehaviourFilter.ALL);
            GroupComparison comparison = behaviour.compare(BehaviourFilter.ALL, a, b);
            System.out.printf("%s: %,d customers, %,d plotted%s; group A %,d, group B %,d%n", user,
                    map.customers(), map.points().size(), map.sampled() ? " (sampled)" : "",
                    comparison.a().customers(), comparison.b().customers());
            time(user, "regions (filter list)", behaviour::regions);
            time(user, "map, no filter", () -> behaviour.map(BehaviourFilter.ALL));
            time(user, "map, 4 segments and recency 91-730", () -> behaviour.map(lapsing));
            time(user, "map, region filter South", () -> behaviour.map(south));
            time(user, "compare the two presets", () -> behaviour.compare(BehaviourFilter.ALL, a, b));
            // The first comparison after a refresh on a node that did not run it reads the scope's customers into
            // its column cache; a service of its own per call starts with an empty cache, in a read-only transaction
            // as the portal's (so that the rows are read through a cursor).
            BehaviourQueries queries = context.getBean(BehaviourQueries.class);
            com.consumer360.rfm.RfmService rfm = context.getBean(com.consumer360.rfm.RfmService.class);
            org.springframework.transaction.support.TransactionTemplate readOnly =
                    new org.springframework.transaction.support.TransactionTemplate(
                            context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
            readOnly.setReadOnly(true);
            time(user, "compare the two presets, first on a node that did not refresh", () -> readOnly.execute(
                    status -> new BehaviourService(queries, rfm).compare(BehaviourFilter.ALL, a, b)));
            time(user, "compare within segment/recency filter", () -> behaviour.compare(lapsing, a,
                    GroupRule.EVERYONE));
            time(user, "group A customers, first page of 50", () -> behaviour.groupCustomers(
                    BehaviourFilter.ALL, a, CustomerOrder.BY_MONETARY, 0, 50));
            time(user, "everyone's customers by name, a deep page", () -> behaviour.groupCustomers(
                    BehaviourFilter.ALL, GroupRule.EVERYONE, new CustomerOrder(CustomerOrder.Column.NAME, false),
                    (int) Math.max(0, map.customers() - 50), 50));
            time(user, "CSV export of the map (plotted points)", () -> {
                behaviour.exportMap(BehaviourFilter.ALL, ExportFormat.CSV, com.consumer360.support.MedianTimer.download());
                return null;
            });
            time(user, "CSV export of group A's customers", () -> {
                behaviour.exportGroupCustomers(BehaviourFilter.ALL, a, CustomerOrder.BY_MONETARY,
                        ExportFormat.CSV, com.consumer360.support.MedianTimer.download());
                return null;
            });
            time(user, "XLSX export of the map (plotted points)", () -> {
                behaviour.exportMap(BehaviourFilter.ALL, ExportFormat.XLSX, com.consumer360.support.MedianTimer.download());
                return null;
            });
            time(user, "XLSX export of group A's customers", () -> {
                behaviour.exportGroupCustomers(BehaviourFilter.ALL, a, CustomerOrder.BY_MONETARY,
                        ExportFormat.XLSX, com.consumer360.support.MedianTimer.download());
                return null;
            });
            time(user, "CSV export of the comparison", () -> {
                behaviour.exportComparison(BehaviourFilter.ALL, a, b, ExportFormat.CSV,
                        com.consumer360.support.MedianTimer.download());
                return null;
            });
            SecurityContextHolder.clearContext();
        }
    }

    private static void time(String user, String what, Supplier<?> call) {
        MedianTimer.time(user, what, RUNS, call);
    }
}
