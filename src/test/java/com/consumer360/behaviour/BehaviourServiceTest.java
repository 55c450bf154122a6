package com.consumer360.behaviour;

import static com.consumer360.support.TestDatabase.connectAs;
import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.consumer360.export.ExportFormat;
import com.consumer360.warehouse.CellCustomer;
import com.consumer360.warehouse.CustomerOrder;
import com.consumer360.warehouse.RegionOption;
import com.consumer360.support.PortalIntegration;
import com.consumer360.support.Spreadsheets;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The behaviour map, the group comparison and their exports answer from the current snapshot and only within the
 * caller's regions. Every expected figure is computed independently in SQL as the superuser, whom row-level
 * security does not filter; bins are written out as explicit ranges rather than with width_bucket.
 */
@PortalIntegration
class BehaviourServiceTest {

    private static final String CURRENT = "(SELECT snapshot_id FROM snapshot WHERE is_current)";
    private static final String KEY = "mod(customer_id * 2654435761, 4294967296)";
    private static final short NORTH = 1;
    private static final short SOUTH = 2;
    private static final String LAPSED_SQL = "recency_days >= 181 AND frequency >= 4";
    private static final String BIG_RARE_SQL = "frequency <= 2 AND m_score >= 5";

    @Autowired
    BehaviourService behaviour;

    @Autowired
    BehaviourQueries queries;

    /**
     * The map's sample is the same whether it is read in key order from the sample index (V48) or by sorting the
     * filtered customers (a narrow filter), for several filters, as north (whose South filter holds no one) and as exec;
     * both equal the first customers by sampling key in SQL.
     */
    @Test
    @WithUserDetails("north")
    void northsSampleIsTheSameReadEitherWay() throws SQLException {
        assertSampleTheSameEitherWay(NORTH_SQL);
    }

    @Test
    @WithUserDetails("exec")
    void executivesSampleIsTheSameReadEitherWay() throws SQLException {
        assertSampleTheSameEitherWay("");
    }

    private static final String NORTH_SQL = " AND region_id = 1";

    private void assertSampleTheSameEitherWay(String scope) throws SQLException {
        BehaviourQueries.Snapshot snapshot = queries.current().orElseThrow();
        for (BehaviourFilter filter : List.of(BehaviourFilter.ALL, BehaviourFilter.ALL.inRegions(Set.of(SOUTH)),
                new BehaviourFilter(Set.of("At Risk", "Hibernating"), 91, 730, Set.of()))) {
            for (int cap : new int[] {25, 100_000}) {
                List<Long> inKeyOrder = queries.sample(snapshot.id(), filter, cap, true).stream()
                        .map(BehaviourMap.Point::customerId).toList();
                List<Long> sorted = queries.sample(snapshot.id(), filter, cap, false).stream()
                        .map(BehaviourMap.Point::customerId).toList();
                String where = "monetary > 0" + scope
                        + (filter.regions().isEmpty() ? "" : " AND region_id = " + SOUTH)
                        + (filter.segments().isEmpty() ? "" : " AND segment IN ('At Risk', 'Hibernating') "
                        + "AND recency_days BETWEEN 91 AND 730");
                assertThat(inKeyOrder).as("%s, cap %d", filter, cap).isEqualTo(sorted)
                        .isEqualTo(ids(where + " ORDER BY " + KEY + " LIMIT " + cap));
            }
        }
        assertThat(BehaviourQueries.keyOrder(snapshot, 0, 3_000)).as("no one to plot").isFalse();
        assertThat(BehaviourQueries.keyOrder(snapshot, snapshot.customers(), 3_000)).isTrue();
    }

