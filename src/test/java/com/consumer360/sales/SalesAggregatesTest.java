package com.consumer360.sales;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.support.PortalIntegration;
import com.consumer360.support.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import com.consumer360.refresh.TestRefresh;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The refresh's Sales sums (migration V32, {@link SalesAggregates}): while they are current the page reads them,
 * and every figure still equals the same figure computed over fact_sales lines as superuser (SalesCountsTest's
 * queries), for whole months, months the filter only partly covers, region filters and each user's scope; once a
 * statement changes fact_sales they are no longer read, and the figures still equal the lines.
 */
@PortalIntegration
class SalesAggregatesTest {

    @Autowired
    SalesService sales;
    @Autowired
    SalesQueries queries;
    @Autowired
    SalesAggregates aggregates;
    @Autowired
    ApplicationContext context;

    @Test
    @WithUserDetails("north")
    void northReadsOnlyItsRegionsSums() throws Exception {
        build();
        assertThat(queries.coverage()).isNotNull();
        SalesCountsTest.assertEqualsLines(sales.overview(), sales.topProducts(SalesFilter.ALL), "region_id = 1");
        // Another region's filter shows nothing: its sums are outside north's scope.
        SalesFilter south = new SalesFilter(null, null, Set.of((short) 2));
        assertThat(sales.overview(south).byMonth()).isEmpty();
        assertThat(sales.overview(south).byRegion()).isEmpty();
        assertThat(sales.topProducts(south).topByRevenue()).isEmpty();
        try (Connection north = TestDatabase.connectAs("c360_app")) {
            TestDatabase.bindScope(north, "1");
            for (String table : new String[] {"agg_sales_day", "agg_sales_month_product", "agg_sales_region_customers",
                    "agg_sales_customer_days"}) {
                assertThat(TestDatabase.count(north, table + " WHERE region_id <> 1")).as(table).isZero();
                assertThat(TestDatabase.count(north, table)).as(table).isPositive();
            }
        }
    }

    @Test
    @WithUserDetails("exec")
    void wholeAndPartMonthsAndRegionsEqualTheLines() throws Exception {
        build();
        assertThat(queries.coverage()).isNotNull();
        assertAllFilters();
    }

    @Test
    @WithUserDetails("exec")
    void afterAChangeToTheLinesTheSumsAreNotReadAndTheFiguresStillEqualTheLines() throws Exception {
        build();
        try (Connection owner = TestDatabase.connectAs("postgres"); Statement statement = owner.createStatement()) {
            owner.setAutoCommit(false);
            long before = version(statement);
            // A statement that changes no line still moves the version on: the trigger is per statement.
            statement.executeUpdate("DELETE FROM fact_sales WHERE false");
            assertThat(version(statement)).isEqualTo(before + 1);
            owner.commit();
        }
        assertThat(queries.coverage()).isNull();
        assertAllFilters();
        // The next refresh writes them again, once its snapshot is current.
        TestRefresh.runNow(context, "SalesAggregatesTest");
        assertThat(queries.coverage()).isNotNull();
        assertAllFilters();
    }

    @Test
    @WithUserDetails("exec")
    void sumsWrittenWithoutTheCustomerDaysAreReadWithoutThem() throws Exception {
        // As after migration V51 until the next refresh, or when a node of the version before writes the sums: the
        // state says the per-day customer counts were not written with them, and the page counts the invoices.
        build();
        try (Connection owner = TestDatabase.connectAs("postgres"); Statement statement = owner.createStatement()) {
            statement.executeUpdate("UPDATE agg_sales_state SET customer_days = FALSE");
            statement.executeUpdate("DELETE FROM agg_sales_customer_days");
        }
        assertThat(queries.coverage()).isNotNull();
        assertThat(queries.coverage().customerDays()).isFalse();
        assertAllFilters();
        build();
        assertThat(queries.coverage().customerDays()).isTrue();
    }

    private void assertAllFilters() throws Exception {
        SalesCountsTest.assertEqualsLines(sales.overview(), sales.topProducts(SalesFilter.ALL), "true");
        LocalDate latest = LocalDate.of(2000, 1, 1).plusDays(TestDatabase.superuserLong(
                "SELECT max(invoice_ts)::date - date '2000-01-01' FROM fact_sales"));
        // Months cut at both ends, two regions.
        LocalDate from = latest.minusMonths(5).withDayOfMonth(3);
        LocalDate to = latest.minusMonths(1).withDayOfMonth(17);
        SalesFilter filter = new SalesFilter(from, to, Set.of((short) 2, (short) 5));
        SalesCountsTest.assertEqualsLines(sales.overview(filter), sales.topProducts(filter),
                "region_id IN (2, 5) AND " + days(from, to));
        // Few days of the months at both ends: those days' lines (above, the months' sums less the other days').
        LocalDate lateStart = latest.minusMonths(4).withDayOfMonth(25);
        LocalDate earlyEnd = latest.minusMonths(2).withDayOfMonth(4);
        SalesFilter edges = new SalesFilter(lateStart, earlyEnd, Set.of());
        SalesCountsTest.assertEqualsLines(sales.overview(edges), sales.topProducts(edges), days(lateStart, earlyEnd));
        // The last three months up to the latest sale (the Sales page's preset): the last month is whole up to it.
        SalesFilter quarter = new SalesFilter(latest.minusMonths(3), latest, Set.of());
        SalesCountsTest.assertEqualsLines(sales.overview(quarter), sales.topProducts(quarter),
                days(latest.minusMonths(3), latest));
        // Ranges open at one end (customers from the first / last invoice days, V51): from the first sale up to a
        // day, two regions; from a day on with no end.
        LocalDate upTo = latest.minusMonths(2).withDayOfMonth(10);
        SalesFilter early = new SalesFilter(null, upTo, Set.of((short) 1, (short) 4));
        SalesCountsTest.assertEqualsLines(sales.overview(early), sales.topProducts(early),
                "region_id IN (1, 4) AND invoice_ts < date '" + upTo.plusDays(1) + "'");
        LocalDate since = latest.minusDays(40);
        SalesFilter recent = new SalesFilter(since, null, Set.of());
        SalesCountsTest.assertEqualsLines(sales.overview(recent), sales.topProducts(recent),
                "invoice_ts >= date '" + since + "'");
        // Whole calendar months only.
        LocalDate first = latest.minusMonths(4).withDayOfMonth(1);
        LocalDate last = latest.minusMonths(2).withDayOfMonth(1).minusDays(1);
        SalesFilter months = new SalesFilter(first, last, Set.of((short) 3));
        SalesCountsTest.assertEqualsLines(sales.overview(months), sales.topProducts(months),
                "region_id = 3 AND " + days(first, last));
    }

    private static String days(LocalDate from, LocalDate to) {
        return "invoice_ts >= date '" + from + "' AND invoice_ts < date '" + to.plusDays(1) + "'";
    }

    private static long version(Statement statement) throws Exception {
        try (var result = statement.executeQuery("SELECT version FROM warehouse_version")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Writes the sums as the refresh does: in a REPEATABLE READ transaction with every region in scope. */
    private void build() throws Exception {
        try (Connection connection = TestDatabase.connectAs("c360_app")) {
            TestDatabase.bindScope(connection, TestDatabase.superuserText(
                    "SELECT string_agg(region_id::TEXT, ',') FROM dim_region"));
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            assertThat(aggregates.extend(connection, 0, LocalDate.now())).isNull();
            connection.commit();
        }
    }
}
