package com.consumer360.clv;

import static com.consumer360.support.TestDatabase.connectAs;
import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.consumer360.analytics.clv.BgNbdModel;
import com.consumer360.analytics.clv.CustomerSummary;
import com.consumer360.support.PortalIntegration;
import com.consumer360.support.SignedIn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithUserDetails;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every figure of the CLV page equals an independent SQL computation over the current snapshot's snap_customer (as
 * the superuser, whom row-level security does not filter, with the region written out), and the holdout check
 * equals a recomputation from fact_sales.
 */
@PortalIntegration
class ClvServiceTest {

    static final String CURRENT = "(SELECT snapshot_id FROM snapshot WHERE is_current)";
    static final String VALUED = "snapshot_id = " + CURRENT + " AND clv IS NOT NULL";
    static final String NORTH = " AND region_id = 1";
    static final String ALL = "";
    static final String RISK_ORDER = "monetary::float8 * (1 - p_alive) DESC, customer_id";

    @Autowired
    ClvService clv;

    @Test
    void refusesAnonymousCallers() {
        assertThatThrownBy(() -> clv.summary(Set.of())).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> clv.modelFit(Set.of())).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    @WithUserDetails("north")
    void northsHeadlineFiguresEqualSqlOverNorth() throws SQLException {
        assertHeadline(clv.summary(Set.of()), NORTH);
    }

    @Test
    @WithUserDetails("exec")
    void executivesHeadlineFiguresEqualSqlOverAllRegionsAndTheFilterNarrows() throws SQLException {
        ClvSummary summary = clv.summary(Set.of());
        assertHeadline(summary, ALL);
        assertHeadline(clv.summary(Set.of((short) 2)), " AND region_id = 2");
        assertThat(summary.model().clvMonths()).isEqualTo(12);
        assertThat(summary.model().monthlyDiscountRate()).isEqualTo(0.01);
        assertThat(summary.model().horizonWeeks()).isEqualTo(52);
        assertThat(summary.model().bgNbd().r()).isPositive();
        assertThat(summary.asOf()).isNotNull();
    }

    private static void assertHeadline(ClvSummary summary, String scope) throws SQLException {
        long customers = superuserLong("SELECT count(*) FROM snap_customer WHERE " + VALUED + scope);
        assertThat(customers).isPositive();
        assertThat(summary.customersValued()).isEqualTo(customers);
        assertThat(summary.totalClv()).isCloseTo(number("SELECT sum(clv) FROM snap_customer WHERE " + VALUED + scope),
                within(1e-6));
        assertThat(summary.meanClv()).isCloseTo(number("SELECT avg(clv) FROM snap_customer WHERE " + VALUED + scope),
                within(1e-6));
        assertThat(summary.expectedPurchases()).isCloseTo(number(
                "SELECT sum(expected_purchases) FROM snap_customer WHERE " + VALUED + scope), within(1e-6));
        assertThat(summary.likelyGone()).isEqualTo(superuserLong(
                "SELECT count(*) FROM snap_customer WHERE " + VALUED + scope + " AND p_alive < 0.5"));
    }

    @Test
    @WithUserDetails("north")
    void northsHighValueListIsNorthsTopThousandByClv() throws SQLException {
        assertHighValue(NORTH);
    }

    @Test
    @WithUserDetails("exec")
    void executivesHighValueListIsTheTopThousandOfAllRegions() throws SQLException {
        assertHighValue(ALL);
    }

    private void assertHighValue(String scope) throws SQLException {
        List<Long> expected = ids("SELECT customer_id FROM snap_customer WHERE " + VALUED + scope
                + " ORDER BY clv DESC, customer_id LIMIT " + ClvService.HIGH_VALUE_TOP);
        assertThat(clv.highValueCount(Set.of())).isEqualTo(expected.size());
        List<Long> listed = new ArrayList<>();
        for (int offset = 0; offset < expected.size() + 100; offset += 150) {
            clv.highValue(Set.of(), offset, 150).forEach(c -> listed.add(c.customerId()));
        }
        assertThat(listed).containsExactlyElementsOf(expected);
    }

    @Test
    @WithUserDetails("north")
    void northsChurnRiskListMatchesSqlForDefaultAndChangedThresholds() throws SQLException {
        assertChurnRisk(ChurnThresholds.DEFAULTS, NORTH);
        assertChurnRisk(new ChurnThresholds(3, 0.3), NORTH);
    }

