package com.consumer360.summary;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.export.ExportFormat;
import com.consumer360.support.PortalIntegration;
import com.consumer360.warehouse.CellCustomer;
import com.consumer360.warehouse.CustomerOrder;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import com.consumer360.refresh.WeeklyHistory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The weekly summary equals plain SQL over the snapshot tables in the reader's scope, for two different snapshot
 * pairs, as a manager (North) and as an executive (all regions). The test portal starts with weekly snapshots of the
 * past (PortalIntegration.HISTORY_WEEKS), so consecutive snapshots really differ.
 */
@PortalIntegration
class SummaryServiceTest {

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void weeklyHistory() throws Exception {
        WeeklyHistory.ensure(context);
    }

    private static final String ALL = "";
    private static final String NORTH = " AND region_id = 1";

    @Autowired
    SummaryService summaries;

    /**
     * Cells of a stored pair that differ from the page's join: counts and revenue exactly, the CLV sum (a sum of
     * doubles, whose last bits depend on the order the plan adds them in) to a relative 1e-9.
     */
    private static long cellsDiffering(long previous, long current) throws SQLException {
        String stored = "SELECT region_id, from_segment, to_segment, customers, entered, lost, active, revenue, clv "
                + "FROM snap_pair_cell WHERE previous_id = " + previous + " AND current_id = " + current;
        String joined = SummaryQueries.PAIR.replace("{0}", "'{}'").replace("{1}", Long.toString(previous))
                .replace("{2}", Long.toString(current));
        return superuserLong("SELECT count(*) FROM (" + stored + ") s FULL JOIN (" + joined + ") AS j(region_id, "
                + "from_segment, to_segment, customers, entered, lost, active, revenue, clv) "
                + "USING (region_id, from_segment, to_segment) "
                + "WHERE (s.customers, s.entered, s.lost, s.active, s.revenue) "
                + "IS DISTINCT FROM (j.customers, j.entered, j.lost, j.active, j.revenue) "
                + "OR s.clv IS NULL OR j.clv IS NULL OR abs(s.clv - j.clv) > 1e-9 * greatest(abs(j.clv), 1)");
    }

    /**
     * The comparison a refresh stores after itself (V34, SummaryPairs) is what the page's join of the two snapshots
     * gives (cellsDiffering), and north reads only North's cells of it.
     */
    @Test
    void theRefreshStoresTheDefaultPairEqualToTheJoinAndNorthReadsOnlyNorthsCells() throws SQLException {
        long current = superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current");
        long previous = superuserLong("SELECT p.snapshot_id FROM snapshot p, snapshot c WHERE c.snapshot_id = ? "
                + "AND p.as_of_date < c.as_of_date ORDER BY p.as_of_date DESC, p.created_at DESC LIMIT 1", current);
        String stored = "SELECT region_id, from_segment, to_segment, customers, entered, lost, active, revenue, clv "
                + "FROM snap_pair_cell WHERE previous_id = " + previous + " AND current_id = " + current;
        assertThat(superuserLong("SELECT count(*) FROM (" + stored + ") s")).isPositive();
        assertThat(cellsDiffering(previous, current)).isZero();
        // And the pairs with every snapshot kept before it (up to SummaryPairs.PAIRS), re-runs of a day included.
        long before = superuserLong("SELECT count(*) FROM snapshot p, snapshot c WHERE c.snapshot_id = ? "
                + "AND p.snapshot_id <> c.snapshot_id AND (p.as_of_date < c.as_of_date "
                + "OR p.as_of_date = c.as_of_date AND p.created_at < c.created_at)", current);
        assertThat(superuserLong("SELECT count(DISTINCT previous_id) FROM snap_pair_cell WHERE current_id = ?",
                current)).isEqualTo(Math.min(before, SummaryPairs.PAIRS)).isGreaterThan(1);
        for (long earlier : com.consumer360.support.TestDatabase.superuserIds(
                "SELECT DISTINCT previous_id FROM snap_pair_cell WHERE current_id = " + current)) {
            assertThat(cellsDiffering(earlier, current)).as("pair %d", earlier).isZero();
        }
        try (java.sql.Connection north = com.consumer360.support.TestDatabase.connectAs("c360_app")) {
            com.consumer360.support.TestDatabase.bindScope(north, "1");
            assertThat(com.consumer360.support.TestDatabase.count(north, "snap_pair_cell WHERE region_id <> 1"))
                    .isZero();
            assertThat(com.consumer360.support.TestDatabase.count(north, "snap_pair_cell")).isPositive();
        }
    }

