package com.consumer360.sales;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.sales.ProductRankings.ProductSales;
import com.consumer360.sales.SalesOverview.MonthlySales;
import com.consumer360.sales.SalesOverview.RegionSales;
import com.consumer360.support.PortalIntegration;
import com.consumer360.support.TestDatabase;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Every count, unit and ranking of the sales overview equals the same figure computed the slow, obvious way over
 * fact_sales lines as superuser ({@code count(DISTINCT ...)}, {@code ORDER BY ... LIMIT 10}): the overview reads
 * the distinct counts from fact_invoice and ranks products from one pass, for speed (issue 20, docs/performance.md).
 */
@PortalIntegration
class SalesCountsTest {

    private static final String MONTHS = "SELECT to_char(invoice_ts, 'YYYY-MM'), round(sum(net_amount) * 100), "
            + "sum(quantity), count(DISTINCT invoice_no) FROM fact_sales WHERE %s GROUP BY 1 ORDER BY 1";
    private static final String REGIONS = "SELECT r.name, round(sum(net_amount) * 100), count(DISTINCT customer_id), "
            + "count(DISTINCT invoice_no) FROM fact_sales f JOIN dim_region r USING (region_id) WHERE %s "
            + "GROUP BY r.region_id, r.name ORDER BY r.region_id";
    private static final String TOP = "SELECT p.product_code, round(sum(net_amount) * 100), sum(quantity) "
            + "FROM fact_sales f JOIN dim_product p USING (product_id) WHERE %s GROUP BY p.product_id "
            + "ORDER BY %s DESC, p.product_code LIMIT 10";

    @Autowired
    SalesService sales;

    @Test
    @WithUserDetails("north")
    void northsWholeScopeEqualsCountsOverItsLines() throws Exception {
        assertEqualsLines(sales.overview(), sales.topProducts(SalesFilter.ALL), "region_id = 1");
    }

    @Test
    @WithUserDetails("exec")
    void aDateRangeAndTwoRegionsEqualCountsOverTheirLines() throws Exception {
        LocalDate latest = LocalDate.of(2000, 1, 1).plusDays(TestDatabase.superuserLong(
                "SELECT max(invoice_ts)::date - date '2000-01-01' FROM fact_sales"));
        LocalDate from = latest.minusMonths(5).withDayOfMonth(3);
        LocalDate to = latest.minusMonths(1).withDayOfMonth(17);
        SalesFilter filter = new SalesFilter(from, to, Set.of((short) 2, (short) 5));
        SalesOverview overview = sales.overview(filter);
        assertEqualsLines(overview, sales.topProducts(filter), "region_id IN (2, 5) AND invoice_ts >= date '" + from + "' AND invoice_ts < date '"
                + to.plusDays(1) + "'");
        assertThat(overview.salesThrough()).isEqualTo(LocalDate.of(2000, 1, 1).plusDays(TestDatabase.superuserLong(
                "SELECT max(invoice_ts)::date - date '2000-01-01' FROM fact_sales WHERE region_id IN (2, 5) "
                        + "AND invoice_ts < ?", Date.valueOf(to.plusDays(1)))));
    }

    static void assertEqualsLines(SalesOverview overview, ProductRankings products, String where)
            throws SQLException {
        assertThat(overview.byMonth()).isNotEmpty();
        assertThat(overview.byMonth().stream().map(SalesCountsTest::row).toList())
                .isEqualTo(rows(MONTHS.formatted(where)));
        assertThat(overview.byRegion().stream().map(SalesCountsTest::row).toList())
                .isEqualTo(rows(REGIONS.formatted(where)));
        assertThat(products.topByRevenue().stream().map(SalesCountsTest::row).toList())
                .isEqualTo(rows(TOP.formatted(where, "sum(net_amount)")));
        assertThat(products.topByUnits().stream().map(SalesCountsTest::row).toList())
                .isEqualTo(rows(TOP.formatted(where, "sum(quantity)")));
    }

    private static String row(MonthlySales m) {
        return m.month() + "|" + m.netRevenue().movePointRight(2).toBigInteger() + "|" + m.units() + "|" + m.invoices();
    }

    private static String row(RegionSales r) {
        return r.region() + "|" + r.netRevenue().movePointRight(2).toBigInteger() + "|" + r.customers() + "|"
                + r.invoices();
    }

    private static String row(ProductSales p) {
        return p.productCode() + "|" + p.netRevenue().movePointRight(2).toBigInteger() + "|" + p.units();
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = TestDatabase.connectAs("postgres");
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(result.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}
