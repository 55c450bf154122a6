package com.consumer360.cohorts;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.cohorts.RetentionMatrix.CohortRow;
import com.consumer360.cohorts.RetentionMatrix.RetentionCell;
import com.consumer360.export.ExportFormat;
import com.consumer360.support.PortalIntegration;
import com.consumer360.warehouse.CellCustomer;
import com.consumer360.warehouse.CustomerOrder;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The cohorts page's figures equal an independent computation over fact_sales' lines (CohortSql, as the
 * superuser), for a manager's region and for all regions, narrowed by region, country and cohort months.
 */
@PortalIntegration
class CohortServiceTest {

    static final Short[] ALL = {1, 2, 3, 4, 5};
    static final Short[] NORTH = {1};

    @Autowired
    CohortService cohorts;

    @Test
    void refusesAnonymousCallers() {
        assertThatThrownBy(() -> cohorts.matrix(CohortFilter.ALL))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    @WithUserDetails("north")
    void northsCohortsAreMadeOfNorthsCustomersOnly() throws SQLException {
        RetentionMatrix matrix = cohorts.matrix(CohortFilter.ALL);
        assertMatches(matrix, CohortSql.cells(NORTH, null));
        assertThat(matrix.customers()).isEqualTo(superuserLong("SELECT count(DISTINCT customer_id) FROM fact_sales "
                + "WHERE region_id = 1 AND net_amount > 0 AND NOT is_cancellation AND customer_id IS NOT NULL"));
    }

    @Test
    @WithUserDetails("exec")
    void theExecutivesCohortsCoverAllRegionsAndNarrowToOneRegion() throws SQLException {
        assertMatches(cohorts.matrix(CohortFilter.ALL), CohortSql.cells(ALL, null));
        assertMatches(cohorts.matrix(CohortFilter.ALL.withRegion((short) 2)), CohortSql.cells(new Short[] {2}, null));
    }

    /**
     * With a country or a segment the matrix and the segment curves come from the sums per region, country and
     * segment the refresh stored (V41); they equal the sums over the customer rows, which the page uses without
     * them (the stored rows set aside for the second reading and put back after).
     */
    @Test
    @WithUserDetails("exec")
    void theStoredCohortGroupsGiveTheSumsOverTheCustomerRows() throws SQLException {
        String current = "(SELECT snapshot_id FROM snapshot WHERE is_current)";
        assertThat(superuserLong("SELECT count(*) FROM snap_cohort_group WHERE snapshot_id = " + current))
                .isPositive();
        String country = cohorts.countries(null).getFirst();
        String northern = cohorts.countries((short) 1).getLast();
        java.util.function.Supplier<List<Object>> read = () -> List.of(
                cohorts.matrix(new CohortFilter(null, null, country, null)),
                cohorts.matrix(new CohortFilter(null, null, northern, (short) 1)),
                cohorts.segmentCurve(CohortFilter.ALL, "Champions", false),
                cohorts.segmentCurve(CohortFilter.ALL, "At Risk", true),
                cohorts.segmentCurve(new CohortFilter(null, null, country, null), "Hibernating", false),
                cohorts.segmentCurve(CohortFilter.ALL.withRegion((short) 2), "Lost", true));
        List<Object> stored = read.get();
        List<Object> summed;
        try (java.sql.Connection owner = com.consumer360.support.TestDatabase.connectAs("postgres");
             java.sql.Statement sql = owner.createStatement()) {
            sql.execute("CREATE TABLE set_aside_cohorts AS SELECT * FROM snap_cohort_group WHERE snapshot_id = "
                    + current);
            sql.execute("DELETE FROM snap_cohort_group WHERE snapshot_id = " + current);
            try {
                summed = read.get();
            } finally {
                sql.execute("INSERT INTO snap_cohort_group SELECT * FROM set_aside_cohorts");
                sql.execute("DROP TABLE set_aside_cohorts");
            }
        }
        assertThat(stored).isEqualTo(summed);
    }

    @Test
    @WithUserDetails("exec")
    void aCountryFilterComputesTheCohortsOverThatCountrysCustomers() throws SQLException {
        String country = cohorts.countries(null).getFirst();
        assertMatches(cohorts.matrix(new CohortFilter(null, null, country, null)), CohortSql.cells(ALL, country));
    }

    @Test
    void theCustomerRowsAddUpToTheStoredMatrixInEverySnapshotAndRegion() throws SQLException {
        assertThat(superuserLong("SELECT count(*) FROM snap_cohort_customer")).isPositive();
        assertThat(superuserLong("SELECT count(*) FROM snap_cohort m FULL JOIN ("
                + "SELECT snapshot_id, region_id, cohort_month, r.period, count(*) FILTER (WHERE r.period = ANY "
                + "(active_periods)) AS customers, sum(r.cents) / 100.0 AS revenue FROM snap_cohort_customer, "
                + "unnest(revenue_periods, revenue_cents) AS r(period, cents) GROUP BY 1, 2, 3, 4) c "
                + "USING (snapshot_id, region_id, cohort_month, period) "
                + "WHERE coalesce(m.customers, 0) <> coalesce(c.customers, 0) "
                + "OR coalesce(m.revenue, 0) <> coalesce(c.revenue, 0) "
                + "OR (c.customers > 0 AND m.snapshot_id IS NULL)")).isZero();
        assertThat(superuserLong("SELECT count(*) FROM snap_cohort_customer WHERE NOT active_periods <@ "
                + "revenue_periods OR active_periods[1] <> 0")).as("purchase months have activity, month 0 first")
                .isZero();
    }

    @Test
    @WithUserDetails("exec")
    void theMonthRangeKeepsOnlyThoseCohortsWithTheirFiguresUnchanged() {
        RetentionMatrix all = cohorts.matrix(CohortFilter.ALL);
        YearMonth from = all.rows().get(2).cohort();
        YearMonth to = all.rows().get(5).cohort();
        RetentionMatrix some = cohorts.matrix(new CohortFilter(from, to, null, null));
        assertThat(some.rows()).extracting(CohortRow::cohort).containsExactly(from, from.plusMonths(1),
                from.plusMonths(2), to);
        assertThat(some.rows()).containsExactlyElementsOf(all.rows().subList(2, 6));
    }

    @Test
    @WithUserDetails("north")
    void aCellsCustomersAreExactlyTheCohortsCustomersActiveThatMonth() throws SQLException {
        RetentionMatrix matrix = cohorts.matrix(CohortFilter.ALL);
        RetentionCell cell = matrix.rows().get(1).cells().get(1);
        assertThat(cell.customers()).isPositive();
        List<CellCustomer> listed = cohorts.cellCustomers(CohortFilter.ALL, cell.cohort(), 1,
                CustomerOrder.BY_MONETARY, 0, 100_000);
        assertThat(listed.stream().map(CellCustomer::customerId).collect(Collectors.toSet()))
                .isEqualTo(CohortSql.cellCustomers(NORTH, cell.cohort(), 1)).hasSize((int) cell.customers());
        assertThat(listed).extracting(CellCustomer::region).containsOnly("North");
        assertThat(listed).extracting(CellCustomer::monetary).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        cohorts.exportCellCustomers(CohortFilter.ALL, cell.cohort(), 1, CustomerOrder.BY_MONETARY, ExportFormat.CSV,
                csv);
        assertThat(csv.toString(StandardCharsets.UTF_8).lines().skip(1)
                .map(line -> Long.parseLong(line.substring(0, line.indexOf(',')))).toList())
                .containsExactlyElementsOf(listed.stream().map(CellCustomer::customerId).toList());
    }

    @Test
    @WithUserDetails("exec")
    void theMatrixExportHoldsEveryCellAsShown() {
        RetentionMatrix matrix = cohorts.matrix(CohortFilter.ALL);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        cohorts.exportMatrix(CohortFilter.ALL, ExportFormat.CSV, csv);
        List<String> lines = csv.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst()).isEqualTo("cohort_month,cohort_size,period,month,active_customers,"
                + "customer_retention,revenue,revenue_retention");
        assertThat(lines).hasSize(1 + matrix.rows().stream().mapToInt(r -> r.cells().size()).sum());
        RetentionCell first = matrix.rows().getFirst().cells().get(1);
        assertThat(lines.get(2)).startsWith(first.cohort() + "," + matrix.rows().getFirst().size() + ",1,"
                + first.month() + "," + first.customers() + ",");
    }