    /**
     * The active customers the refresh stores per region (V46) equal a count over the snapshot's customers, for every
     * snapshot that has them (the current one and every one kept before it), and north reads only North's.
     */
    @Test
    void storedActiveCustomersEqualTheCountOverTheCustomersAndNorthReadsOnlyNorths() throws SQLException {
        long current = superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current");
        assertThat(superuserLong("SELECT count(*) FROM snap_active_customers WHERE snapshot_id = ?", current))
                .isPositive();
        // The weekly history's snapshots too (no extension runs after them; the next full refresh counts them).
        assertThat(superuserLong("SELECT count(*) FROM snapshot s, snapshot c WHERE c.snapshot_id = ? "
                + "AND s.created_at <= c.created_at AND NOT EXISTS (SELECT FROM snap_active_customers a "
                + "WHERE a.snapshot_id = s.snapshot_id)", current)).as("kept snapshots without active counts").isZero();
        assertThat(superuserLong("SELECT count(*) FROM snapshot WHERE as_of_date < (SELECT as_of_date FROM snapshot "
                + "WHERE is_current)")).as("the test portal has weekly history").isPositive();
        assertThat(superuserLong("SELECT count(*) FROM snap_active_customers s FULL JOIN (SELECT snapshot_id, "
                + "region_id, count(*) FILTER (WHERE recency_days <= " + SummaryService.ACTIVE_DAYS + ") AS customers "
                + "FROM snap_customer WHERE snapshot_id IN (SELECT snapshot_id FROM snap_active_customers) "
                + "GROUP BY 1, 2) c USING (snapshot_id, region_id) "
                + "WHERE s.customers IS DISTINCT FROM c.customers")).isZero();
        try (java.sql.Connection north = com.consumer360.support.TestDatabase.connectAs("c360_app")) {
            com.consumer360.support.TestDatabase.bindScope(north, "1");
            assertThat(com.consumer360.support.TestDatabase.count(north, "snap_active_customers WHERE region_id <> 1"))
                    .isZero();
            assertThat(com.consumer360.support.TestDatabase.count(north, "snap_active_customers")).isPositive();
        }
    }

