package com.consumer360.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.analytics.TestTransactions;
import com.consumer360.analytics.cleaning.Cleaning;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class CoreMetricsCalculatorTest {

    private final CoreMetrics metrics = CoreMetricsCalculator.of(Cleaning.clean(new TestTransactions()
            .line("a", "i1", "2024-01-10", "p1", 10, 1.0, "France")   // 10
            .line("a", "i1", "2024-01-10", "p2", 1, 30.0, "France")   // 30
            .line(null, "i2", "2024-01-11", "p3", 2, 5.0, "Spain")    // 10, no customer: still sales
            .line("b", "C3", "2024-03-02", "p2", -1, 30.0, "Spain")   // -30, cancels a p2
            .line("b", "i4", "2024-03-02", "p1", 5, 1.0, "Spain")     // 5
            .line("b", "i5", "2024-03-03", "p3", 1, 0.0, "Spain")     // price 0: excluded
            .table()), 2);

    @Test
    void salesByMonthIncludeEmptyMonthsAndNetCancellations() {
        assertThat(metrics.salesByMonth()).containsExactly(
                new MonthlySales(YearMonth.of(2024, 1), 50, 13, 2),
                new MonthlySales(YearMonth.of(2024, 2), 0, 0, 0),
                new MonthlySales(YearMonth.of(2024, 3), -25, 4, 1));
    }

    @Test
    void topProductsByNetRevenueAndByNetQuantity() {
        // p1: 10 + 5 = 15 revenue, 15 units; p2: 30 - 30 = 0, 0 units; p3: 10, 2 units.
        assertThat(metrics.topProductsByRevenue()).extracting(ProductSales::productId).containsExactly("p1", "p3");
        assertThat(metrics.topProductsByRevenue().getFirst())
                .isEqualTo(new ProductSales("p1", "product p1", 15, 15));
        assertThat(metrics.topProductsByQuantity()).extracting(ProductSales::productId).containsExactly("p1", "p3");
    }

    @Test
    void revenueByCountryWithSharesAndNoRegionColumn() {
        // France 40, Spain 10 - 30 + 5 = -15; total 25.
        assertThat(metrics.revenueByCountry()).containsExactly(
                new GroupRevenue("France", 40, 40 / 25.0),
                new GroupRevenue("Spain", -15, -15 / 25.0));
        assertThat(metrics.revenueByRegion()).isEmpty();
    }
}