    @Test
    void refusesAnonymousCallers() {
        assertThatThrownBy(() -> behaviour.map(BehaviourFilter.ALL))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> behaviour.compare(BehaviourFilter.ALL, GroupRule.EVERYONE, GroupRule.EVERYONE))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> behaviour.exportMap(BehaviourFilter.ALL, ExportFormat.CSV, new ByteArrayOutputStream()))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    @WithUserDetails("north")
    void northsMapHoldsExactlyNorthsCustomers() throws SQLException {
        BehaviourMap map = behaviour.map(BehaviourFilter.ALL);
        assertThat(map.customers()).isEqualTo(count("region_id = 1")).isPositive();
        assertThat(map.notPlotted()).isEqualTo(count("region_id = 1 AND monetary <= 0"));
        assertThat(map.points()).extracting(BehaviourMap.Point::customerId).containsExactlyElementsOf(
                ids("region_id = 1 AND monetary > 0 ORDER BY " + KEY + " LIMIT " + BehaviourService.POINT_CAP));
        assertThat(map.sampled()).isEqualTo(map.plottable() > BehaviourService.POINT_CAP);
        assertThat(behaviour.regions()).containsExactly(new RegionOption(NORTH, "North"));
    }

    @Test
    @WithUserDetails("north")
    void aRegionFilterCannotWidenNorthsScope() {
        BehaviourFilter south = BehaviourFilter.ALL.inRegions(Set.of(SOUTH));
        assertThat(behaviour.map(south).customers()).isZero();
        assertThat(behaviour.map(south).points()).isEmpty();
        GroupComparison comparison = behaviour.compare(south, GroupRule.EVERYONE, GroupRule.EVERYONE);
        assertThat(comparison.customersShown()).isZero();
        assertThat(comparison.a().customers()).isZero();
        assertThat(behaviour.groupCustomers(south, GroupRule.EVERYONE, CustomerOrder.BY_MONETARY, 0, 100)).isEmpty();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        behaviour.exportGroupCustomers(south, GroupRule.EVERYONE, CustomerOrder.BY_MONETARY, ExportFormat.CSV, out);
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
    }

    @Test
    @WithUserDetails("exec")
    void executivesMapIsASampleOfAllRegionsAndTheFilterNarrowsIt() throws SQLException {
        BehaviourMap all = behaviour.map(BehaviourFilter.ALL);
        assertThat(all.customers()).isEqualTo(count("true"));
        assertThat(all.plottable()).as("the test data needs more customers than the cap")
                .isGreaterThan(BehaviourService.POINT_CAP);
        assertThat(all.sampled()).isTrue();
        assertThat(all.points()).hasSize(BehaviourService.POINT_CAP);
        assertThat(all.points()).extracting(BehaviourMap.Point::customerId).containsExactlyElementsOf(
                ids("monetary > 0 ORDER BY " + KEY + " LIMIT " + BehaviourService.POINT_CAP));
        assertThat(behaviour.regions()).extracting(RegionOption::name)
                .containsExactly("North", "South", "East", "West", "Central");

        BehaviourMap south = behaviour.map(BehaviourFilter.ALL.inRegions(Set.of(SOUTH)));
        assertThat(south.customers()).isEqualTo(count("region_id = 2")).isPositive();
        assertThat(south.points()).extracting(BehaviourMap.Point::customerId)
                .containsExactlyElementsOf(ids("region_id = 2 AND monetary > 0 ORDER BY " + KEY + " LIMIT 3000"));
        // Narrowing keeps every sampled customer that still matches: the sample is stable.
        Set<Long> sampledSouth = all.points().stream().map(BehaviourMap.Point::customerId)
                .filter(new HashSet<>(ids("region_id = 2"))::contains).collect(Collectors.toSet());
        assertThat(south.points().stream().map(BehaviourMap.Point::customerId).toList()).containsAll(sampledSouth);
        assertThat(behaviour.map(BehaviourFilter.ALL)).as("the same sample on every call").isEqualTo(all);
    }

    @Test
    @WithUserDetails("csops")
    void customerServiceOperationsSeesEveryRegionLikeTheOtherRfmViews() throws SQLException {
        assertThat(behaviour.map(BehaviourFilter.ALL).customers()).isEqualTo(count("true"));
        assertThat(behaviour.compare(BehaviourFilter.ALL, GroupRule.EVERYONE, GroupRule.FREQUENT_BUT_LAPSED)
                .b().customers()).isEqualTo(count(LAPSED_SQL));
    }

    @Test
    @WithUserDetails("north")
    void segmentAndRecencyFiltersSelectTheMatchingCustomers() throws SQLException {
        BehaviourFilter filter = new BehaviourFilter(Set.of("At Risk", "Can't Lose Them", "Hibernating"), 90, 400,
                Set.of());
        BehaviourMap map = behaviour.map(filter);
        String where = "region_id = 1 AND segment IN ('At Risk', 'Can''t Lose Them', 'Hibernating') "
                + "AND recency_days BETWEEN 90 AND 400";
        assertThat(map.customers()).isEqualTo(count(where)).isPositive();
        assertThat(map.points()).allSatisfy(p -> {
            assertThat(p.recencyDays()).isBetween(90, 400);
            assertThat(p.segment()).isIn("At Risk", "Can't Lose Them", "Hibernating");
        });
        assertThat(map.points()).extracting(BehaviourMap.Point::customerId)
                .containsExactlyElementsOf(ids(where + " AND monetary > 0 ORDER BY " + KEY + " LIMIT 3000"));
    }

    @Test
    @WithUserDetails("north")
    void northsComparisonMatchesAnIndependentComputationOverNorthOnly() throws SQLException {
        GroupComparison c = behaviour.compare(BehaviourFilter.ALL, GroupRule.FREQUENT_BUT_LAPSED,
                GroupRule.BIG_SPENDERS_RARE_VISITS);
        assertThat(c.customersShown()).isEqualTo(count("region_id = 1"));
        assertThat(cents(c.revenueShown())).isEqualTo(superuserLong("SELECT round(sum(monetary) * 100) FROM "
                + "snap_customer WHERE snapshot_id = " + CURRENT + " AND region_id = 1"));
        assertGroup(c.a(), "region_id = 1 AND " + LAPSED_SQL, c.revenueShown());
        assertGroup(c.b(), "region_id = 1 AND " + BIG_RARE_SQL, c.revenueShown());
        assertThat(c.a().customers()).as("the demo data has frequent but lapsed customers in North").isPositive();
        assertThat(c.b().customers()).as("and big spenders who rarely buy").isPositive();
        assertThat(c.inBoth()).isEqualTo(count("region_id = 1 AND " + LAPSED_SQL + " AND " + BIG_RARE_SQL));
        assertHistograms(c, "region_id = 1");
    }

    @Test
    @WithUserDetails("exec")
    void executivesComparisonWithinARegionFilterAndSegmentsMatchesSql() throws SQLException {
        BehaviourFilter filter = new BehaviourFilter(Set.of(), null, 500, Set.of(SOUTH, (short) 4));
        GroupRule champions = new GroupRule(Set.of("Champions"), null, null, null, null, null, null, null);
        GroupRule midSpend = new GroupRule(Set.of(), 30, 200, 2, 6, new BigDecimal("100.00"),
                new BigDecimal("2000.00"), null);
        GroupComparison c = behaviour.compare(filter, champions, midSpend);
        String shown = "region_id IN (2, 4) AND recency_days <= 500";
        assertThat(c.customersShown()).isEqualTo(count(shown)).isPositive();
        assertGroup(c.a(), shown + " AND segment = 'Champions'", c.revenueShown());
        assertGroup(c.b(), shown + " AND recency_days BETWEEN 30 AND 200 AND frequency BETWEEN 2 AND 6 "
                + "AND monetary BETWEEN 100 AND 2000", c.revenueShown());
        assertHistograms(c, shown);
    }

    @Test
    @WithUserDetails("north")
    void northsExportsHoldOnlyNorthsCustomers() throws SQLException {
        ByteArrayOutputStream groupCsv = new ByteArrayOutputStream();
        behaviour.exportGroupCustomers(BehaviourFilter.ALL, GroupRule.FREQUENT_BUT_LAPSED, CustomerOrder.BY_MONETARY,
                ExportFormat.CSV, groupCsv);
        List<String> lines = groupCsv.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst()).isEqualTo("customer_id,name,region,recency_days,frequency,monetary,segment,clv");
        assertThat(firstColumn(lines)).isEqualTo(new HashSet<>(ids("region_id = 1 AND " + LAPSED_SQL)));
        assertThat(lines.stream().skip(1)).allSatisfy(line -> assertThat(line).contains(",North,"));

        List<CellCustomer> page = behaviour.groupCustomers(BehaviourFilter.ALL, GroupRule.FREQUENT_BUT_LAPSED,
                new CustomerOrder(CustomerOrder.Column.RECENCY, false), 0, 100_000);
        assertThat(page).extracting(CellCustomer::customerId).containsExactlyInAnyOrderElementsOf(
                ids("region_id = 1 AND " + LAPSED_SQL));
        assertThat(page).extracting(CellCustomer::recencyDays).isSorted();

        ByteArrayOutputStream mapCsv = new ByteArrayOutputStream();
        behaviour.exportMap(BehaviourFilter.ALL, ExportFormat.CSV, mapCsv);
        List<String> mapLines = mapCsv.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(mapLines.getFirst()).startsWith("customer_id,name,region,recency_days,recency_band,");
        assertThat(mapLines.stream().skip(1).map(l -> Long.parseLong(l.substring(0, l.indexOf(',')))).toList())
                .containsExactlyElementsOf(behaviour.map(BehaviourFilter.ALL).points().stream()
                        .map(BehaviourMap.Point::customerId).toList());
        assertThat(firstColumn(mapLines)).isSubsetOf(new HashSet<>(ids("region_id = 1")));

        ByteArrayOutputStream comparisonCsv = new ByteArrayOutputStream();
        behaviour.exportComparison(BehaviourFilter.ALL, GroupRule.FREQUENT_BUT_LAPSED,
                GroupRule.BIG_SPENDERS_RARE_VISITS, ExportFormat.CSV, comparisonCsv);
        List<String> rows = comparisonCsv.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(rows.getFirst()).isEqualTo("section,item,group_a,group_b");
        assertThat(rows.get(1)).isEqualTo("rule,A: recency ≥ 181 days and F ≥ 4,,");
        assertThat(rows).contains("summary,customers," + count("region_id = 1 AND " + LAPSED_SQL) + ","
                + count("region_id = 1 AND " + BIG_RARE_SQL));
        assertThat(rows).contains("summary,customers_shown," + count("region_id = 1") + "," + count("region_id = 1"));
        long binned = rows.stream().filter(r -> r.startsWith("frequency,"))
                .mapToLong(r -> Long.parseLong(r.split(",")[2])).sum();
        assertThat(binned).isEqualTo(count("region_id = 1 AND " + LAPSED_SQL));
    }

    @Test
    @WithUserDetails("north")
    void northsXlsxExportsHoldTheSameNorthOnlyRowsAsTheCsv() throws Exception {
        ByteArrayOutputStream group = new ByteArrayOutputStream();
        behaviour.exportGroupCustomers(BehaviourFilter.ALL, GroupRule.FREQUENT_BUT_LAPSED, CustomerOrder.BY_MONETARY,
                ExportFormat.XLSX, group);
        List<List<Object>> rows = Spreadsheets.rows(group.toByteArray());
        assertThat(rows.getFirst()).containsExactly("customer_id", "name", "region", "recency_days", "frequency",
                "monetary", "segment", "clv");
        assertThat(rows.stream().skip(1).map(r -> ((Double) r.get(0)).longValue()).toList())
                .containsExactlyInAnyOrderElementsOf(ids("region_id = 1 AND " + LAPSED_SQL));
        assertThat(rows.stream().skip(1).map(r -> r.get(2))).containsOnly("North");
        assertThat(rows.stream().skip(1).mapToDouble(r -> (Double) r.get(5)).sum() * 100).isCloseTo(
                superuserLong("SELECT round(sum(monetary) * 100) FROM snap_customer WHERE snapshot_id = " + CURRENT
                        + " AND region_id = 1 AND " + LAPSED_SQL), within(1.0));

        ByteArrayOutputStream map = new ByteArrayOutputStream();
        behaviour.exportMap(BehaviourFilter.ALL, ExportFormat.XLSX, map);
        List<List<Object>> points = Spreadsheets.rows(map.toByteArray());
        assertThat(points.stream().skip(1).map(r -> ((Double) r.get(0)).longValue()).toList())
                .containsExactlyElementsOf(behaviour.map(BehaviourFilter.ALL).points().stream()
                        .map(BehaviourMap.Point::customerId).toList());
        assertThat(points.stream().skip(1).map(r -> r.get(2))).containsOnly("North");

        ByteArrayOutputStream comparison = new ByteArrayOutputStream();
        behaviour.exportComparison(BehaviourFilter.ALL, GroupRule.FREQUENT_BUT_LAPSED,
                GroupRule.BIG_SPENDERS_RARE_VISITS, ExportFormat.XLSX, comparison);
        List<List<Object>> table = Spreadsheets.rows(comparison.toByteArray());
        assertThat(table).anySatisfy(r -> assertThat(r).containsExactly("summary", "customers",
                (double) count("region_id = 1 AND " + LAPSED_SQL), (double) count("region_id = 1 AND " + BIG_RARE_SQL)));
    }

    @Test
    void badRangesAndUnknownSegmentsAreRefusedWithAClearMessageBeforeAnyQuery() {
        assertThatThrownBy(() -> new BehaviourFilter(Set.of(), 200, 100, Set.of()))
                .isInstanceOf(InvalidSelectionException.class)
                .hasMessage("Recency (days): the minimum (200) is larger than the maximum (100).");
        assertThatThrownBy(() -> new BehaviourFilter(Set.of(), -1, null, Set.of()))
                .isInstanceOf(InvalidSelectionException.class)
                .hasMessage("Recency (days) cannot be negative (got -1).");
        assertThatThrownBy(() -> new BehaviourFilter(Set.of("Champions'); DROP TABLE snap_customer; --"), null, null,
                Set.of())).isInstanceOf(InvalidSelectionException.class)
                .hasMessageStartingWith("Unknown segment: \"Champions'); DROP TABLE snap_customer");
        assertThatThrownBy(() -> new BehaviourFilter(Set.of("champions"), null, null, Set.of()))
                .isInstanceOf(InvalidSelectionException.class).hasMessageContaining("Unknown segment");
        assertThatThrownBy(() -> new GroupRule(Set.of(), null, null, 5, 2, null, null, null))
                .hasMessage("Frequency: the minimum (5) is larger than the maximum (2).");
        assertThatThrownBy(() -> new GroupRule(Set.of(), null, null, null, null, new BigDecimal("10"),
                new BigDecimal("-5"), null)).hasMessage("Monetary: the minimum (10) is larger than the maximum (-5).");
        assertThatThrownBy(() -> new GroupRule(Set.of(), null, null, null, null, null, null, 6))
                .hasMessage("M score must be between 1 and 5 (got 6).");
        assertThatThrownBy(() -> new GroupRule(Set.of("Lost\u0000"), null, null, null, null, null, null, null))
                .isInstanceOf(InvalidSelectionException.class).hasMessageContaining("Unknown segment: \"Lost?\"");
    }

    @Test
    @WithUserDetails("north")
    void theMapIsFastEnoughToTimeAndStillRunsAfterARefusedFilter() {
        assertThatThrownBy(() -> new BehaviourFilter(Set.of(), 10, 5, Set.of()))
                .isInstanceOf(InvalidSelectionException.class);
        // The service is still usable within the same security context: nothing half-ran.
        assertThat(behaviour.map(BehaviourFilter.ALL).customers()).isPositive();
    }

    private void assertGroup(GroupComparison.Group group, String where, BigDecimal revenueShown) throws SQLException {
        assertThat(group.customers()).as(where).isEqualTo(count(where));
        long cents = superuserLong("SELECT coalesce(round(sum(monetary) * 100), 0) FROM snap_customer WHERE "
                + "snapshot_id = " + CURRENT + " AND " + where);
        assertThat(cents(group.revenue())).as(where).isEqualTo(cents);
        assertThat(group.revenueShare()).isCloseTo(cents / 100.0 / revenueShown.doubleValue(), within(1e-9));
        if (group.customers() == 0) {
            assertThat(group.meanRecencyDays()).isNull();
            return;
        }
        assertThat(group.meanRecencyDays()).isCloseTo(superuserDouble("avg(recency_days)", where), within(1e-6));
        assertThat(group.medianRecencyDays()).isCloseTo(superuserDouble(
                "percentile_cont(0.5) WITHIN GROUP (ORDER BY recency_days)", where), within(1e-6));
        assertThat(group.meanFrequency()).isCloseTo(superuserDouble("avg(frequency)", where), within(1e-6));
        assertThat(group.medianFrequency()).isCloseTo(superuserDouble(
                "percentile_cont(0.5) WITHIN GROUP (ORDER BY frequency)", where), within(1e-6));
        assertThat(group.meanMonetary().doubleValue()).isCloseTo(superuserDouble("avg(monetary)", where),
                within(0.005));
        assertThat(group.medianMonetary().doubleValue()).isCloseTo(superuserDouble(
                "percentile_cont(0.5) WITHIN GROUP (ORDER BY monetary)", where), within(0.005));
        assertThat(group.meanClv()).isCloseTo(superuserDouble("avg(clv)", where), within(1e-6));
    }

    /** Each bin's counts from explicit range conditions, not width_bucket. */
    private void assertHistograms(GroupComparison c, String shown) throws SQLException {
        List<String> recency = List.of("recency_days <= 30", "recency_days BETWEEN 31 AND 60",
                "recency_days BETWEEN 61 AND 90", "recency_days BETWEEN 91 AND 180", "recency_days BETWEEN 181 AND 270",
                "recency_days BETWEEN 271 AND 365", "recency_days BETWEEN 366 AND 545",
                "recency_days BETWEEN 546 AND 730", "recency_days > 730");
        List<String> frequency = List.of("frequency <= 1", "frequency = 2", "frequency = 3", "frequency = 4",
                "frequency = 5", "frequency BETWEEN 6 AND 7", "frequency BETWEEN 8 AND 10",
                "frequency BETWEEN 11 AND 15", "frequency BETWEEN 16 AND 20", "frequency BETWEEN 21 AND 30",
                "frequency BETWEEN 31 AND 50", "frequency >= 51");
        List<String> monetary = new ArrayList<>(List.of("monetary <= 0"));
        double[] edges = {0, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 50_000};
        for (int i = 1; i < edges.length; i++) {
            monetary.add("monetary >= " + (i == 1 ? "0.01" : edges[i - 1]) + " AND monetary < " + edges[i]);
        }
        monetary.add("monetary >= 50000");
        assertBins(c.recency(), recency, c, shown);
        assertBins(c.frequency(), frequency, c, shown);
        assertBins(c.monetary(), monetary, c, shown);
    }

    private void assertBins(GroupComparison.Histogram histogram, List<String> bins, GroupComparison c, String shown)
            throws SQLException {
        assertThat(histogram.bins()).hasSize(bins.size());
        String a = rule(c.a().rule());
        String b = rule(c.b().rule());
        for (int i = 0; i < bins.size(); i++) {
            assertThat(histogram.a().get(i)).as("%s %s, group A", histogram.measure(), histogram.bins().get(i))
                    .isEqualTo(count(shown + " AND " + a + " AND " + bins.get(i)));
            assertThat(histogram.b().get(i)).as("%s %s, group B", histogram.measure(), histogram.bins().get(i))
                    .isEqualTo(count(shown + " AND " + b + " AND " + bins.get(i)));
        }
        assertThat(histogram.a().stream().mapToLong(Long::longValue).sum()).isEqualTo(c.a().customers());
        assertThat(histogram.b().stream().mapToLong(Long::longValue).sum()).isEqualTo(c.b().customers());
    }

    /** The rule as SQL, written out independently for the test's own queries. */
    private static String rule(GroupRule r) {
        List<String> parts = new ArrayList<>();
        if (!r.segments().isEmpty()) {
            parts.add("segment IN (" + r.segments().stream().map(s -> "'" + s.replace("'", "''") + "'")
                    .collect(Collectors.joining(", ")) + ")");
        }
        if (r.minRecencyDays() != null) {
            parts.add("recency_days >= " + r.minRecencyDays());
        }
        if (r.maxRecencyDays() != null) {
            parts.add("recency_days <= " + r.maxRecencyDays());
        }
        if (r.minFrequency() != null) {
            parts.add("frequency >= " + r.minFrequency());
        }
        if (r.maxFrequency() != null) {
            parts.add("frequency <= " + r.maxFrequency());
        }
        if (r.minMonetary() != null) {
            parts.add("monetary >= " + r.minMonetary());
        }
        if (r.maxMonetary() != null) {
            parts.add("monetary <= " + r.maxMonetary());
        }
        if (r.minMScore() != null) {
            parts.add("m_score >= " + r.minMScore());
        }
        return parts.isEmpty() ? "true" : String.join(" AND ", parts);
    }

    private static long count(String where) throws SQLException {
        return superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = " + CURRENT + " AND " + where);
    }

    private static double superuserDouble(String aggregate, String where) throws SQLException {
        try (Connection connection = connectAs("postgres");
             PreparedStatement statement = connection.prepareStatement("SELECT " + aggregate
                     + " FROM snap_customer WHERE snapshot_id = " + CURRENT + " AND " + where);
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getDouble(1);
        }
    }

    /** Customer ids in the query's order. */
    private static List<Long> ids(String whereAndOrder) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = connectAs("postgres");
             PreparedStatement statement = connection.prepareStatement("SELECT customer_id FROM snap_customer "
                     + "WHERE snapshot_id = " + CURRENT + " AND " + whereAndOrder);
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                ids.add(result.getLong(1));
            }
        }
        return ids;
    }

    private static Set<Long> firstColumn(List<String> csvLines) {
        return csvLines.stream().skip(1).map(l -> Long.parseLong(l.substring(0, l.indexOf(','))))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static long cents(BigDecimal value) {
        return value.movePointRight(2).longValueExact();
    }
}