    @Test
    @WithUserDetails("north")
    void northsDefaultWeekEqualsSqlOverNorthsCustomers() throws SQLException {
        WeeklySummary summary = summaries.summary(null, null, Set.of());
        assertThat(summary.previous()).as("the test portal has weekly history").isNotNull();
        long current = summary.current().snapshot().id();
        assertThat(current).isEqualTo(superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current"));
        assertThat(summary.previous().snapshot().asOf()).isBefore(summary.current().snapshot().asOf());
        checkPair(summary, NORTH);
        assertThat(summary.regions()).extracting(WeeklySummary.RegionRow::region).containsExactly("North");
        SnapshotRef oldest = summaries.snapshots().getLast();
        WeeklySummary span = summaries.summary(oldest.id(), current, Set.of());
        checkPair(span, NORTH);
        assertThat(span.previous().snapshot()).isEqualTo(oldest);
    }

    @Test
    @WithUserDetails("exec")
    void executivesTwoDifferentPairsEqualSqlOverAllRegionsAndPerRegion() throws SQLException {
        WeeklySummary week = summaries.summary(null, null, Set.of());
        checkPair(week, ALL);
        List<SnapshotRef> all = summaries.snapshots();
        SnapshotRef oldest = all.getLast();
        WeeklySummary span = summaries.summary(oldest.id(), week.current().snapshot().id(), Set.of());
        assertThat(span.previous().snapshot()).isEqualTo(oldest);
        checkPair(span, ALL);
        assertThat(span.current().newCustomers()).isGreaterThan(week.current().newCustomers());
        // The second-oldest snapshot has a one-week move stored; against the current one it spans two weeks or more.
        SnapshotRef second = all.get(all.size() - 2);
        WeeklySummary longer = summaries.summary(second.id(), week.current().snapshot().id(), Set.of());
        assertThat(longer.notableMoves()).as("a pair of several weeks is not set against a one-week move")
                .isNotEmpty().noneMatch(text -> text.contains("the period before"));
        assertThat(span.regions()).hasSize(5);
        for (WeeklySummary.RegionRow row : span.regions()) {
            String region = " AND region_id = " + row.regionId();
            assertThat(row.active()).isEqualTo(active(span.current().snapshot().id(), region));
            assertThat(row.newCustomers()).isEqualTo(entered(span.previous().snapshot().id(),
                    span.current().snapshot().id(), region));
            assertThat(row.lost()).isEqualTo(lost(span.previous().snapshot().id(), span.current().snapshot().id(),
                    region));
        }
        // A region filter narrows to exactly that region.
        WeeklySummary south = summaries.summary(null, null, Set.of((short) 2));
        assertThat(south.current().customers()).isEqualTo(superuserLong(
                "SELECT count(*) FROM snap_customer WHERE snapshot_id = ? AND region_id = 2",
                south.current().snapshot().id()));
    }

    private static void checkPair(WeeklySummary s, String region) throws SQLException {
        long a = s.previous().snapshot().id();
        long b = s.current().snapshot().id();
        Figures now = s.current();
        assertThat(now.customers()).isEqualTo(superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = ?"
                + region, b)).isPositive();
        assertThat(now.active()).isEqualTo(active(b, region));
        assertThat(s.previous().active()).isEqualTo(active(a, region));
        assertThat(now.newCustomers()).isEqualTo(entered(a, b, region));
        assertThat(now.lost()).isEqualTo(lost(a, b, region));
        assertThat(cents(now.revenue())).isEqualTo(superuserLong("SELECT round(((SELECT sum(monetary) FROM snap_customer "
                + "WHERE snapshot_id = ?" + region + ") - (SELECT sum(monetary) FROM snap_customer WHERE snapshot_id = ?"
                + region + ")) * 100)", b, a));
        assertThat(now.orders()).isEqualTo(superuserLong("SELECT (SELECT sum(frequency) FROM snap_customer "
                + "WHERE snapshot_id = ?" + region + ") - (SELECT sum(frequency) FROM snap_customer WHERE snapshot_id = ?"
                + region + ")", b, a));
        assertThat(Math.round(now.totalClv())).isEqualTo(superuserLong(
                "SELECT round(coalesce(sum(clv), 0)) FROM snap_customer WHERE snapshot_id = ?" + region, b));
        for (WeeklySummary.SegmentRow row : s.segments()) {
            assertThat(row.customers()).as(row.segment()).isEqualTo(superuserLong("SELECT count(*) FROM snap_customer "
                    + "WHERE snapshot_id = ? AND segment = ?" + region, b, row.segment()));
            assertThat(row.previousCustomers()).as(row.segment()).isEqualTo(superuserLong("SELECT count(*) FROM "
                    + "snap_customer WHERE snapshot_id = ? AND segment = ?" + region, a, row.segment()));
        }
        long moved = 0;
        for (WeeklySummary.Move move : s.movement()) {
            moved += move.customers();
            assertThat(move.customers()).as(move.from() + " to " + move.to()).isEqualTo(superuserLong(
                    "SELECT count(*) FROM (SELECT * FROM snap_customer WHERE snapshot_id = ?" + region + ") x "
                            + "FULL JOIN (SELECT * FROM snap_customer WHERE snapshot_id = ?" + region + ") y "
                            + "ON x.customer_id = y.customer_id "
                            + "WHERE coalesce(x.segment, '(new)') = ? AND coalesce(y.segment, '(gone)') = ?",
                    a, b, move.from(), move.to()));
        }
        assertThat(moved).isEqualTo(superuserLong("SELECT count(DISTINCT customer_id) FROM snap_customer "
                + "WHERE snapshot_id IN (?, ?)" + region, a, b));
    }

