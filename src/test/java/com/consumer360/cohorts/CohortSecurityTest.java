package com.consumer360.cohorts;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.export.ExportFormat;
import com.consumer360.support.PortalIntegration;
import com.consumer360.warehouse.CellCustomer;
import com.consumer360.warehouse.CustomerOrder;
import com.consumer360.warehouse.RegionOption;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * A regional manager's cohorts page holds no row, name or figure of another region: the matrix, its export, every
 * cell's customers, the filter value lists and the segment curves equal what the superuser computes over the
 * manager's region alone; another region's manager sees nothing of North.
 */
@PortalIntegration
class CohortSecurityTest {

    private static final Short[] NORTH = {1};
    private static final Short[] SOUTH = {2};
    private static final String CURRENT = "(SELECT snapshot_id FROM snapshot WHERE is_current)";

    @Autowired
    CohortService cohorts;

    @Test
    @WithUserDetails("north")
    void northsFilterListsHoldOnlyNorth() throws SQLException {
        assertThat(cohorts.regions()).containsExactly(new RegionOption((short) 1, "North"));
        assertThat(new HashSet<>(cohorts.countries(null)))
                .isEqualTo(CohortSql.strings("SELECT DISTINCT country FROM dim_customer WHERE region_id = 1"));
        assertThat(cohorts.countries((short) 2)).isEmpty();
    }

    @Test
    @WithUserDetails("north")
    void everyCohortCustomerNorthCanListIsANorthCustomerAndAllOfThemAre() throws SQLException {
        RetentionMatrix matrix = cohorts.matrix(CohortFilter.ALL);
        Set<Long> listed = new HashSet<>();
        for (RetentionMatrix.CohortRow row : matrix.rows()) {
            List<CellCustomer> page = cohorts.cellCustomers(CohortFilter.ALL, row.cohort(), 0,
                    CustomerOrder.BY_MONETARY, 0, 100_000);
            assertThat(page).hasSize((int) row.size()).extracting(CellCustomer::region).containsOnly("North");
            page.forEach(c -> listed.add(c.customerId()));
        }
        assertThat(listed.stream().map(String::valueOf).collect(Collectors.toSet())).isEqualTo(CohortSql.strings(
                "SELECT DISTINCT customer_id FROM fact_sales WHERE region_id = 1 AND customer_id IS NOT NULL "
                        + "AND net_amount > 0 AND NOT is_cancellation"));
    }

    @Test
    @WithUserDetails("north")
    void northsMatrixExportHasNorthsFiguresOnly() throws SQLException {
        Map<String, CohortSql.Cell> north = CohortSql.cells(NORTH, null);
        for (ExportFormat format : ExportFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            cohorts.exportMatrix(CohortFilter.ALL, format, out);
            assertThat(out.size()).isPositive();
        }
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        cohorts.exportMatrix(CohortFilter.ALL, ExportFormat.CSV, csv);
        List<String> lines = csv.toString(StandardCharsets.UTF_8).lines().skip(1).toList();
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            String[] f = line.split(",", -1);
            CohortSql.Cell expected = north.get(CohortSql.key(YearMonth.parse(f[0]), Integer.parseInt(f[2])));
            long customers = Long.parseLong(f[4]);
            BigDecimal revenue = new BigDecimal(f[6]);
            if (expected == null) {
                assertThat(customers).as(line).isZero();
                assertThat(revenue.signum()).as(line).isZero();
            } else {
                assertThat(customers).as(line).isEqualTo(expected.customers());
                assertThat(revenue).as(line).isEqualByComparingTo(expected.revenue());
            }
            assertThat(Long.parseLong(f[1])).as(line)
                    .isEqualTo(north.get(CohortSql.key(YearMonth.parse(f[0]), 0)).customers());
        }
    }

    @Test
    @WithUserDetails("north")
    void northsSegmentCurveIsComputedOverNorthsCustomersOfTheSegment() throws SQLException {
        Map<String, CohortSql.Cell> champions = CohortSql.cells(NORTH, null, "Champions");
        RetentionCurve curve = cohorts.segmentCurve(CohortFilter.ALL, "Champions", false);
        RetentionMatrix matrix = cohorts.matrix(CohortFilter.ALL);
        long active = 0;
        long size = 0;
        for (RetentionMatrix.CohortRow row : matrix.rows()) {
            CohortSql.Cell month0 = champions.get(CohortSql.key(row.cohort(), 0));
            if (row.cells().size() > 1 && month0 != null) {
                CohortSql.Cell month1 = champions.get(CohortSql.key(row.cohort(), 1));
                active += month1 == null ? 0 : month1.customers();
                size += month0.customers();
            }
        }
        assertThat(size).isPositive();
        assertThat(curve.values().get(1)).isCloseTo((double) active / size, Offset.offset(1e-12));
    }

    @Test
    @WithUserDetails("south")
    void southSeesNothingOfNorth() throws SQLException {
        CohortServiceTest.assertMatches(cohorts.matrix(CohortFilter.ALL), CohortSql.cells(SOUTH, null));
        Set<String> northCustomers = CohortSql.strings("SELECT customer_id FROM dim_customer WHERE region_id = 1");
        RetentionMatrix matrix = cohorts.matrix(CohortFilter.ALL);
        for (RetentionMatrix.CohortRow row : matrix.rows().subList(0, 3)) {
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            cohorts.exportCellCustomers(CohortFilter.ALL, row.cohort(), 0, CustomerOrder.BY_MONETARY,
                    ExportFormat.CSV, csv);
            List<String> ids = csv.toString(StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> line.substring(0, line.indexOf(','))).toList();
            assertThat(ids).hasSize((int) row.size()).doesNotContainAnyElementsOf(northCustomers);
            assertThat(csv.toString(StandardCharsets.UTF_8)).doesNotContain(",North,");
        }
        Set<String> northOnly = CohortSql.strings("SELECT DISTINCT country FROM dim_customer WHERE region_id = 1 "
                + "EXCEPT SELECT country FROM dim_customer WHERE region_id = 2");
        assertThat(cohorts.countries(null)).doesNotContainAnyElementsOf(northOnly);
        assertThat(cohorts.regions()).extracting(RegionOption::name).containsExactly("South");
        assertThat(com.consumer360.support.TestDatabase.superuserLong("SELECT count(*) FROM snap_cohort_customer "
                + "WHERE snapshot_id = " + CURRENT + " AND region_id = 1")).as("North has rows to hide").isPositive();
    }
}
