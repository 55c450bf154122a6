package com.consumer360.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The comparison's arithmetic where PostgreSQL's semantics are easy to get wrong: {@code percentile_cont(0.5)}
 * for odd and even counts, {@code width_bucket} at a threshold, monetary bounds between cents, and the column
 * cache dropping an older snapshot's regions. The figures against SQL on the demo warehouse are in
 * {@code BehaviourServiceTest}.
 */
class ComparisonsTest {

    @Test
    void theMedianIsTheMiddleValueOrHalfwayBetweenTheTwoMiddleOnes() {
        CustomerColumns part = part((short) 1, new int[] {10, 40, 20, 30}, new long[] {100, 400, 200, 301});
        GroupComparison c = Comparisons.compare(LocalDate.of(2026, 1, 1), List.of(part), BehaviourFilter.ALL,
                GroupRule.EVERYONE, new GroupRule(Set.of(), 15, null, null, null, null, null, null));
        assertThat(c.a().medianRecencyDays()).isEqualTo(25.0);
        // Halfway between 2.00 and 3.01 is 2.505, to the cent half to even as the SQL reading rounded it.
        assertThat(c.a().medianMonetary()).isEqualByComparingTo("2.50");
        assertThat(c.a().meanMonetary()).isEqualByComparingTo("2.50");
        assertThat(c.b().customers()).isEqualTo(3);
        assertThat(c.b().medianRecencyDays()).isEqualTo(30.0);
        assertThat(c.b().medianMonetary()).isEqualByComparingTo("3.01");
        assertThat(c.inBoth()).isEqualTo(3);
        assertThat(c.revenueShown()).isEqualByComparingTo("10.01");
    }

    @Test
    void aValueOnAThresholdFallsInTheBinItOpensAsWidthBucketDoes() {
        long[] thresholds = {2, 3, 5};
        assertThat(Comparisons.bucket(1, thresholds)).isZero();
        assertThat(Comparisons.bucket(2, thresholds)).isEqualTo(1);
        assertThat(Comparisons.bucket(4, thresholds)).isEqualTo(2);
        assertThat(Comparisons.bucket(5, thresholds)).isEqualTo(3);
        assertThat(Comparisons.bucket(500, thresholds)).isEqualTo(3);
    }

    @Test
    void monetaryBoundsBetweenCentsKeepTheirMeaning() {
        CustomerColumns part = part((short) 1, new int[] {1, 1, 1}, new long[] {1000, 1001, 1002});
        GroupRule atLeast = new GroupRule(Set.of(), null, null, null, null, new BigDecimal("10.005"), null, null);
        GroupRule atMost = new GroupRule(Set.of(), null, null, null, null, null, new BigDecimal("10.015"), null);
        GroupComparison c = Comparisons.compare(LocalDate.of(2026, 1, 1), List.of(part), BehaviourFilter.ALL, atLeast,
                atMost);
        assertThat(c.a().customers()).as("≥ 10.005: 10.01 and 10.02").isEqualTo(2);
        assertThat(c.b().customers()).as("≤ 10.015: 10.00 and 10.01").isEqualTo(2);
    }

    @Test
    void theCacheKeepsTheNewestSnapshotOnly() {
        ColumnCache cache = new ColumnCache();
        int[] loads = {0};
        java.util.function.Function<Set<Short>, java.util.Map<Short, CustomerColumns>> load = regions -> {
            java.util.Map<Short, CustomerColumns> read = new java.util.TreeMap<>();
            regions.forEach(region -> read.put(region, part(region, new int[] {1}, new long[] {1})));
            loads[0] += regions.size();
            return read;
        };
        cache.get(7, List.of((short) 1, (short) 2), load);
        cache.get(7, List.of((short) 2), load);
        assertThat(loads[0]).isEqualTo(2);
        cache.get(8, List.of((short) 1), load);
        assertThat(cache.regions(7)).as("older snapshot dropped").isEmpty();
        assertThat(cache.regions(8)).containsExactly((short) 1);
        cache.get(7, List.of((short) 3), load);
        assertThat(cache.regions(7)).as("an older snapshot is read, not kept").isEmpty();
        assertThat(loads[0]).isEqualTo(4);
    }

    private static CustomerColumns part(short region, int[] recency, long[] cents) {
        CustomerColumns.Builder builder = new CustomerColumns.Builder(region);
        for (int i = 0; i < recency.length; i++) {
            builder.add(recency[i], 1, cents[i], (short) 3, "Champions", null);
        }
        return builder.build();
    }
}
