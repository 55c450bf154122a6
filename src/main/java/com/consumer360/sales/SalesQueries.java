package com.consumer360.sales;

import static com.consumer360.jooq.Tables.DIM_PRODUCT;
import static com.consumer360.jooq.Tables.DIM_REGION;
import static com.consumer360.jooq.Tables.FACT_INVOICE;
import static com.consumer360.jooq.Tables.FACT_SALES;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.sum;

import com.consumer360.sales.ProductRankings.ProductSales;
import com.consumer360.sales.SalesOverview.MonthlySales;
import com.consumer360.sales.SalesOverview.RegionSales;
import com.consumer360.warehouse.RegionOption;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.springframework.stereotype.Component;

/**
 * Aggregates over fact_sales and fact_invoice. No region predicate for the user's scope here on purpose: row-level
 * security in PostgreSQL limits every query to the connection's region scope; the filter's regions only narrow it
 * further.
 *
 * <p>Counts of distinct invoices and customers come from fact_invoice (one row per invoice, kept equal to the lines
 * by triggers; an invoice's lines share one day and one region): {@code count(DISTINCT invoice_no)} over a million
 * lines sorted them and took most of the landing page's time (1.7 s and 1.3 s at 1 M lines, docs/performance.md).
 * Units by month and both product rankings come from one pass over the lines (grouping sets), without a distinct
 * count.
 */
@Component
class SalesQueries {

    private static final Field<BigDecimal> REVENUE = sum(FACT_SALES.NET_AMOUNT).as("revenue");
    private static final Field<BigDecimal> UNITS = sum(FACT_SALES.QUANTITY).as("units");

    private final DSLContext db;

    SalesQueries(DSLContext db) {
        this.db = db;
    }

    /**
     * Net revenue, units and invoices per month from fact_invoice, in order, and the day of the latest sale (null when
     * there is none), from one scan; the last month is marked month to date when the sales counted end before its
     * last day.
     */
    Months byMonth(SalesFilter filter) {
        Field<Integer> monthKey = FACT_INVOICE.DATE_KEY.div(100).as("month_key");
        var rows = db.select(monthKey, sum(FACT_INVOICE.NET_AMOUNT), sum(FACT_INVOICE.UNITS), count(),
                        max(FACT_INVOICE.DATE_KEY))
                .from(FACT_INVOICE)
                .where(invoiceCondition(filter))
                .groupBy(monthKey)
                .orderBy(monthKey)
                .fetch();
        LocalDate through = rows.isEmpty() ? null : day(rows.getLast().value5());
        LocalDate coveredTo = filter.to() == null || through == null || through.isBefore(filter.to())
                ? through : filter.to();
        return new Months(rows.map(r -> {
            YearMonth month = YearMonth.of(r.value1() / 100, r.value1() % 100);
            boolean partial = coveredTo != null && YearMonth.from(coveredTo).equals(month)
                    && coveredTo.isBefore(month.atEndOfMonth());
            return new MonthlySales(month, r.value2(), r.value3().longValue(), r.value4(), partial);
        }), through);
    }

    /** The months in order and the day of the latest sale counted (null when there is none). */
    record Months(List<MonthlySales> months, LocalDate salesThrough) {
    }

    /**
     * The top {@code limit} products by net revenue and by net units, from one pass over the lines grouped by the
     * product id alone (with the product's text columns in the grouping it took twice as long).
     */
    ProductRankings topProducts(SalesFilter filter, int limit) {
        Map<Integer, Record3<Integer, BigDecimal, BigDecimal>> byProduct = new HashMap<>();
        db.select(FACT_SALES.PRODUCT_ID, REVENUE, UNITS)
                .from(FACT_SALES)
                .where(condition(filter))
                .groupBy(FACT_SALES.PRODUCT_ID)
                .forEach(r -> byProduct.put(r.value1(), r));
        List<ProductSales> products = db.select(DIM_PRODUCT.PRODUCT_ID, DIM_PRODUCT.PRODUCT_CODE,
                        DIM_PRODUCT.DESCRIPTION, DIM_PRODUCT.CATEGORY)
                .from(DIM_PRODUCT).where(DIM_PRODUCT.PRODUCT_ID.in(byProduct.keySet()))
                .fetch(p -> {
                    Record3<Integer, BigDecimal, BigDecimal> sums = byProduct.get(p.value1());
                    return new ProductSales(p.value2(), p.value3(), p.value4(), sums.value2(),
                            sums.value3().longValue());
                });
        Comparator<ProductSales> byCode = Comparator.comparing(ProductSales::productCode);
        return new ProductRankings(
                products.stream().sorted(Comparator.comparing(ProductSales::netRevenue).reversed()
                        .thenComparing(byCode)).limit(limit).toList(),
                products.stream().sorted(Comparator.comparingLong(ProductSales::units).reversed()
                        .thenComparing(byCode)).limit(limit).toList());
    }

