package com.consumer360.rfm;

import static com.consumer360.support.TestDatabase.connectAs;
import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.refresh.RefreshService;
import com.consumer360.support.PortalIntegration;
import com.consumer360.warehouse.CellCustomer;
import com.consumer360.warehouse.CustomerOrder;
import com.consumer360.warehouse.RegionOption;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The RFM service answers from the current snapshot and only within the caller's regions; every expected figure
 * is computed independently as the superuser, whom row-level security does not filter.
 */
@PortalIntegration
class RfmServiceTest {

    private static final String CURRENT = "(SELECT snapshot_id FROM snapshot WHERE is_current)";
    /** The snapshot changes are measured against: the latest of an earlier day (0 when there is none). */
    private static final String PREVIOUS = "SELECT coalesce((SELECT snapshot_id FROM snapshot WHERE snapshot_id < "
            + CURRENT + " AND as_of_date < (SELECT as_of_date FROM snapshot WHERE is_current)"
            + " ORDER BY as_of_date DESC, snapshot_id DESC LIMIT 1), 0)";
    private static final short NORTH = 1;
    private static final short SOUTH = 2;

    @Autowired
    RfmService rfm;

    @Autowired
    RefreshService refresh;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void refusesAnonymousCallers() {
        assertThatThrownBy(() -> rfm.matrix(Set.of())).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> rfm.customer(1)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    @WithUserDetails("north")
    void northsMatrixAddsUpToNorthsCustomersAndRevenue() throws SQLException {
        RfmMatrix matrix = rfm.matrix(Set.of());
        assertThat(matrix.cells()).hasSize(25);
        long north = customersOf(NORTH);
        assertThat(north).isPositive();
        assertThat(matrix.customers()).isEqualTo(north);
        assertThat(cents(matrix.cells().stream().map(RfmMatrix.Cell::revenue).reduce(BigDecimal.ZERO, BigDecimal::add)))
                .isEqualTo(superuserLong("SELECT round(sum(monetary) * 100) FROM snap_customer WHERE snapshot_id = "
                        + CURRENT + " AND region_id = 1"));
        for (RfmMatrix.Cell cell : matrix.cells()) {
            assertThat(cell.customers()).as("R=%d F=%d", cell.r(), cell.f()).isEqualTo(superuserLong(
                    "SELECT count(*) FROM snap_customer WHERE snapshot_id = " + CURRENT
                            + " AND region_id = 1 AND r_score = ? AND f_score = ?", (short) cell.r(), (short) cell.f()));
        }
    }

    @Test
    @WithUserDetails("exec")
    void executivesMatrixCoversAllRegionsAndTheFilterNarrowsIt() throws SQLException {
        assertThat(rfm.matrix(Set.of()).customers())
                .isEqualTo(superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = " + CURRENT));
        assertThat(rfm.matrix(Set.of(SOUTH)).customers()).isEqualTo(customersOf(SOUTH)).isPositive();
        assertThat(rfm.regions()).extracting(RegionOption::name)
                .containsExactly("North", "South", "East", "West", "Central");
    }

    @Test
    @WithUserDetails("north")
    void aRegionFilterCannotWidenTheScope() {
        assertThat(rfm.matrix(Set.of(SOUTH)).customers()).isZero();
        assertThat(rfm.segments(Set.of(SOUTH)).customers()).isZero();
        assertThat(rfm.regions()).containsExactly(new RegionOption(NORTH, "North"));
    }

    @Test
    @WithUserDetails("north")
    void cellCustomersArePagedWithoutGapsOrOverlapAndAllInNorth() throws SQLException {
        RfmMatrix matrix = rfm.matrix(Set.of());
        RfmMatrix.Cell largest = matrix.cells().stream().max((a, b) -> Long.compare(a.customers(), b.customers()))
                .orElseThrow();
        List<CellCustomer> all = new ArrayList<>();
        for (int offset = 0; offset < largest.customers(); offset += 50) {
            all.addAll(rfm.cellCustomers(largest.r(), largest.f(), Set.of(), CustomerOrder.BY_MONETARY, offset, 50));
        }
        assertThat(all).hasSize((int) largest.customers());
        assertThat(all.stream().map(CellCustomer::customerId).distinct()).hasSize(all.size());
        assertThat(all).extracting(CellCustomer::region).containsOnly("North");
        assertThat(all).allSatisfy(c -> assertThat(c.name()).isNotBlank());
        assertThat(ids(all.stream().map(CellCustomer::customerId).toList()))
                .isSubsetOf(superuserIds("SELECT customer_id FROM snap_customer WHERE snapshot_id = " + CURRENT
                        + " AND region_id = 1"));
    }

    @Test
    @WithUserDetails("north")
    void cellCustomersFollowTheChosenOrderAcrossPages() {
        RfmMatrix.Cell largest = rfm.matrix(Set.of()).cells().stream()
                .max((a, b) -> Long.compare(a.customers(), b.customers())).orElseThrow();
        CustomerOrder byRecency = new CustomerOrder(CustomerOrder.Column.RECENCY, false);
        List<CellCustomer> all = new ArrayList<>();
        for (int offset = 0; offset < largest.customers(); offset += 20) {
            all.addAll(rfm.cellCustomers(largest.r(), largest.f(), Set.of(), byRecency, offset, 20));
        }
        assertThat(all).hasSize((int) largest.customers());
        assertThat(all).extracting(CellCustomer::recencyDays).isSorted();
        assertThat(all.stream().map(CellCustomer::customerId).distinct()).hasSize(all.size());
        List<CellCustomer> byMonetary = rfm.cellCustomers(largest.r(), largest.f(), Set.of(), CustomerOrder.BY_MONETARY,
                0, (int) largest.customers());
        assertThat(byMonetary).extracting(CellCustomer::monetary)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    @WithUserDetails("north")
    void aSegmentsCustomersAndTheirExportAreExactlyNorthsCustomersOfThatSegment() throws SQLException {
        for (String segment : List.of("Champions", "At Risk", "Can't Lose Them")) {
            Set<Long> expected = superuserIds("SELECT customer_id FROM snap_customer WHERE snapshot_id = " + CURRENT
                    + " AND region_id = 1 AND segment = '" + segment.replace("'", "''") + "'");
            List<CellCustomer> listed = rfm.segmentCustomers(segment, Set.of(), CustomerOrder.BY_MONETARY, 0, 100_000);
            assertThat(ids(listed.stream().map(CellCustomer::customerId).toList())).as(segment).isEqualTo(expected);
            assertThat(listed).extracting(CellCustomer::segment).containsOnly(segment);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            rfm.exportSegmentCustomers(segment, Set.of(), CustomerOrder.BY_MONETARY, out);
            assertThat(out.toString(StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> Long.parseLong(line.substring(0, line.indexOf(',')))).collect(
                            java.util.stream.Collectors.toSet())).as(segment).isEqualTo(expected);
        }
    }

    @Test
    @WithUserDetails("north")
    void aSegmentsProfileCountsOnlyNorthsCustomers() throws SQLException {
        SegmentProfile profile = rfm.segmentProfile("Champions", Set.of());
        assertThat(profile.customers()).isEqualTo(superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = "
                + CURRENT + " AND region_id = 1 AND segment = 'Champions'")).isPositive();
        for (int score = 1; score <= 5; score++) {
            for (String column : List.of("r_score", "f_score", "m_score")) {
                List<Long> counts = switch (column) {
                    case "r_score" -> profile.byRScore();
                    case "f_score" -> profile.byFScore();
                    default -> profile.byMScore();
                };
                assertThat(counts.get(score - 1)).as("%s = %d", column, score).isEqualTo(superuserLong(
                        "SELECT count(*) FROM snap_customer WHERE snapshot_id = " + CURRENT + " AND region_id = 1 "
                                + "AND segment = 'Champions' AND " + column + " = ?", (short) score));
            }
        }
        assertThat(profile.topCountries()).isNotEmpty().allSatisfy(country -> {
            try {
                assertThat(country.customers()).isEqualTo(superuserLong("SELECT count(*) FROM snap_customer s JOIN "
                        + "dim_customer c USING (customer_id) WHERE s.snapshot_id = " + CURRENT + " AND s.region_id = 1 "
                        + "AND s.segment = 'Champions' AND c.country = ?", country.country()));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * The profile's top products and how many of the segment's customers bought each equal a count over the lines,
     * from the buyers the refresh stored (V33) and, for a snapshot without them, counted from the warehouse.
     */
    @Test
    @WithUserDetails("exec")
    void aProfilesTopProductsAndTheirBuyersEqualTheLinesWithAndWithoutStoredBuyers() throws SQLException {
        assertTopProducts("At Risk", Set.of((short) 1, (short) 4), "1, 4");
        assertTopProducts("Champions", Set.of(), "1, 2, 3, 4, 5");
        try (Connection owner = connectAs("postgres");
             Statement sql = owner.createStatement()) {
            owner.setAutoCommit(false);
            sql.execute("CREATE TEMPORARY TABLE saved AS SELECT snapshot_id, segment, region_id, buyers "
                    + "FROM snap_segment_product_totals WHERE snapshot_id = " + CURRENT);
            sql.execute("UPDATE snap_segment_product_totals SET buyers = NULL WHERE snapshot_id = " + CURRENT);
            owner.commit();
            try {
                assertTopProducts("At Risk", Set.of((short) 1, (short) 4), "1, 4");
            } finally {
                sql.execute("UPDATE snap_segment_product_totals t SET buyers = s.buyers FROM saved s WHERE "
                        + "t.snapshot_id = s.snapshot_id AND t.segment = s.segment AND t.region_id = s.region_id");
                owner.commit();
            }
        }
    }

    @Autowired
    RfmQueries queries;

    /**
     * The segment table adds up the sums the refresh stored per region and segment (V39): the same customers,
     * revenue and means as counting the scope's customers of the snapshot, with and without a region filter.
     */
    @Test
    @WithUserDetails("exec")
    void theSegmentTablesStoredSumsEqualTheCountsOverTheCustomers() throws SQLException {
        assertThat(superuserLong("SELECT count(*) FROM snap_segment_summary WHERE snapshot_id = " + CURRENT
                + " AND clv_count IS NULL")).isZero();
        assertStoredSegmentsEqualCounted(Set.of(), Set.of(NORTH, (short) 4), Set.of(SOUTH));
    }

    @Test
    @WithUserDetails("north")
    void northsSegmentTableSumsOnlyNorthsStoredRows() throws SQLException {
        assertStoredSegmentsEqualCounted(Set.of());
        assertThat(queries.segments(superuserLong(CURRENT), Set.of(SOUTH))).isEmpty();
    }

    @SafeVarargs
    private void assertStoredSegmentsEqualCounted(Set<Short>... filters) throws SQLException {
        long current = superuserLong(CURRENT);
        for (Set<Short> regions : filters) {
            var stored = queries.segments(current, regions);
            var counted = queries.countedSegments(current, regions);
            assertThat(stored).as("%s", regions).isNotEmpty();
            assertThat(stored.keySet()).as("%s", regions).isEqualTo(counted.keySet());
            stored.forEach((segment, s) -> {
                var c = counted.get(segment);
                String what = segment + " in " + regions;
                assertThat(s.customers()).as(what).isEqualTo(c.customers());
                assertThat(s.revenue()).as(what).isEqualByComparingTo(c.revenue());
                assertThat(s.meanRecencyDays()).as(what).isCloseTo(c.meanRecencyDays(),
                        org.assertj.core.data.Offset.offset(1e-9));
                assertThat(s.meanFrequency()).as(what).isCloseTo(c.meanFrequency(),
                        org.assertj.core.data.Offset.offset(1e-9));
                if (c.meanClv() == null) {
                    assertThat(s.meanClv()).as(what).isNull();
                } else {
                    assertThat(s.meanClv()).as(what).isCloseTo(c.meanClv(),
                            org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, Math.abs(c.meanClv()))));
                }
            });
        }
    }

    /**
     * The score spreads and countries the refresh stored with the summary (V39) are what the profile shows, and they
     * equal the counts over the snapshot's customers, which the profile makes for a snapshot without them.
     */
    @Test
    @WithUserDetails("exec")
    void aProfilesStoredSpreadsAndCountriesEqualTheCountsOverTheCustomers() throws SQLException {
        assertThat(superuserLong("SELECT count(*) FROM snap_segment_summary WHERE snapshot_id = " + CURRENT
                + " AND (r_scores IS NULL OR countries IS NULL)")).isZero();
        List<Set<Short>> filters = List.of(Set.of(), Set.of((short) 1, (short) 4));
        List<String> segments = List.of("Champions", "At Risk", "Hibernating");
        List<SegmentProfile> stored = new java.util.ArrayList<>();
        for (String segment : segments) {
            for (Set<Short> regions : filters) {
                stored.add(rfm.segmentProfile(segment, regions));
            }
        }
        try (Connection owner = connectAs("postgres");
             Statement sql = owner.createStatement()) {
            owner.setAutoCommit(false);
            sql.execute("CREATE TEMPORARY TABLE saved_scores AS SELECT snapshot_id, segment, region_id, r_scores "
                    + "FROM snap_segment_summary WHERE snapshot_id = " + CURRENT);
            sql.execute("UPDATE snap_segment_summary SET r_scores = NULL WHERE snapshot_id = " + CURRENT);
            owner.commit();
            try {
                int i = 0;
                for (String segment : segments) {
                    for (Set<Short> regions : filters) {
                        SegmentProfile counted = rfm.segmentProfile(segment, regions);
                        assertThat(stored.get(i++)).as("%s in %s", segment, regions).isEqualTo(counted);
                    }
                }
            } finally {
                sql.execute("UPDATE snap_segment_summary t SET r_scores = s.r_scores FROM saved_scores s WHERE "
                        + "t.snapshot_id = s.snapshot_id AND t.segment = s.segment AND t.region_id = s.region_id");
                owner.commit();
            }
        }
    }

    @Test
    @WithUserDetails("exec")
    void theExecutivesCustomerDetailTakesTheStoredScoreRanges() throws Exception {
        assertStoredScoreRangesEqualCounts("true");
    }

    @Test
    @WithUserDetails("north")
    void northsCustomerDetailTakesNorthsStoredScoreRanges() throws Exception {
        assertStoredScoreRangesEqualCounts("region_id = 1");
    }

    /**
     * What the customer's scores cover (V44, stored per region) equals the counts over the snapshot's customers in
     * the reader's scope, which the detail makes without them (the stored rows set aside and put back after).
     */
    private void assertStoredScoreRangesEqualCounts(String scope) throws Exception {
        assertThat(superuserLong("SELECT count(DISTINCT region_id) FROM snap_score_range WHERE snapshot_id = "
                + CURRENT)).isEqualTo(superuserLong("SELECT count(*) FROM dim_region"));
        List<Long> customers = new ArrayList<>();
        for (String order : List.of("monetary DESC", "monetary", "recency_days", "frequency DESC")) {
            customers.add(superuserLong("SELECT customer_id FROM snap_customer WHERE snapshot_id = " + CURRENT
                    + " AND " + scope + " ORDER BY " + order + ", customer_id LIMIT 1"));
        }
        List<CustomerDetail> stored = customers.stream().map(c -> rfm.customer(c).orElseThrow()).toList();
        List<CustomerDetail> counted = new ArrayList<>();
        com.consumer360.support.TestDatabase.withCurrentRowsSetAside("snap_score_range",
                () -> customers.forEach(c -> counted.add(rfm.customer(c).orElseThrow())));
        assertThat(stored).isEqualTo(counted);
        assertThat(stored.getFirst().monetaryRange().customers()).isEqualTo(superuserLong("SELECT count(*) FROM "
                + "snap_customer WHERE snapshot_id = " + CURRENT + " AND " + scope + " AND m_score = ?",
                (short) stored.getFirst().mScore()));
    }

    private void assertTopProducts(String segment, Set<Short> regions, String regionList) throws SQLException {
        List<SegmentProfile.ProductRevenue> top = rfm.segmentProfile(segment, regions).topProducts();
        List<String> expected = new java.util.ArrayList<>();
        try (Connection owner = connectAs("postgres");
             ResultSet rows = owner.createStatement().executeQuery(
                     "SELECT p.product_code, count(DISTINCT f.customer_id), sum(f.quantity), sum(f.net_amount) "
                     + "FROM fact_sales f JOIN snap_customer s ON s.customer_id = f.customer_id "
                     + "JOIN dim_product p ON p.product_id = f.product_id "
                     + "WHERE s.snapshot_id = " + CURRENT + " AND s.segment = '" + segment + "' AND s.region_id IN ("
                     + regionList + ") GROUP BY p.product_id, p.product_code "
                     + "ORDER BY sum(f.net_amount) DESC, p.product_code LIMIT " + top.size())) {
            while (rows.next()) {
                expected.add(rows.getString(1) + "|" + rows.getLong(2) + "|" + rows.getLong(3) + "|"
                        + rows.getBigDecimal(4).setScale(2));
            }
        }
        assertThat(top).hasSizeGreaterThanOrEqualTo(3);
        assertThat(top.stream().map(p -> p.productCode() + "|" + p.customers() + "|" + p.units() + "|"
                + p.revenue().setScale(2)).toList()).as(segment).isEqualTo(expected);
    }

    @Test
    @WithUserDetails("north")
    void anotherRegionsCustomerIsNotFoundExactlyLikeANonExistentOne() throws SQLException {
        long south = superuserLong("SELECT min(customer_id) FROM snap_customer WHERE snapshot_id = " + CURRENT
                + " AND region_id = 2");
        long missing = superuserLong("SELECT max(customer_id) + 1000 FROM dim_customer");
        assertThat(rfm.customer(south)).isEmpty();
        assertThat(rfm.customer(missing)).isEmpty();
        long north = superuserLong("SELECT min(customer_id) FROM snap_customer WHERE snapshot_id = " + CURRENT
                + " AND region_id = 1");
        CustomerDetail detail = rfm.customer(north).orElseThrow();
        assertThat(detail.region()).isEqualTo("North");
        assertThat(detail.frequency()).isEqualTo((int) superuserLong(
                "SELECT frequency FROM snap_customer WHERE snapshot_id = " + CURRENT + " AND customer_id = ?", north));
        assertThat(detail.history()).isNotEmpty().anySatisfy(p -> assertThat(p.current()).isTrue());
        assertThat(detail.latestInvoices()).hasSize((int) Math.min(CustomerDetail.LATEST_INVOICES, superuserLong(
                "SELECT count(DISTINCT invoice_no) FROM fact_sales WHERE customer_id = ?", north)));
        for (CustomerInvoice invoice : detail.latestInvoices()) {
            assertThat(superuserLong("SELECT count(*) FROM fact_sales WHERE invoice_no = ? AND customer_id = ?",
                    invoice.invoiceNo(), north)).isEqualTo(invoice.lines());
        }
        // The score ranges are computed within North only.
        assertThat(detail.recencyRange().customers()).isEqualTo(superuserLong("SELECT count(*) FROM snap_customer "
                + "WHERE snapshot_id = " + CURRENT + " AND region_id = 1 AND r_score = ?", (short) detail.rScore()));
        assertThat(detail.recencyRange().min().intValue()).isLessThanOrEqualTo(detail.recencyDays());
        assertThat(detail.recencyRange().max().intValue()).isGreaterThanOrEqualTo(detail.recencyDays());
    }

    @Test
    @WithUserDetails("exec")
    void theSouthCustomerNorthCannotSeeExistsForTheExecutive() throws SQLException {
        long south = superuserLong("SELECT min(customer_id) FROM snap_customer WHERE snapshot_id = " + CURRENT
                + " AND region_id = 2");
        assertThat(rfm.customer(south)).hasValueSatisfying(c -> assertThat(c.region()).isEqualTo("South"));
    }

    @Test
    @WithUserDetails("north")
    void northsSegmentTableHasOnlyNorthsFigures() throws SQLException {
        SegmentOverview overview = rfm.segments(Set.of());
        assertThat(overview.rows()).hasSize(11);
        assertThat(overview.customers()).isEqualTo(customersOf(NORTH));
        for (SegmentOverview.Row row : overview.rows()) {
            assertThat(row.customers()).as(row.segment()).isEqualTo(superuserLong("SELECT count(*) FROM snap_customer "
                    + "WHERE snapshot_id = " + CURRENT + " AND region_id = 1 AND segment = ?", row.segment()));
            assertThat(cents(row.revenue())).as(row.segment()).isEqualTo(superuserLong("SELECT coalesce(round(sum("
                    + "monetary) * 100), 0) FROM snap_customer WHERE snapshot_id = " + CURRENT
                    + " AND region_id = 1 AND segment = ?", row.segment()));
        }
        assertThat(overview.rows().stream().mapToDouble(SegmentOverview.Row::customerShare).sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    @WithUserDetails("admin")
    void changeSincePreviousComparesWithThePreviousSnapshotAlsoWithinARegionFilter() throws Exception {
        ensureEarlierDay();
        long previous = superuserLong(PREVIOUS);
        assertThat(previous).as("a snapshot of an earlier day").isPositive();
        assertChanges(rfm.segments(Set.of()), previous, "");
        assertChanges(rfm.segments(Set.of(NORTH)), previous, " AND region_id = 1");
    }

    /** A refresh of unchanged data is not "the week before": changes skip snapshots of the current one's day. */
    @Test
    @WithUserDetails("admin")
    void aRefreshOfTheSameDayIsNotThePreviousSnapshot() throws Exception {
        ensureEarlierDay();
        long before = superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current");
        com.consumer360.refresh.TestRefresh.runNow(context, "RfmServiceTest");
        SegmentOverview overview = rfm.segments(Set.of());
        assertThat(superuserLong("SELECT count(*) FROM snapshot WHERE snapshot_id = ? AND as_of_date = "
                + "(SELECT as_of_date FROM snapshot WHERE is_current)", before)).as("the same day, re-run").isOne();
        assertThat(overview.previousAsOf()).isBefore(overview.asOf());
        assertChanges(overview, superuserLong(PREVIOUS), "");
    }

    @Test
    @WithUserDetails("north")
    void northsChangeSincePreviousCountsOnlyNorth() throws SQLException {
        SegmentOverview overview = rfm.segments(Set.of());
        if (superuserLong(PREVIOUS) == 0) {
            assertThat(overview.previousAsOf()).isNull();
            assertThat(overview.rows()).extracting(SegmentOverview.Row::customerChange).containsOnlyNulls();
        } else {
            assertChanges(overview, superuserLong(PREVIOUS), " AND region_id = 1");
        }
    }

    private static void assertChanges(SegmentOverview overview, long previous, String regions) throws SQLException {
        for (SegmentOverview.Row row : overview.rows()) {
            long before = superuserLong("SELECT coalesce(sum(customers), 0) FROM snap_segment_summary "
                    + "WHERE snapshot_id = ? AND segment = ?" + regions, previous, row.segment());
            assertThat(row.customerChange()).as(row.segment() + regions).isEqualTo(row.customers() - before);
        }
    }

    @Test
    @WithUserDetails("north")
    void northsExportsHoldOnlyNorthsCustomers() throws SQLException {
        Set<Long> exported = new HashSet<>();
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                rfm.exportCellCustomers(r, f, Set.of(), CustomerOrder.BY_MONETARY, out);
                List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
                assertThat(lines.getFirst()).startsWith("customer_id,name,region,");
                lines.stream().skip(1).forEach(line -> exported.add(Long.parseLong(line.substring(0, line.indexOf(',')))));
            }
        }
        assertThat(exported).isEqualTo(superuserIds("SELECT customer_id FROM snap_customer WHERE snapshot_id = "
                + CURRENT + " AND region_id = 1"));
        ByteArrayOutputStream segments = new ByteArrayOutputStream();
        rfm.exportSegments(Set.of(), segments);
        List<String> rows = segments.toString(StandardCharsets.UTF_8).lines().skip(1).toList();
        assertThat(rows).hasSize(11);
        assertThat(rows.stream().mapToLong(line -> Long.parseLong(line.split(",")[1])).sum())
                .isEqualTo(customersOf(NORTH));
    }

    /**
     * A snapshot of an earlier day than the current one's: other tests' refreshes are of the same day and, with the
     * retention, can leave none of the history weeks.
     */
    private void ensureEarlierDay() throws SQLException {
        if (superuserLong(PREVIOUS) == 0) {
            com.consumer360.refresh.TestRefresh.withHistory(context, "RfmServiceTest", 1);
        }
    }

    private static long customersOf(short region) throws SQLException {
        return superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = " + CURRENT + " AND region_id = ?",
                region);
    }

    private static long cents(BigDecimal value) {
        return value.movePointRight(2).longValueExact();
    }

    private static Set<Long> ids(List<Long> ids) {
        return new HashSet<>(ids);
    }

    private static Set<Long> superuserIds(String sql) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (Connection connection = connectAs("postgres");
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                ids.add(result.getLong(1));
            }
        }
        return ids;
    }
}
