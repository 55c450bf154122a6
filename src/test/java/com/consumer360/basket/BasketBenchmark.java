package com.consumer360.basket;

import com.consumer360.support.SignedIn;
import com.consumer360.Consumer360Application;
import com.consumer360.export.ExportFormat;
import com.consumer360.support.MedianTimer;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Not a test: server time of each basket page interaction on a demo warehouse of a given size, as the service runs
 * them (scope binding, row-level security and all), signed in as {@code north} and as {@code exec}; median and
 * 95th percentile of {@value #RUNS} calls after one warm-up. {@code scripts/bench-basket-view.sh [LINES] [DATA_DIR]
 * [MIN_SUPPORT MIN_CONFIDENCE]} starts the portal on its own embedded PostgreSQL (loading the demo data and running the first refresh the first
 * time). An interaction is the set of service calls the page makes for it.
 */
public final class BasketBenchmark {

    private static final int RUNS = 21;

    private BasketBenchmark() {
    }

    public static void main(String[] args) {
        long lines = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        String dataDir = args.length > 1 ? args[1] : "target/bench-rfm-" + lines;
        // Optional thresholds (with a data directory of their own): the first refresh there mines with them.
        String support = args.length > 2 ? args[2] : "0.002";
        String confidence = args.length > 3 ? args[3] : "0.2";
        try (ConfigurableApplicationContext context = SpringApplication.run(Consumer360Application.class,
                "--consumer360.data-dir=" + dataDir, "--consumer360.demo-lines=" + lines,
                "--consumer360.refresh.min-support=" + support, "--consumer360.refresh.min-confidence=" + confidence,
                "--server.port=0", "--spring.quartz.auto-startup=false", "--logging.level.root=warn")) {
            interactions(context, lines);
        }
    }

    /** The timed interactions on a running portal; {@code scripts/bench-pages.sh} runs them with the other views'. */
    public static void interactions(ConfigurableApplicationContext context, long lines) {
        BasketService basket = context.getBean(BasketService.class);
        UserDetailsService users = context.getBean(UserDetailsService.class);
        System.out.printf("basket view benchmark: %,d warehouse lines, median and p95 of %d calls each%n", lines,
                RUNS);
        // One untimed round for both users first, so that neither user's figures include the JIT's warm-up.
        for (boolean timed : new boolean[] {false, true}) {
            run(basket, users, timed);
        }
    }

    private static void run(BasketService basket, UserDetailsService users, boolean timed) {
        for (String user : new String[] {"north", "exec"}) {
            SignedIn.as(users, user);
            short set = basket.ruleSets().getFirst().regionId();
            RuleSetInfo info = basket.ruleSet(set).orElseThrow();
            BasketRule top = basket.rules(RuleFilter.all(set), RuleOrder.BY_RANK, 0, 1).getFirst();
            String product = top.consequent();
            RuleFilter all = RuleFilter.all(set);
            RuleFilter filtered = new RuleFilter(set, info.minSupport() * 2, 0.3, 2.0, null);
            RuleFilter withProduct = all.withProduct(product);
            if (timed) {
                System.out.printf("%s: rule set %s, %,d baskets, %,d rules%n", user, info.set().name(),
                        info.baskets(), info.rules());
            }
            Timer time = timed ? BasketBenchmark::time : (who, what, call) -> {
                for (int i = 0; i < 5; i++) {
                    call.get();
                }
            };
            time.time(user, "open (sets, facts, count, first page, points)", () -> open(basket, all));
            time.time(user, "filter support/confidence/lift", () -> show(basket, filtered));
            time.time(user, "filter by product", () -> show(basket, withProduct));
            time.time(user, "sort by conviction, a deep page", () -> basket.rules(all,
                    new RuleOrder(RuleOrder.Column.CONVICTION, true), (int) Math.max(0, info.rules() - 50), 50));
            time.time(user, "rule click (rule by rank)", () -> basket.rule(set, (int) Math.max(1, info.rules() / 2)));
            time.time(user, "product search (first 50 of 'a')", () -> List.of(basket.productCount(set, "a"),
                    basket.products(set, "a", 0, 50)));
            time.time(user, "bought together", () -> basket.boughtTogether(set, top.antecedentItems().getFirst(), 10));
            for (ExportFormat format : ExportFormat.values()) {
                time.time(user, format + " export of all rules", () -> {
                    basket.exportRules(all, RuleOrder.BY_RANK, format, com.consumer360.support.MedianTimer.download());
                    return null;
                });
            }
            SecurityContextHolder.clearContext();
        }
    }

    /** Runs an interaction: timed and printed, or only to warm up. */
    @FunctionalInterface
    private interface Timer {
        void time(String user, String what, Supplier<?> call);
    }

    private static Object open(BasketService basket, RuleFilter filter) {
        basket.ruleSets();
        return show(basket, filter);
    }

    /** What the page calls when the filter changes: check, count, first page, scatter points. */
    private static Object show(BasketService basket, RuleFilter filter) {
        basket.validate(filter);
        basket.count(filter);
        basket.rules(filter, RuleOrder.BY_RANK, 0, 50);
        return basket.points(filter);
    }

    private static void time(String user, String what, Supplier<?> call) {
        MedianTimer.time(user, what, RUNS, call);
    }
}
