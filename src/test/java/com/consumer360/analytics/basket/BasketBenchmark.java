package com.consumer360.analytics.basket;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/** Times the miner in process after warm-up; run it with scripts/bench-basket.sh. */
final class BasketBenchmark {

    private static final int WARM_UP = 30;
    private static final int MEASURED = 30;
    /** The miner is single-threaded: its thread's CPU time is what it costs even when other work shares the cores. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private BasketBenchmark() {
    }

    public static void main(String[] args) {
        Baskets groceries = Groceries.load();
        time("Groceries (9,835 baskets), support 0.001, confidence 0.5, max length 10", () -> describe(
                new BasketMiner(MiningParameters.of(0.001, 0.5, 10)).rules(groceries)));
        Baskets retail = SyntheticRetail.generate(1);
        time("Synthetic Online Retail (20,000 invoices, 4,000 products), support 0.01, confidence 0.5, max length 4",
                () -> describe(new BasketMiner(MiningParameters.of(0.01, 0.5, 4)).rules(retail)));
    }

    private static String describe(BasketRules result) {
        return String.format("%,d frequent itemsets, %,d rules", result.frequentItemsets(), result.rules().size());
    }

    private static void time(String name, Supplier<String> run) {
        long first = System.nanoTime();
        String outcome = run.get();
        double coldSeconds = (System.nanoTime() - first) / 1e9;
        for (int i = 1; i < WARM_UP; i++) {
            run.get();
        }
        double[] seconds = new double[MEASURED];
        double[] cpuSeconds = new double[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            run.get();
            seconds[i] = (System.nanoTime() - start) / 1e9;
            cpuSeconds[i] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        }
        Arrays.sort(seconds);
        Arrays.sort(cpuSeconds);
        System.out.printf("%s%n  %s%n  first run %.3f s; after %d warm-up runs, %d runs: median %.4f s, "
                + "min %.4f s, max %.4f s; median CPU time of the mining thread %.4f s%n", name, outcome,
                coldSeconds, WARM_UP, MEASURED, seconds[MEASURED / 2], seconds[0], seconds[MEASURED - 1],
                cpuSeconds[MEASURED / 2]);
    }
}