    @Test
    @WithUserDetails("north")
    void northsMoversAreExactlyTheCellsNorthCustomersAndTheExportHoldsThem() throws SQLException {
        WeeklySummary summary = summaries.summary(null, null, Set.of());
        WeeklySummary.Move move = summary.movement().stream().filter(m -> !m.from().equals(m.to()))
                .max(java.util.Comparator.comparingLong(WeeklySummary.Move::customers)).orElseThrow();
        long a = summary.previous().snapshot().id();
        long b = summary.current().snapshot().id();
        List<CellCustomer> page = summaries.movers(a, b, move.from(), move.to(), Set.of(), CustomerOrder.BY_MONETARY, 0,
                10_000);
        assertThat(page).hasSize((int) move.customers());
        assertThat(page).extracting(CellCustomer::region).containsOnly("North");
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        summaries.exportMovers(a, b, move.from(), move.to(), Set.of(), CustomerOrder.BY_MONETARY, ExportFormat.CSV, csv);
        List<String> lines = csv.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(page.size() + 1);
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).contains(",North,"));
        // Asking for South only, North's manager gets nothing at all.
        WeeklySummary south = summaries.summary(null, null, Set.of((short) 2));
        assertThat(south.current().customers()).isZero();
        assertThat(south.movement()).isEmpty();
        assertThat(summaries.movers(a, b, move.from(), move.to(), Set.of((short) 2), CustomerOrder.BY_MONETARY, 0, 100))
                .isEmpty();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        summaries.exportSummary(null, null, Set.of(), ExportFormat.CSV, all);
        assertThat(all.toString(StandardCharsets.UTF_8)).contains("region,North").doesNotContain("South", "East",
                "West", "Central");
    }

    @Test
    @WithUserDetails("exec")
    void unknownSnapshotsSegmentsAndReversedPairsAreRefusedWithAMessage() {
        List<SnapshotRef> all = summaries.snapshots();
        long current = all.getFirst().id();
        long oldest = all.getLast().id();
        assertThatThrownBy(() -> summaries.summary(999_999L, null, Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown snapshot");
        assertThatThrownBy(() -> summaries.summary(current, oldest, Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be older");
        assertThatThrownBy(() -> summaries.movers(oldest, current, "Champions'; DROP TABLE snapshot; --", "Lost",
                Set.of(), CustomerOrder.BY_MONETARY, 0, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown segment");
    }

    @Test
    void anonymousCallersGetNothing() {
        assertThatThrownBy(() -> summaries.summary(null, null, Set.of()))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> summaries.snapshots()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    private static long active(long snapshot, String region) throws SQLException {
        return superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = ? AND recency_days <= "
                + SummaryService.ACTIVE_DAYS + region, snapshot);
    }

    private static long entered(long a, long b, String region) throws SQLException {
        return superuserLong("SELECT count(*) FROM snap_customer y WHERE y.snapshot_id = ?" + region.replace("region_id",
                "y.region_id") + " AND NOT EXISTS (SELECT 1 FROM snap_customer x WHERE x.snapshot_id = ? "
                + "AND x.customer_id = y.customer_id)", b, a);
    }

    private static long lost(long a, long b, String region) throws SQLException {
        return superuserLong("SELECT count(*) FROM snap_customer x WHERE x.snapshot_id = ? AND x.recency_days <= "
                + SummaryService.ACTIVE_DAYS + region.replace("region_id", "x.region_id") + " AND NOT EXISTS "
                + "(SELECT 1 FROM snap_customer y WHERE y.snapshot_id = ? AND y.customer_id = x.customer_id "
                + "AND y.recency_days <= " + SummaryService.ACTIVE_DAYS + ")", a, b);
    }

    private static long cents(BigDecimal value) {
        return value.movePointRight(2).longValueExact();
    }
}