    @Test
    @WithUserDetails("exec")
    void executivesChurnRiskListMatchesSql() throws SQLException {
        assertChurnRisk(ChurnThresholds.DEFAULTS, ALL);
        // Everyone valued: long enough for its later pages to be read from its end.
        assertThat(clv.churnRiskCount(new ChurnThresholds(1, 1.0), Set.of())).isGreaterThan(2L * com.consumer360.warehouse.ReversiblePage.REVERSE_FROM);
        assertChurnRisk(new ChurnThresholds(1, 1.0), ALL);
        assertChurnRisk(new ChurnThresholds(5, 0.8), ALL);
        // A threshold between the refresh's counted ones (k/100) is counted from the customers.
        assertChurnRisk(new ChurnThresholds(4, 0.333), ALL);
    }

    /**
     * The churn-risk counts the refresh stores (V47) add up, for a region filter too, to the count over the customers
     * for thresholds on the counted grid, as exec and as north (whose scope holds North's counts only).
     */
    @Test
    @WithUserDetails("exec")
    void storedChurnCountsEqualTheCountOverTheCustomersForAnyRegionFilter() throws SQLException {
        assertThat(superuserLong("SELECT count(*) FROM snap_churn_counts WHERE snapshot_id = "
                + "(SELECT snapshot_id FROM snapshot WHERE is_current)")).isPositive();
        for (ChurnThresholds t : List.of(ChurnThresholds.DEFAULTS, new ChurnThresholds(1, 1.0),
                new ChurnThresholds(2, 0.05), new ChurnThresholds(5, 0.25))) {
            for (Set<Short> filter : List.of(Set.<Short>of(), Set.of((short) 2), Set.of((short) 1, (short) 5))) {
                String regions = filter.isEmpty() ? "" : " AND region_id IN (" + filter.stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", ")) + ")";
                assertThat(clv.churnRiskCount(t, filter)).as("%s in %s", t, filter).isEqualTo(superuserLong(
                        "SELECT count(*) FROM snap_customer WHERE " + VALUED + regions + " AND m_score >= "
                                + t.minMScore() + " AND p_alive < " + t.maxPAlive()));
            }
        }
    }

    @Test
    @WithUserDetails("north")
    void northsStoredChurnCountsAreNorthsOnly() throws SQLException {
        for (ChurnThresholds t : List.of(ChurnThresholds.DEFAULTS, new ChurnThresholds(1, 1.0))) {
            assertThat(clv.churnRiskCount(t, Set.of())).isEqualTo(superuserLong("SELECT count(*) FROM snap_customer "
                    + "WHERE " + VALUED + NORTH + " AND m_score >= " + t.minMScore() + " AND p_alive < "
                    + t.maxPAlive())).isPositive();
            assertThat(clv.churnRiskCount(t, Set.of((short) 2))).as("another region's customers").isZero();
        }
    }

    private void assertChurnRisk(ChurnThresholds t, String scope) throws SQLException {
        String where = " FROM snap_customer WHERE " + VALUED + scope + " AND m_score >= " + t.minMScore()
                + " AND p_alive < " + t.maxPAlive();
        List<Long> expected = ids("SELECT customer_id" + where + " ORDER BY " + RISK_ORDER);
        assertThat(expected).isNotEmpty();
        assertThat(clv.churnRiskCount(t, Set.of())).isEqualTo(expected.size());
        List<ClvCustomer> listed = new ArrayList<>();
        for (int offset = 0; offset < expected.size(); offset += 200) {
            listed.addAll(clv.churnRisk(t, Set.of(), offset, 200));
        }
        assertThat(listed).extracting(ClvCustomer::customerId).containsExactlyElementsOf(expected);
        // The last page and one just past the middle (read from the list's end once the offset passes it).
        for (int offset : new int[] {Math.max(0, expected.size() - 37), expected.size() / 2 + 1}) {
            assertThat(clv.churnRisk(t, Set.of(), offset, 50)).extracting(ClvCustomer::customerId)
                    .containsExactlyElementsOf(expected.subList(offset, Math.min(expected.size(), offset + 50)));
        }
        ClvCustomer first = listed.getFirst();
        assertThat(first.valueAtRisk()).isCloseTo(first.monetary().doubleValue() * (1 - first.pAlive()),
                within(1e-9));
        assertThat(listed).allSatisfy(c -> assertThat(c.pAlive()).isLessThan(t.maxPAlive()));
    }

    @Test
    @WithUserDetails("north")
    void northsClvBySegmentEqualsSql() throws SQLException {
        assertSegments(NORTH);
    }

    @Test
    @WithUserDetails("exec")
    void executivesClvBySegmentEqualsSql() throws SQLException {
        assertSegments(ALL);
    }

    private void assertSegments(String scope) throws SQLException {
        List<SegmentValue> rows = clv.bySegment(Set.of());
        assertThat(rows).hasSize(11);
        for (SegmentValue row : rows) {
            String where = " FROM snap_customer WHERE " + VALUED + scope + " AND segment = '"
                    + row.segment().replace("'", "''") + "'";
            assertThat(row.customers()).as(row.segment()).isEqualTo(superuserLong("SELECT count(*)" + where));
            assertThat(row.totalClv()).as(row.segment()).isCloseTo(number("SELECT coalesce(sum(clv), 0)" + where),
                    within(1e-6));
            assertThat(row.meanClv()).as(row.segment()).isCloseTo(number("SELECT coalesce(avg(clv), 0)" + where),
                    within(1e-6));
            assertThat(row.meanPAlive()).as(row.segment()).isCloseTo(
                    number("SELECT coalesce(avg(p_alive), 0)" + where), within(1e-9));
        }
    }

    @Test
    @WithUserDetails("exec")
    void histogramsCountEveryValuedCustomerInTheirBins() throws SQLException {
        for (String scope : List.of(ALL, " AND region_id = 3")) {
            Set<Short> filter = scope.isEmpty() ? Set.of() : Set.of((short) 3);
            Histogram clvBins = clv.clvHistogram(filter);
            Histogram pAlive = clv.pAliveHistogram(filter);
            String from = " FROM snap_customer WHERE " + VALUED + scope;
            assertThat(clvBins.total()).isEqualTo(superuserLong("SELECT count(*)" + from));
            assertThat(clvBins.counts().get(3)).as("CLV 5–10").isEqualTo(
                    superuserLong("SELECT count(*)" + from + " AND clv >= 5 AND clv < 10"));
            assertThat(clvBins.counts().getLast()).isEqualTo(superuserLong("SELECT count(*)" + from
                    + " AND clv >= 25000"));
            for (int bin = 0; bin < 10; bin++) {
                assertThat(pAlive.counts().get(bin)).as("P(alive) bin %d", bin).isEqualTo(superuserLong(
                        "SELECT count(*)" + from + " AND p_alive >= ? AND p_alive < ?", bin == 0 ? -1.0 : bin / 10.0,
                        bin == 9 ? 1.0 : (bin + 1) / 10.0));
            }
            assertThat(pAlive.counts().get(10)).isEqualTo(superuserLong("SELECT count(*)" + from
                    + " AND p_alive >= 1"));
            assertThat(pAlive.bins()).hasSize(11);
            assertThat(clvBins.bins()).hasSize(15);
        }
    }

    @Test
    @WithUserDetails("exec")
    void executivesHoldoutCheckEqualsTheRefreshsAndARecomputationFromTheWarehouse() throws SQLException {
        ModelFit fit = clv.modelFit(Set.of());
        JsonNode stored = storedCheck();
        assertThat(fit.groups()).hasSize(8);
        for (int i = 0; i < 8; i++) {
            JsonNode row = stored.path("by_frequency").get(i);
            ModelFit.Group group = fit.groups().get(i);
            assertThat(group.calibrationFrequency()).isEqualTo(row.path("calibration_frequency").asString());
            assertThat(group.customers()).isEqualTo(row.path("customers").asLong());
            assertThat(group.actualMean()).isCloseTo(row.path("actual_mean").asDouble(), within(1e-9));
            assertThat(group.predictedMean()).isCloseTo(row.path("predicted_mean").asDouble(), within(1e-9));
        }
        assertRecomputedFromFactSales(fit, "", stored);
        assertThat(fit.predicted()).isPositive();
        assertThat(fit.actual()).isPositive();
    }

    @Test
    @WithUserDetails("north")
    void northsHoldoutCheckCoversNorthsCustomersOnly() throws SQLException {
        ModelFit fit = clv.modelFit(Set.of());
        assertRecomputedFromFactSales(fit, " AND region_id = 1", storedCheck());
        assertThat(fit.customers()).isLessThan(storedCheck().path("bgnbd").path("customers").asLong());
        assertThat(clv.modelFit(Set.of((short) 2)).customers()).isZero();
    }

    @Test
    @WithUserDetails("exec")
    void theStoredHoldoutSumsGiveTheCheckRecomputedFromTheWarehouseForExec() throws SQLException {
        assertThat(superuserLong("SELECT count(DISTINCT region_id) FROM snap_holdout_group WHERE snapshot_id = "
                + "(SELECT snapshot_id FROM snapshot WHERE is_current)")).as("stored per region")
                .isEqualTo(superuserLong("SELECT count(DISTINCT region_id) FROM fact_invoice"));
        for (Set<Short> filter : List.of(Set.<Short>of(), Set.of((short) 1), Set.of((short) 2, (short) 3))) {
            assertSameCheck(clv.modelFit(filter), clv.recomputedFit(filter));
        }
    }

    @Test
    @WithUserDetails("north")
    void theStoredHoldoutSumsGiveTheCheckRecomputedFromTheWarehouseForNorth() {
        for (Set<Short> filter : List.of(Set.<Short>of(), Set.of((short) 1), Set.of((short) 2))) {
            assertSameCheck(clv.modelFit(filter), clv.recomputedFit(filter));
        }
        assertThat(clv.modelFit(Set.of()).customers()).isPositive();
    }

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    /**
     * A snapshot whose refresh stored no holdout sums: the check is not at hand (the page shows the rest and a
     * progress bar, and recomputes it in the background) until it was recomputed for the reader's regions; then it
     * is, for readers of those regions only.
     */
    @Test
    void withoutStoredSumsTheCheckIsAtHandOnlyOnceRecomputedForTheSameRegions() throws Exception {
        // Regions no other test recomputes a check for (the cache lives as long as the portal).
        Set<Short> eastAndWest = Set.of((short) 3, (short) 4);
        ModelFit stored = SignedIn.call(users, "exec", () -> clv.modelFitAtHand(eastAndWest).orElseThrow());
        com.consumer360.support.TestDatabase.withCurrentRowsSetAside("snap_holdout_group", () -> {
            SignedIn.call(users, "exec", () -> {
                assertThat(clv.modelFitAtHand(eastAndWest)).as("before").isEmpty();
                ModelFit recomputed = clv.modelFit(eastAndWest);
                assertSameCheck(stored, recomputed);
                assertThat(clv.modelFitAtHand(eastAndWest)).as("after").containsSame(recomputed);
                assertThat(clv.modelFitAtHand(Set.of())).as("every region").isEmpty();
                assertThat(clv.modelFitAtHand(Set.of((short) 3))).as("East alone").isEmpty();
                return null;
            });
            SignedIn.call(users, "north", () -> {
                assertThat(clv.modelFitAtHand(eastAndWest)).as("north, filter East and West").isEmpty();
                return null;
            });
        });
    }

    @Test
    @WithUserDetails("exec")
    void theStoredValueSumsGiveTheFiguresCountedFromTheCustomersForExec() throws SQLException {
        assertStoredValueSumsEqualCounts(List.of(Set.of(), Set.of((short) 1), Set.of((short) 2, (short) 5)));
    }

    @Test
    @WithUserDetails("north")
    void theStoredValueSumsGiveTheFiguresCountedFromTheCustomersForNorth() throws SQLException {
        assertStoredValueSumsEqualCounts(List.of(Set.of(), Set.of((short) 1), Set.of((short) 2)));
    }

    /**
     * Headline, high-value count, CLV by segment and both histograms from the sums the refresh stored (V40) equal
     * the same figures counted from the snapshot's customers, which the page does without them: the stored rows are
     * set aside for the second reading and put back after.
     */
    private void assertStoredValueSumsEqualCounts(List<Set<Short>> filters) throws SQLException {
        String current = "(SELECT snapshot_id FROM snapshot WHERE is_current)";
        assertThat(superuserLong("SELECT count(*) FROM snap_clv_sums WHERE snapshot_id = " + current)).isPositive();
        List<List<Object>> stored = new ArrayList<>();
        for (Set<Short> filter : filters) {
            stored.add(valueFigures(filter));
        }
        List<List<Object>> counted = new ArrayList<>();
        try (Connection owner = connectAs("postgres");
             java.sql.Statement sql = owner.createStatement()) {
            sql.execute("CREATE TABLE set_aside_clv AS SELECT * FROM snap_clv_sums WHERE snapshot_id = " + current);
            sql.execute("DELETE FROM snap_clv_sums WHERE snapshot_id = " + current);
            try {
                for (Set<Short> filter : filters) {
                    counted.add(valueFigures(filter));
                }
            } finally {
                sql.execute("INSERT INTO snap_clv_sums SELECT * FROM set_aside_clv");
                sql.execute("DROP TABLE set_aside_clv");
            }
        }
        for (int f = 0; f < filters.size(); f++) {
            ClvSummary a = (ClvSummary) stored.get(f).get(0);
            ClvSummary b = (ClvSummary) counted.get(f).get(0);
            assertThat(a.customersValued()).isEqualTo(b.customersValued());
            assertThat(a.totalClv()).isCloseTo(b.totalClv(), within(1e-6));
            assertThat(a.expectedPurchases()).isCloseTo(b.expectedPurchases(), within(1e-6));
            assertThat(a.likelyGone()).isEqualTo(b.likelyGone());
            assertThat(stored.get(f).get(1)).isEqualTo(counted.get(f).get(1));
            @SuppressWarnings("unchecked")
            List<SegmentValue> segmentsA = (List<SegmentValue>) stored.get(f).get(2);
            @SuppressWarnings("unchecked")
            List<SegmentValue> segmentsB = (List<SegmentValue>) counted.get(f).get(2);
            for (int i = 0; i < segmentsA.size(); i++) {
                assertThat(segmentsA.get(i).segment()).isEqualTo(segmentsB.get(i).segment());
                assertThat(segmentsA.get(i).customers()).isEqualTo(segmentsB.get(i).customers());
                assertThat(segmentsA.get(i).totalClv()).isCloseTo(segmentsB.get(i).totalClv(), within(1e-6));
                assertThat(segmentsA.get(i).meanPAlive()).isCloseTo(segmentsB.get(i).meanPAlive(), within(1e-9));
            }
            assertThat(stored.get(f).subList(3, 5)).isEqualTo(counted.get(f).subList(3, 5));
        }
        assertThat(((ClvSummary) stored.getFirst().getFirst()).customersValued()).isPositive();
    }

    private List<Object> valueFigures(Set<Short> filter) {
        return List.of(clv.summary(filter), clv.highValueCount(filter), clv.bySegment(filter),
                clv.clvHistogram(filter), clv.pAliveHistogram(filter));
    }

    private static void assertSameCheck(ModelFit stored, ModelFit recomputed) {
        assertThat(stored.groups()).hasSize(8);
        for (int i = 0; i < 8; i++) {
            ModelFit.Group a = stored.groups().get(i);
            ModelFit.Group b = recomputed.groups().get(i);
            assertThat(a.calibrationFrequency()).isEqualTo(b.calibrationFrequency());
            assertThat(a.customers()).isEqualTo(b.customers());
            assertThat(a.actualMean()).isCloseTo(b.actualMean(), within(1e-12));
            assertThat(a.predictedMean()).isCloseTo(b.predictedMean(), within(1e-9));
        }
        assertThat(stored.calibrationEnd()).isEqualTo(recomputed.calibrationEnd());
        assertThat(stored.refit()).isEqualTo(recomputed.refit());
    }

    /**
     * Purchase days from fact_sales (lines with a positive amount that are not cancellations), per customer whose
     * first purchase is on or before the calibration end: calibration repeat days, first and last calibration day,
     * holdout days; the prediction with the engine and the refitted parameters stored with the snapshot.
     */
    private static void assertRecomputedFromFactSales(ModelFit fit, String scope, JsonNode stored) throws SQLException {
        LocalDate end = LocalDate.parse(stored.path("calibration_end").asString());
        int endKey = end.getYear() * 10_000 + end.getMonthValue() * 100 + end.getDayOfMonth();
        JsonNode bg = stored.path("bgnbd");
        BgNbdModel model = new BgNbdModel(bg.path("r").asDouble(), bg.path("alpha").asDouble(),
                bg.path("a").asDouble(), bg.path("b").asDouble());
        double length = stored.path("length_weeks").asDouble();
        long[] customers = new long[8];
        double[] actual = new double[8];
        double[] predicted = new double[8];
        String sql = "SELECT customer_id, array_agg(DISTINCT date_key ORDER BY date_key) FROM fact_sales "
                + "WHERE customer_id IS NOT NULL AND net_amount > 0 AND NOT is_cancellation" + scope
                + " GROUP BY customer_id";
        try (Connection c = connectAs("postgres"); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                Integer[] days = (Integer[]) r.getArray(2).getArray();
                if (days[0] > endKey) {
                    continue;
                }
                int calibration = 0;
                while (calibration < days.length && days[calibration] <= endKey) {
                    calibration++;
                }
                int x = calibration - 1;
                LocalDate first = date(days[0]);
                double tx = ChronoUnit.DAYS.between(first, date(days[calibration - 1])) / 7.0;
                double t = ChronoUnit.DAYS.between(first, end) / 7.0;
                int row = Math.min(x, 7);
                customers[row]++;
                actual[row] += days.length - calibration;
                predicted[row] += model.expectedPurchases(new CustomerSummary("c", x, tx, t, 0), length);
            }
        }
        for (int row = 0; row < 8; row++) {
            ModelFit.Group group = fit.groups().get(row);
            assertThat(group.customers()).as("customers with %d repeat purchases", row).isEqualTo(customers[row]);
            assertThat(group.actualMean() * group.customers()).as("actual, group %d", row)
                    .isCloseTo(actual[row], within(1e-6));
            assertThat(group.predictedMean() * group.customers()).as("predicted, group %d", row)
                    .isCloseTo(predicted[row], within(1e-6));
        }
        assertThat(fit.calibrationEnd()).isEqualTo(end);
    }

    @Test
    void thresholdsFromUrlParametersAreCheckedWithAClearMessage() {
        assertThat(ChurnThresholds.parse(null, "")).isEqualTo(ChurnThresholds.DEFAULTS);
        assertThat(ChurnThresholds.parse("5", "0.25")).isEqualTo(new ChurnThresholds(5, 0.25));
        assertThatThrownBy(() -> ChurnThresholds.parse("abc", null)).isInstanceOf(InvalidThresholdException.class)
                .hasMessage("Minimum M score (mscore) must be a whole number from 1 to 5, got \"abc\".");
        assertThatThrownBy(() -> ChurnThresholds.parse("6", null)).hasMessageContaining("from 1 to 5, got \"6\"");
        assertThatThrownBy(() -> ChurnThresholds.parse(null, "1.5"))
                .hasMessage("P(alive) below (palive) must be a number above 0 and at most 1, got \"1.5\".");
        assertThatThrownBy(() -> ChurnThresholds.parse("0", "-1")).hasMessage("Minimum M score (mscore) must be a "
                + "whole number from 1 to 5, got \"0\". P(alive) below (palive) must be a number above 0 and at most "
                + "1, got \"-1\".");
        assertThatThrownBy(() -> new ChurnThresholds(4, 0)).isInstanceOf(InvalidThresholdException.class);
        assertThatThrownBy(() -> ChurnThresholds.parse(null, "half")).hasMessageContaining("got \"half\"");
        assertThatThrownBy(() -> ChurnThresholds.parse(null, "NaN")).isInstanceOf(InvalidThresholdException.class);
    }

    static JsonNode storedCheck() throws SQLException {
        try (Connection c = connectAs("postgres"); PreparedStatement s = c.prepareStatement(
                "SELECT model_json FROM snapshot WHERE is_current"); ResultSet r = s.executeQuery()) {
            r.next();
            return JsonMapper.builder().build().readTree(r.getString(1)).path("holdout_check");
        }
    }

    static double number(String sql) throws SQLException {
        try (Connection c = connectAs("postgres"); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getDouble(1);
        }
    }

    static List<Long> ids(String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = connectAs("postgres"); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        return ids;
    }

    private static LocalDate date(int key) {
        return LocalDate.of(key / 10_000, key / 100 % 100, key % 100);
    }
}
