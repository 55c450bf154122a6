package com.consumer360.sales;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.sales.SalesOverview.RegionSales;
import com.consumer360.support.PortalIntegration;
import java.math.BigDecimal;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithUserDetails;

/** The sales service answers only signed-in users, and only with their regions' figures. */
@PortalIntegration
class SalesServiceSecurityTest {

    @Autowired
    SalesService sales;

    @Test
    void refusesAnonymousCallers() {
        assertThatThrownBy(() -> sales.overview()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    @WithUserDetails("north")
    void northSeesOnlyNorthAndItsExactRevenue() throws SQLException {
        SalesOverview overview = sales.overview();
        assertThat(overview.byRegion()).extracting(RegionSales::region).containsExactly("North");
        long northCents = superuserLong("SELECT round(sum(net_amount) * 100) FROM fact_sales WHERE region_id = 1");
        assertThat(overview.byRegion().getFirst().netRevenue().movePointRight(2).longValueExact()).isEqualTo(northCents);
        BigDecimal monthly = overview.byMonth().stream().map(SalesOverview.MonthlySales::netRevenue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(monthly.movePointRight(2).longValueExact()).isEqualTo(northCents);
    }

    @Test
    @WithUserDetails("exec")
    void executiveSeesAllFiveRegions() throws SQLException {
        assertThat(sales.overview().byRegion()).extracting(RegionSales::region)
                .containsExactly("North", "South", "East", "West", "Central");
        long allCents = superuserLong("SELECT round(sum(net_amount) * 100) FROM fact_sales");
        assertThat(sales.overview().byRegion().stream().map(RegionSales::netRevenue)
                .reduce(BigDecimal.ZERO, BigDecimal::add).movePointRight(2).longValueExact()).isEqualTo(allCents);
    }
}
