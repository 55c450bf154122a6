package com.consumer360.customsegments;

import com.consumer360.Consumer360Application;
import com.consumer360.export.ExportFormat;
import com.consumer360.support.MedianTimer;
import com.consumer360.support.SignedIn;
import com.consumer360.warehouse.CustomerOrder;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Not a test: server time of what the custom segment profile and compare pages ask the service for, on a demo
 * warehouse of a given size, signed in as {@code north} and as {@code exec}. Creates the fixture's three segments,
 * runs a refresh one week back and one over all sales (so movement and size history have stored members), times,
 * then deletes the segments. {@code scripts/bench-segment-pages.sh [LINES]}.
 */
public final class SegmentPagesBenchmark {

    private static final int RUNS = 11;

    private SegmentPagesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long lines = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        try (ConfigurableApplicationContext context = SpringApplication.run(Consumer360Application.class,
                "--consumer360.data-dir=target/bench-segments-" + lines, "--consumer360.demo-lines=" + lines,
                "--consumer360.refresh.initial-history-weeks=1",
                "--server.port=0", "--spring.quartz.auto-startup=false", "--logging.level.root=warn")) {
            interactions(context, lines);
        }
    }

    /** The timed interactions on a running portal; {@code scripts/bench-pages.sh} runs them with the other views'. */
    public static void interactions(ConfigurableApplicationContext context, long lines) throws Exception {
        try (SegmentPagesFixture segments = new SegmentPagesFixture(context)) {
            CustomSegmentService service = context.getBean(CustomSegmentService.class);
            UserDetailsService users = context.getBean(UserDetailsService.class);
            System.out.printf("segment pages benchmark: %,d warehouse lines, median of %d calls each%n", lines, RUNS);
            SegmentRef often = new SegmentRef.Custom(segments.often);
            SegmentRef recent = new SegmentRef.Custom(segments.recent);
            List<SegmentRef> four = List.of(often, recent, new SegmentRef.Rfm("Champions"), new SegmentRef.Rfm("At Risk"));
            for (String user : new String[] {"north", "exec"}) {
                SignedIn.as(users, user);
                time(user, "profile: segment + figures", () -> List.of(service.segment(segments.often),
                        service.figures(often)));
                time(user, "profile: top countries + top products", () -> List.of(service.topCountries(often, 10),
                        service.topProducts(often, 10)));
                time(user, "profile: movement + size history", () -> List.of(service.movement(segments.often),
                        service.sizes(segments.often)));
                time(user, "profile: members, first page of 50", () -> service.members(List.of(often),
                        CustomerOrder.BY_MONETARY, 0, 50));
                time(user, "profile: movers (joined), first page of 50", () -> service.movers(segments.often,
                        Movement.Kind.JOINED, CustomerOrder.BY_MONETARY, 0, 50));
                long customer = service.members(List.of(often), CustomerOrder.BY_MONETARY, 0, 1).getFirst().customerId();
                time(user, "profile: why in / why out", () -> service.why(segments.often, customer));
                time(user, "compare: four segments' figures", () -> service.compare(four));
                time(user, "compare: overlap of four segments", () -> service.overlap(four));
                time(user, "compare: overlap cell, first page of 50", () -> service.members(List.of(often, recent),
                        CustomerOrder.BY_MONETARY, 0, 50));
                for (ExportFormat format : ExportFormat.values()) {
                    time(user, format + " export of the members", () -> {
                        service.exportMembers(List.of(often), CustomerOrder.BY_MONETARY, format,
                                com.consumer360.support.MedianTimer.download());
                        return null;
                    });
                }
                SecurityContextHolder.clearContext();
            }
        }
    }

    private static void time(String user, String what, Supplier<?> call) {
        MedianTimer.time(user, what, RUNS, call);
    }
}
