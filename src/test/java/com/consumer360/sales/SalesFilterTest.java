package com.consumer360.sales;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.export.ExportFormat;
import com.consumer360.sales.SalesOverview.MonthlySales;
import com.consumer360.sales.SalesOverview.RegionSales;
import com.consumer360.support.PortalIntegration;
import com.consumer360.support.Spreadsheets;
import com.consumer360.warehouse.RegionOption;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The sales page's date range, region filter, month-to-date marking and exports, against sums over fact_sales as
 * superuser; a region outside the user's scope selects nothing.
 */
@PortalIntegration
class SalesFilterTest {

    @Autowired
    SalesService sales;

    @Test
    @WithUserDetails("exec")
    void dateRangeAndRegionsNarrowEveryFigure() throws Exception {
        LocalDate latest = LocalDate.of(2000, 1, 1).plusDays(superuserLong(
                "SELECT max(invoice_ts)::date - date '2000-01-01' FROM fact_sales"));
        LocalDate from = latest.minusMonths(3).withDayOfMonth(10);
        LocalDate to = latest.minusMonths(1).withDayOfMonth(20);
        SalesOverview overview = sales.overview(new SalesFilter(from, to, Set.of((short) 2, (short) 3)));
        long expected = superuserLong("SELECT round(sum(net_amount) * 100) FROM fact_sales WHERE region_id IN (2, 3)"
                + " AND invoice_ts >= ? AND invoice_ts < ?", Date.valueOf(from), Date.valueOf(to.plusDays(1)));
        assertThat(overview.byRegion()).extracting(RegionSales::region).containsExactly("South", "East");
        assertThat(cents(overview.byRegion().stream().map(RegionSales::netRevenue).toList())).isEqualTo(expected);
        assertThat(cents(overview.byMonth().stream().map(MonthlySales::netRevenue).toList())).isEqualTo(expected);
        assertThat(overview.byMonth()).hasSize(3);
        assertThat(overview.salesThrough()).isBeforeOrEqualTo(to);
        assertThat(overview.byMonth().getLast().monthToDate()).as("the range ends on the 20th").isTrue();
        assertThat(overview.byMonth().getFirst().monthToDate()).isFalse();
        assertThat(sales.regions()).extracting(RegionOption::name)
                .containsExactly("North", "South", "East", "West", "Central");
    }

    @Test
    @WithUserDetails("exec")
    void theCurrentMonthIsMarkedMonthToDateOnlyWhenTheDataEndsBeforeItsLastDay() throws Exception {
        List<MonthlySales> months = sales.overview().byMonth();
        long latestDay = superuserLong("SELECT extract(day FROM max(invoice_ts))::bigint FROM fact_sales");
        long daysInMonth = superuserLong("SELECT extract(day FROM date_trunc('month', max(invoice_ts)) "
                + "+ interval '1 month' - interval '1 day')::bigint FROM fact_sales");
        assertThat(months.getLast().monthToDate()).isEqualTo(latestDay < daysInMonth);
        assertThat(months.subList(0, months.size() - 1)).noneMatch(MonthlySales::monthToDate);
        LocalDate endOfFullMonth = months.get(months.size() - 2).month().atEndOfMonth();
        assertThat(sales.overview(new SalesFilter(null, endOfFullMonth, Set.of())).byMonth().getLast().monthToDate())
                .as("a range that ends on a month's last day").isFalse();
    }

    @Test
    @WithUserDetails("north")
    void northCannotWidenItsScopeWithTheRegionFilter() throws Exception {
        assertThat(sales.regions()).extracting(RegionOption::name).containsExactly("North");
        SalesFilter southOnly = new SalesFilter(null, null, Set.of((short) 2));
        SalesOverview south = sales.overview(southOnly);
        assertThat(south.byRegion()).isEmpty();
        assertThat(south.byMonth()).isEmpty();
        assertThat(sales.topProducts(southOnly).topByRevenue()).isEmpty();
        assertThat(sales.topProducts(southOnly).topByUnits()).isEmpty();
        assertThat(south.salesThrough()).isNull();
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        sales.exportByRegion(new SalesFilter(null, null, Set.of((short) 2, (short) 1)), ExportFormat.CSV, csv);
        List<String> lines = csv.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst()).isEqualTo("region,net_revenue,customers,invoices");
        long northCents = superuserLong("SELECT round(sum(net_amount) * 100) FROM fact_sales WHERE region_id = 1");
        assertThat(lines.get(1)).startsWith("North," + BigDecimal.valueOf(northCents, 2).toPlainString() + ",");
    }

    @Test
    @WithUserDetails("north")
    void theMonthlyExportHoldsTheChartsMonthsAndFlags() throws Exception {
        List<MonthlySales> months = sales.overview().byMonth();
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        sales.exportByMonth(SalesFilter.ALL, ExportFormat.XLSX, xlsx);
        List<List<Object>> rows = Spreadsheets.rows(xlsx.toByteArray());
        assertThat(rows.getFirst()).containsExactly("month", "net_revenue", "units", "invoices", "month_to_date");
        assertThat(rows).hasSize(months.size() + 1);
        assertThat(rows.getLast().get(0)).isEqualTo(months.getLast().month().toString());
        assertThat(rows.getLast().get(4)).isEqualTo(months.getLast().monthToDate() ? "yes" : "no");
    }

    @Test
    void aStartAfterTheEndIsRefused() {
        assertThatThrownBy(() -> new SalesFilter(LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 1), Set.of()))
                .hasMessage("The start date must not be after the end date");
    }

    private static long cents(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add).movePointRight(2).longValueExact();
    }
}