    private static LocalDate day(int dateKey) {
        return LocalDate.of(dateKey / 10_000, dateKey / 100 % 100, dateKey % 100);
    }

    /**
     * Revenue, customers and invoices per region: per region and customer first (a hash aggregate), then per region,
     * which took half the time of {@code count(DISTINCT customer_id)}; guest invoices (no customer) count as invoices.
     */
    List<RegionSales> byRegion(SalesFilter filter) {
        var perCustomer = db.select(FACT_INVOICE.REGION_ID, FACT_INVOICE.CUSTOMER_ID,
                        sum(FACT_INVOICE.NET_AMOUNT).as("net"), count().as("invoices"))
                .from(FACT_INVOICE)
                .where(invoiceCondition(filter))
                .groupBy(FACT_INVOICE.REGION_ID, FACT_INVOICE.CUSTOMER_ID)
                .asTable("per_customer");
        Field<Short> region = perCustomer.field(FACT_INVOICE.REGION_ID);
        return db.select(DIM_REGION.NAME, sum(perCustomer.field("net", BigDecimal.class)),
                        count(perCustomer.field(FACT_INVOICE.CUSTOMER_ID)),
                        sum(perCustomer.field("invoices", Integer.class)))
                .from(perCustomer).join(DIM_REGION).on(DIM_REGION.REGION_ID.eq(region))
                .groupBy(DIM_REGION.REGION_ID, DIM_REGION.NAME)
                .orderBy(DIM_REGION.REGION_ID)
                .fetch(r -> new RegionSales(r.value1(), r.value2(), r.value3(), r.value4().longValue()));
    }

    /** The regions the user has sales in (row-level security decides which those can be). */
    List<RegionOption> regions() {
        return db.select(DIM_REGION.REGION_ID, DIM_REGION.NAME)
                .from(DIM_REGION)
                .whereExists(db.selectOne().from(FACT_SALES).where(FACT_SALES.REGION_ID.eq(DIM_REGION.REGION_ID)))
                .orderBy(DIM_REGION.REGION_ID)
                .fetch(r -> new RegionOption(r.value1(), r.value2()));
    }

    private static Condition condition(SalesFilter filter) {
        Condition condition = noCondition();
        if (filter.from() != null) {
            condition = condition.and(FACT_SALES.INVOICE_TS.ge(filter.from().atStartOfDay()));
        }
        if (filter.to() != null) {
            condition = condition.and(FACT_SALES.INVOICE_TS.lt(filter.to().plusDays(1).atStartOfDay()));
        }
        if (!filter.regionIds().isEmpty()) {
            condition = condition.and(FACT_SALES.REGION_ID.in(filter.regionIds()));
        }
        return condition;
    }

    /** The filter over fact_invoice: its day key instead of the lines' timestamps (an invoice's lines share a day). */
    private static Condition invoiceCondition(SalesFilter filter) {
        Condition condition = noCondition();
        if (filter.from() != null) {
            condition = condition.and(FACT_INVOICE.DATE_KEY.ge(dateKey(filter.from())));
        }
        if (filter.to() != null) {
            condition = condition.and(FACT_INVOICE.DATE_KEY.le(dateKey(filter.to())));
        }
        if (!filter.regionIds().isEmpty()) {
            condition = condition.and(FACT_INVOICE.REGION_ID.in(filter.regionIds()));
        }
        return condition;
    }

    private static int dateKey(LocalDate day) {
        return day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth();
    }
}
