package com.consumer360.demodata;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.random.RandomDataGenerator;

/**
 * A seeded, deterministic generator of a believable retailer (docs/demo-data.md): customers acquired with
 * growth and seasonality, purchasing by the BG/NBD process of {@link DemoParameters}, baskets with popular
 * products and planted affinities, larger baskets in November and December, and some cancelled invoices.
 * The same seed, size and end date always give the same data.
 */
public final class DemoDataGenerator {

    private static final String[] FIRST = {"Anna", "Ben", "Clara", "David", "Eva", "Felix", "Greta", "Hugo",
        "Ines", "Jonas", "Karin", "Luca", "Maja", "Nils", "Olga", "Pavel", "Rosa", "Sven", "Tomas", "Ulla"};
    private static final String[] LAST = {"Berg", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Horvat",
        "Jensen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Olsen", "Peeters", "Rossi", "Schmidt", "Visser"};
    static final int MONTHS = 25;

    private final long seed;
    private final long targetLines;
    private final LocalDate endDate;
    private final DemoParameters parameters;
    private final DemoCatalog catalog;
    private final Map<Integer, Integer> affinity = new HashMap<>();

    /** Generates {@code targetLines} sales lines ending on {@code endDate} (inclusive). */
    public DemoDataGenerator(long seed, long targetLines, LocalDate endDate, DemoParameters parameters) {
        this.seed = seed;
        this.targetLines = targetLines;
        this.endDate = endDate;
        this.parameters = parameters;
        this.catalog = new DemoCatalog(seed, parameters);
        for (int[] pair : catalog.affinities()) {
            affinity.put(pair[0], pair[1]);
        }
    }

    /** Regions, products and planted affinities. */
    public DemoCatalog catalog() {
        return catalog;
    }

    /** First day of the generated period. */
    public LocalDate startDate() {
        return endDate.minusMonths(MONTHS).plusDays(1);
    }

    /** Streams the whole data set into {@code sink}; returns the number of lines written. */
    public long generate(DemoSink sink) {
        RandomDataGenerator random = new RandomDataGenerator(seed);
        LocalDate start = startDate();
        int days = (int) ChronoUnit.DAYS.between(start, endDate) + 1;
        Counters counters = new Counters();
        InvoiceWriter invoices = new InvoiceWriter(random, parameters, catalog, affinity, counters, targetLines);
        for (long index = 0; counters.lines < targetLines; index++) {
            List<Double> purchaseDays = new PurchaseProcess(random, parameters).simulate(acquisitionDay(random, start, days), days);
            DemoCatalog.Region region = pickRegion(random.nextDouble());
            long customerId = 10_001 + index;
            LocalDate first = start.plusDays(purchaseDays.get(0).longValue());
            sink.customer(new DemoSink.Customer(customerId, "CU" + customerId,
                    FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)],
                    region.id(), region.countries().get(random.nextInt(region.countries().size())), first));
            double spendFactor = random.nextGamma(3.0, 1.0 / 3.0);
            for (double day : purchaseDays) {
                if (counters.lines >= targetLines) {
                    break;
                }
                LocalDateTime timestamp = start.atStartOfDay().plusMinutes((long) (day * 24 * 60))
                        .withHour(8 + random.nextInt(11));
                invoices.write(sink, customerId, region.id(), timestamp, spendFactor, endDate);
            }
        }
        return counters.lines;
    }

    /** Acquisition grows over the period and peaks before Christmas (rejection sampling). */
    private double acquisitionDay(RandomDataGenerator random, LocalDate start, int days) {
        double maxWeight = (1 + parameters.acquisitionGrowth()) * 1.5;
        while (true) {
            double day = random.nextDouble() * days;
            int month = start.plusDays((long) day).getMonthValue();
            double weight = (1 + parameters.acquisitionGrowth() * day / days) * (month >= 11 ? 1.5 : 1.0);
            if (random.nextDouble() * maxWeight <= weight) {
                return day;
            }
        }
    }

    private static DemoCatalog.Region pickRegion(double u) {
        double cumulative = 0;
        for (DemoCatalog.Region region : DemoCatalog.REGIONS) {
            cumulative += region.customerShare();
            if (u < cumulative) {
                return region;
            }
        }
        return DemoCatalog.REGIONS.getLast();
    }

    /** Running counters shared by the invoices of one generation run. */
    static final class Counters {
        long lines;
        long invoices = 536_000;
    }
}