    @Test
    @WithUserDetails("exec")
    void theAverageCurveWeighsCohortsBySizeAndSegmentCurvesStartAtOne() {
        RetentionMatrix matrix = cohorts.matrix(CohortFilter.ALL);
        RetentionCurve average = matrix.averageCurve("All", false);
        assertThat(average.values()).hasSize(matrix.maxPeriod() + 1);
        assertThat(average.values().getFirst()).isEqualTo(1.0);
        // Period 1 from the cohorts' complete months only; the demo data ends before its last month does.
        assertThat(matrix.partialMonth()).isNotNull();
        long active = 0;
        long size = 0;
        for (CohortRow row : matrix.rows()) {
            if (row.cells().size() > 1 && !row.cells().get(1).month().equals(matrix.partialMonth())) {
                active += row.cells().get(1).customers();
                size += row.size();
            }
        }
        assertThat(average.values().get(1)).isCloseTo((double) active / size, Offset.offset(1e-12));
        // The last period is reached only in the month to date: no value rather than a drop.
        assertThat(average.values().getLast()).isNull();
        RetentionCurve champions = cohorts.segmentCurve(CohortFilter.ALL, "Champions", false);
        assertThat(champions.values().getFirst()).isEqualTo(1.0);
        assertThat(champions.values().get(1)).isGreaterThan(average.values().get(1));
        assertThatThrownBy(() -> cohorts.segmentCurve(CohortFilter.ALL, "Nobody", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown segment");
    }

    @Test
    @WithUserDetails("north")
    void aRegionOrCountryOutsideTheScopeIsRefusedWithAMessage() throws SQLException {
        assertThat(cohorts.regions()).extracting(r -> r.name()).containsExactly("North");
        assertThatThrownBy(() -> cohorts.matrix(CohortFilter.ALL.withRegion((short) 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("No region 2 in your scope.");
        String southOnly = superuserString("SELECT min(country) FROM dim_customer WHERE region_id = 2 AND country NOT IN "
                + "(SELECT country FROM dim_customer WHERE region_id = 1)");
        assertThatThrownBy(() -> cohorts.matrix(new CohortFilter(null, null, southOnly, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No customers from");
        assertThatThrownBy(() -> new CohortFilter(YearMonth.of(2025, 5), YearMonth.of(2025, 4), null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(cohorts.cellCustomers(CohortFilter.ALL, YearMonth.of(1990, 1), 0, CustomerOrder.BY_MONETARY, 0, 50))
                .isEmpty();
    }

    static String superuserString(String sql) throws SQLException {
        try (var connection = com.consumer360.support.TestDatabase.connectAs("postgres");
             var result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    /** Every non-empty cell equals SQL, and every cell SQL has is shown; sizes are period 0's customers. */
    static void assertMatches(RetentionMatrix matrix, Map<String, CohortSql.Cell> expected) {
        assertThat(matrix.rows()).isNotEmpty();
        Map<String, CohortSql.Cell> shown = new HashMap<>();
        for (CohortRow row : matrix.rows()) {
            assertThat(row.size()).as("size of %s", row.cohort()).isEqualTo(row.cells().getFirst().customers());
            for (RetentionCell cell : row.cells()) {
                if (cell.customers() > 0 || cell.revenue().signum() != 0) {
                    shown.put(CohortSql.key(cell.cohort(), cell.period()), new CohortSql.Cell(cell.customers(),
                            cell.revenue().setScale(2)));
                }
                assertThat(cell.retention()).isEqualTo((double) cell.customers() / row.size());
            }
        }
        Map<String, CohortSql.Cell> nonZero = new HashMap<>();
        expected.forEach((key, cell) -> {
            if (cell.customers() > 0 || cell.revenue().signum() != 0) {
                nonZero.put(key, new CohortSql.Cell(cell.customers(), cell.revenue().setScale(2)));
            }
        });
        assertThat(shown).isEqualTo(nonZero);
    }
}
