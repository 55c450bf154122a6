package com.consumer360.customsegments;

import com.consumer360.Consumer360Application;
import com.consumer360.refresh.RefreshRun;
import com.consumer360.refresh.RefreshService;
import com.consumer360.refresh.TestRefresh;
import com.consumer360.support.MedianTimer;
import com.consumer360.support.SignedIn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Not a test: server time of the builder's calls on a demo warehouse of a given size (issue 18's targets: preview
 * ≤ 300 ms, save ≤ 500 ms, 50 segments evaluated in a refresh ≤ 2 s extra). Times the live preview of three
 * definitions as csops and north, saving (create, then an edit as a new version) as csops, and the refresh's
 * custom segment stage with 50 saved segments, against refreshes without them. Deletes what it created.
 * {@code scripts/bench-segment-builder.sh [LINES]}.
 */
public final class SegmentBuilderBenchmark {

    private static final int RUNS = 21;
    private static final int REFRESHES = 3;
    private static final Pattern STAGE = Pattern.compile("\"(custom_segments|total)\"\\s*:\\s*(\\d+)");

    private SegmentBuilderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long lines = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        try (ConfigurableApplicationContext context = SpringApplication.run(Consumer360Application.class,
                "--consumer360.data-dir=target/bench-segments-" + lines, "--consumer360.demo-lines=" + lines,
                "--consumer360.refresh.initial-history-weeks=1",
                "--server.port=0", "--spring.quartz.auto-startup=false", "--logging.level.root=warn")) {
            CustomSegmentService service = context.getBean(CustomSegmentService.class);
            UserDetailsService users = context.getBean(UserDetailsService.class);
            System.out.printf("segment builder benchmark: %,d warehouse lines, %d calls each (after one warm-up)%n",
                    lines, RUNS);
            String product = SignedIn.call(users, "csops", () -> service.products("a").getFirst()[0]);
            List<String> definitions = List.of(
                    "{\"match\":\"ALL\",\"rules\":[{\"attribute\":\"RECENCY_DAYS\",\"operator\":\"GREATER\","
                            + "\"values\":[\"60\"]}]}",
                    "{\"match\":\"ALL\",\"rules\":[{\"attribute\":\"MONETARY\",\"operator\":\"GREATER\",\"values\":"
                            + "[\"300\"]},{\"attribute\":\"RECENCY_DAYS\",\"operator\":\"GREATER\",\"values\":[\"60\"]},"
                            + "{\"match\":\"ANY\",\"rules\":[{\"attribute\":\"TENURE_MONTHS\",\"operator\":\"GREATER\","
                            + "\"values\":[\"12\"]},{\"attribute\":\"P_ALIVE\",\"operator\":\"LESS\",\"values\":"
                            + "[\"0.5\"]}]}]}",
                    "{\"match\":\"ALL\",\"rules\":[{\"attribute\":\"BOUGHT_PRODUCT\",\"operator\":\"IN\",\"values\":"
                            + "[\"" + product + "\"],\"days\":90}]}");
            String[] labels = {"one criterion", "nested groups, 4 criteria", "bought product in 90 days"};
            for (String user : new String[] {"csops", "north"}) {
                SignedIn.as(users, user);
                for (int i = 0; i < definitions.size(); i++) {
                    SegmentDefinition definition = service.parse(definitions.get(i));
                    MedianTimer.time(user, "preview: " + labels[i], RUNS, () -> service.preview(definition));
                }
                SecurityContextHolder.clearContext();
            }
            List<Long> created = new ArrayList<>();
            SignedIn.as(users, "csops");
            try {
                SegmentDefinition nested = service.parse(definitions.get(1));
                AtomicInteger n = new AtomicInteger();
                MedianTimer.time("csops", "save: create (version 1)", RUNS, () -> created.add(service.create(
                        new SegmentDraft("Benchmark " + n.incrementAndGet(), "", Set.of(), nested))));
                long first = created.getFirst();
                MedianTimer.time("csops", "save: edit (a new version)", RUNS, () -> service.update(first,
                        new SegmentDraft("Benchmark 1", "edit " + n.incrementAndGet(), Set.of(), nested)));
                for (long id : created) {
                    service.delete(id);
                }
                created.clear();
                SecurityContextHolder.clearContext();
                long[] without = refreshes(context, users, service, 0);
                SignedIn.as(users, "csops");
                for (int i = 0; i < 50; i++) {
                    created.add(service.create(new SegmentDraft("Benchmark refresh " + i, "", Set.of(),
                            service.parse(definitions.get(i % definitions.size())))));
                }
                SecurityContextHolder.clearContext();
                long[] with = refreshes(context, users, service, 50);
                System.out.printf("  %-6s %-50s median %4d ms (whole refresh: %d ms without segments, %d ms with 50)"
                        + "%n", "system", "refresh: custom segment stage, 50 segments", with[2], without[0], with[0]);
            } finally {
                SignedIn.as(users, "csops");
                for (long id : created) {
                    service.delete(id);
                }
                SecurityContextHolder.clearContext();
            }
        }
    }

    /** Median total and custom segment stage of {@link #REFRESHES} refreshes: {total, p95 total, stage}. */
    private static long[] refreshes(ConfigurableApplicationContext context, UserDetailsService users,
                                    CustomSegmentService service, int segments) throws Exception {
        long[] totals = new long[REFRESHES];
        long[] stages = new long[REFRESHES];
        for (int i = 0; i < REFRESHES; i++) {
            TestRefresh.withHistory(context, "benchmark", 0);
            RefreshRun run = SignedIn.call(users, "admin", () -> context.getBean(RefreshService.class).history(1))
                    .getFirst();
            Matcher m = STAGE.matcher(run.stageMillis() == null ? "" : run.stageMillis());
            while (m.find()) {
                if (m.group(1).equals("total")) {
                    totals[i] = Long.parseLong(m.group(2));
                } else {
                    stages[i] = Long.parseLong(m.group(2));
                }
            }
            if (!"SUCCEEDED".equals(run.status())) {
                throw new IllegalStateException("refresh " + run.runId() + " " + run.status() + ": "
                        + run.errorMessage());
            }
        }
        Arrays.sort(totals);
        Arrays.sort(stages);
        System.out.printf("  %-6s %-50s median %4d ms, max %4d ms; custom segment stage median %d ms%n", "system",
                "refresh with " + segments + " saved segments", totals[REFRESHES / 2], totals[REFRESHES - 1],
                stages[REFRESHES / 2]);
        return new long[] {totals[REFRESHES / 2], totals[REFRESHES - 1], stages[REFRESHES / 2]};
    }
}
