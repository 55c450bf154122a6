package com.consumer360.analytics.clv;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times the BG/NBD plus Gamma-Gamma fit (summaries given) after warm-up: CDNOW's 2,357 customers and
 * 100,000 simulated ones. Run with scripts/bench-clv.sh; targets are 50 ms and 0.5 s.
 */
final class ClvBenchmark {

    private static final int WARM_UP = 10;
    private static final int MEASURED = 7;
    /** Wall time on shared cores includes other processes' turns; the thread's CPU time does not. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ClvBenchmark() {
    }

    public static void main(String[] args) {
        BgNbdModel bg = new BgNbdModel(0.25, 4.4, 0.8, 2.4);
        GammaGammaModel gg = new GammaGammaModel(6.25, 3.74, 15.44);
        BtydSimulation simulation = new BtydSimulation(42);
        time("CDNOW, 2,357 customers (weeks)", Cdnow.weekly().customers());
        // Ages of 26 to 39 weeks as in CDNOW; dates to the day, as real data have them.
        time("simulated, 100,000 customers, times to the day (weeks)",
                simulation.customers(100_000, bg, gg, 26, 39, 1.0 / 7));
        // Continuous times: no two customers share (x, t_x, T), the worst case for the grouping.
        time("simulated, 100,000 customers, continuous times (weeks)",
                simulation.customers(100_000, bg, gg, 26, 39, 0));
    }

    private static void time(String label, List<CustomerSummary> customers) {
        for (int i = 0; i < WARM_UP; i++) {
            BgNbdModel.fit(customers);
            GammaGammaModel.fit(customers);
        }
        double[] total = new double[MEASURED];
        double[] bgNbd = new double[MEASURED];
        double[] cpu = new double[MEASURED];
        BgNbdFit bg = null;
        GammaGammaFit gg = null;
        for (int i = 0; i < MEASURED; i++) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            bg = BgNbdModel.fit(customers);
            long middle = System.nanoTime();
            gg = GammaGammaModel.fit(customers);
            total[i] = (System.nanoTime() - start) / 1e6;
            bgNbd[i] = (middle - start) / 1e6;
            cpu[i] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        Arrays.sort(total);
        Arrays.sort(bgNbd);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%s%n  fit time: median %.1f ms (BG/NBD %.1f ms), min %.1f ms, max %.1f ms over %d runs after %d warm-up runs;"
                + " thread CPU median %.1f ms%n"
                + "  BG/NBD r=%.4f alpha=%.4f a=%.4f b=%.4f LL=%.2f; Gamma-Gamma p=%.3f q=%.3f v=%.3f on %d repeat buyers%n",
                label, total[MEASURED / 2], bgNbd[MEASURED / 2], total[0], total[MEASURED - 1], MEASURED, WARM_UP,
                cpu[MEASURED / 2],
                bg.model().r(), bg.model().alpha(), bg.model().a(), bg.model().b(), bg.logLikelihood(),
                gg.model().p(), gg.model().q(), gg.model().v(), gg.customers());
    }
}
