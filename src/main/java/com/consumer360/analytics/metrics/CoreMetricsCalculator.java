package com.consumer360.analytics.metrics;

import com.consumer360.analytics.TransactionColumn;
import com.consumer360.analytics.TransactionTable;
import com.consumer360.analytics.cleaning.CleanedTransactions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/** Computes {@link CoreMetrics} from cleaned transactions in one pass per metric, into arrays indexed by code. */
public final class CoreMetricsCalculator {

    private CoreMetricsCalculator() {
    }

    public static CoreMetrics of(CleanedTransactions clean, int topN) {
        TransactionTable t = clean.table();
        List<ProductSales> products = t.has(TransactionColumn.PRODUCT_ID) ? productSales(clean) : List.of();
        List<GroupRevenue> regions = t.has(TransactionColumn.REGION)
                ? byGroup(clean, t.regionCount(), t::region, t::regionName) : List.of();
        List<GroupRevenue> countries = t.has(TransactionColumn.COUNTRY)
                ? byGroup(clean, t.countryCount(), t::country, t::countryName) : List.of();
        return new CoreMetrics(MonthlySalesCalculator.of(clean),
                top(products, Comparator.comparingDouble(ProductSales::revenue), topN),
                top(products, Comparator.comparingLong(ProductSales::quantity), topN),
                regions, countries);
    }

    private static List<ProductSales> productSales(CleanedTransactions clean) {
        TransactionTable t = clean.table();
        double[] revenue = new double[t.productCount()];
        long[] quantity = new long[t.productCount()];
        for (int i = 0; i < clean.size(); i++) {
            int row = clean.row(i);
            int product = t.product(row);
            if (product >= 0) {
                revenue[product] += t.amount(row);
                quantity[product] += t.quantity(row);
            }
        }
        List<ProductSales> all = new ArrayList<>(revenue.length);
        for (int p = 0; p < revenue.length; p++) {
            all.add(new ProductSales(t.productId(p), clean.productDescription(p), revenue[p], quantity[p]));
        }
        return all;
    }

    private static List<ProductSales> top(List<ProductSales> all, Comparator<ProductSales> by, int n) {
        return all.stream()
                .sorted(by.reversed().thenComparing(ProductSales::productId))
                .limit(n)
                .toList();
    }

    /** Revenue per code of a column, with lines lacking a value grouped under the table's missing label. */
    private static List<GroupRevenue> byGroup(CleanedTransactions clean, int codes, IntUnaryOperator codeOf,
                                              IntFunction<String> nameOf) {
        double[] revenue = new double[codes + 1]; // slot 0 holds lines without a value
        double total = 0;
        for (int i = 0; i < clean.size(); i++) {
            int row = clean.row(i);
            double amount = clean.table().amount(row);
            revenue[codeOf.applyAsInt(row) + 1] += amount;
            total += amount;
        }
        List<GroupRevenue> groups = new ArrayList<>();
        for (int slot = 0; slot < revenue.length; slot++) {
            if (slot > 0 || revenue[0] != 0) {
                groups.add(new GroupRevenue(nameOf.apply(slot - 1), revenue[slot],
                        total == 0 ? 0 : revenue[slot] / total));
            }
        }
        groups.sort(Comparator.comparingDouble(GroupRevenue::revenue).reversed()
                .thenComparing(GroupRevenue::name));
        return groups;
    }
}
