package com.consumer360.rfm;

import com.consumer360.support.SignedIn;
import com.consumer360.warehouse.CustomerOrder;
import com.consumer360.Consumer360Application;
import com.consumer360.export.ExportFormat;
import java.util.Set;
import com.consumer360.support.MedianTimer;
import java.util.function.Supplier;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Not a test: server time of each RFM page interaction on a demo warehouse of a given size, as the services
 * run them (scope binding, row-level security and all), signed in as {@code north} and as {@code exec}.
 * {@code scripts/bench-rfm.sh [LINES]} starts the portal on its own embedded PostgreSQL under
 * target/bench-rfm-LINES (loading the demo data and running the first refresh the first time).
 */
public final class RfmBenchmark {

    private static final int RUNS = 15;

    private RfmBenchmark() {
    }

    public static void main(String[] args) {
        long lines = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        try (ConfigurableApplicationContext context = SpringApplication.run(Consumer360Application.class,
                "--consumer360.data-dir=target/bench-rfm-" + lines, "--consumer360.demo-lines=" + lines,
                "--server.port=0", "--spring.quartz.auto-startup=false", "--logging.level.root=warn")) {
            interactions(context, lines);
        }
    }

    /** The timed interactions on a running portal; {@code scripts/bench-pages.sh} runs them with the other views'. */
    public static void interactions(ConfigurableApplicationContext context, long lines) {
        RfmService rfm = context.getBean(RfmService.class);
        UserDetailsService users = context.getBean(UserDetailsService.class);
        System.out.printf("rfm benchmark: %,d warehouse lines, median and max of %d calls each%n", lines, RUNS);
        for (String user : new String[] {"north", "exec"}) {
            SignedIn.as(users, user);
            RfmMatrix matrix = rfm.matrix(Set.of());
            RfmMatrix.Cell largest = matrix.cells().stream()
                    .max((a, b) -> Long.compare(a.customers(), b.customers())).orElseThrow();
            long customer = rfm.cellCustomers(largest.r(), largest.f(), Set.of(), CustomerOrder.BY_MONETARY, 0, 1)
                    .getFirst().customerId();
            System.out.printf("%s: %,d customers, largest cell R=%d F=%d with %,d%n", user, matrix.customers(),
                    largest.r(), largest.f(), largest.customers());
            time(user, "regions (filter list)", rfm::regions);
            time(user, "matrix", () -> rfm.matrix(Set.of()));
            time(user, "cell customers, first page of 50", () -> rfm.cellCustomers(largest.r(), largest.f(),
                    Set.of(), CustomerOrder.BY_MONETARY, 0, 50));
            time(user, "cell customers by recency, a deep page", () -> rfm.cellCustomers(largest.r(),
                    largest.f(), Set.of(), new CustomerOrder(CustomerOrder.Column.RECENCY, false), (int) Math.max(0, largest.customers() - 50), 50));
            time(user, "segments", () -> rfm.segments(Set.of()));
            time(user, "segment profile (At Risk)", () -> rfm.segmentProfile("At Risk", Set.of()));
            time(user, "segment customers, first page (At Risk)", () -> rfm.segmentCustomers("At Risk",
                    Set.of(), CustomerOrder.BY_MONETARY, 0, 50));
            time(user, "customer detail", () -> rfm.customer(customer));
            time(user, "segment profile (Champions)", () -> rfm.segmentProfile("Champions", Set.of()));
            time(user, "segment profile (Hibernating)", () -> rfm.segmentProfile("Hibernating", Set.of()));
            for (ExportFormat format : ExportFormat.values()) {
                time(user, format + " export of the largest cell", () -> {
                    rfm.exportCellCustomers(largest.r(), largest.f(), Set.of(), CustomerOrder.BY_MONETARY, format,
                            com.consumer360.support.MedianTimer.download());
                    return null;
                });
                time(user, format + " export of the segment table", () -> {
                    rfm.exportSegments(Set.of(), format, com.consumer360.support.MedianTimer.download());
                    return null;
                });
                time(user, format + " export of a profile (At Risk)", () -> {
                    rfm.exportSegmentProfile("At Risk", Set.of(), format, com.consumer360.support.MedianTimer.download());
                    return null;
                });
                time(user, format + " export of the customer's invoices", () -> {
                    rfm.exportCustomerInvoices(customer, format, com.consumer360.support.MedianTimer.download());
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
