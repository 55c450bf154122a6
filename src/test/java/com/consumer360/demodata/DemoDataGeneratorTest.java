package com.consumer360.demodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo retailer is deterministic and carries the documented ground truth. */
class DemoDataGeneratorTest {

    private static final LocalDate END = LocalDate.of(2026, 10, 31);

    @Test
    void sameSeedGivesTheSameData() {
        assertThat(fingerprint(7, 20_000)).isEqualTo(fingerprint(7, 20_000));
        assertThat(fingerprint(7, 20_000)).isNotEqualTo(fingerprint(8, 20_000));
    }

    @Test
    void producesExactlyTheRequestedLinesWithinThePeriod() {
        Collector data = generate(42, 200_000);
        assertThat(data.lines).hasSize(200_000);
        LocalDate start = END.minusMonths(DemoDataGenerator.MONTHS).plusDays(1);
        assertThat(data.lines).allSatisfy(line -> assertThat(line.timestamp().toLocalDate()).isBetween(start, END));
        assertThat(data.lines.stream().map(DemoSink.Line::lineId).distinct().count()).isEqualTo(200_000);
    }

    @Test
    void carriesTheDocumentedShapes() {
        Collector data = generate(42, 300_000);
        // At least 20,000 customers per million lines.
        assertThat(data.customers.size()).isGreaterThanOrEqualTo(6_000);
        // Cancellations: about 2% of invoices (DemoParameters.cancellationRate), never more than 4%.
        Set<String> invoices = new HashSet<>();
        Set<String> cancelled = new HashSet<>();
        data.lines.forEach(l -> (l.cancellation() ? cancelled : invoices).add(l.invoiceNo()));
        double cancellationShare = (double) cancelled.size() / invoices.size();
        assertThat(cancellationShare).isBetween(0.01, 0.04);
        assertThat(data.lines).filteredOn(DemoSink.Line::cancellation)
                .allSatisfy(l -> assertThat(l.quantity()).isNegative());
        // Region shares follow DemoCatalog (North 25%, Central 15%) within two points.
        Map<Short, Integer> byRegion = new HashMap<>();
        data.customers.forEach(c -> byRegion.merge(c.regionId(), 1, Integer::sum));
        assertThat(byRegion.get((short) 1) / (double) data.customers.size()).isBetween(0.23, 0.27);
        assertThat(byRegion.get((short) 5) / (double) data.customers.size()).isBetween(0.13, 0.17);
        // Growth: the last twelve months sell more than the first twelve.
        LocalDate middle = END.minusMonths(12);
        long late = data.lines.stream().filter(l -> l.timestamp().toLocalDate().isAfter(middle)).count();
        assertThat(late).isGreaterThan(data.lines.size() - late);
    }

    @Test
    void plantedAffinitiesShowInTheBaskets() {
        DemoDataGenerator generator = new DemoDataGenerator(42, 300_000, END, DemoParameters.standard());
        Collector data = new Collector();
        generator.generate(data);
        Map<String, Set<Integer>> baskets = new HashMap<>();
        data.lines.stream().filter(l -> !l.cancellation())
                .forEach(l -> baskets.computeIfAbsent(l.invoiceNo(), k -> new HashSet<>()).add(l.productId()));
        int[] pair = generator.catalog().affinities()[0];
        long withAntecedent = baskets.values().stream().filter(b -> b.contains(pair[0])).count();
        long withBoth = baskets.values().stream().filter(b -> b.contains(pair[0]) && b.contains(pair[1])).count();
        // Planted: the consequent joins with probability 0.55, on top of its own popularity.
        assertThat((double) withBoth / withAntecedent).isGreaterThan(0.5);
    }

    private static List<Object> fingerprint(long seed, long lines) {
        Collector data = generate(seed, lines);
        return List.of(data.customers.size(), data.lines.getLast(), data.lines.get((int) lines / 2),
                data.customers.getLast());
    }

    private static Collector generate(long seed, long lines) {
        Collector collector = new Collector();
        new DemoDataGenerator(seed, lines, END, DemoParameters.standard()).generate(collector);
        return collector;
    }

    private static final class Collector implements DemoSink {
        final List<Customer> customers = new ArrayList<>();
        final List<Line> lines = new ArrayList<>();

        @Override
        public void customer(Customer customer) {
            customers.add(customer);
        }

        @Override
        public void line(Line line) {
            lines.add(line);
        }
    }
}
