package com.consumer360.sales;

import static com.consumer360.jooq.Tables.AGG_SALES_CUSTOMER_DAYS;
import static com.consumer360.jooq.Tables.AGG_SALES_DAY;
import static com.consumer360.jooq.Tables.AGG_SALES_MONTH_PRODUCT;
import static com.consumer360.jooq.Tables.AGG_SALES_REGION_CUSTOMERS;
import static com.consumer360.jooq.Tables.AGG_SALES_STATE;
import static com.consumer360.jooq.Tables.DIM_PRODUCT;
import static com.consumer360.jooq.Tables.DIM_REGION;
import static com.consumer360.jooq.Tables.FACT_INVOICE;
import static com.consumer360.jooq.Tables.FACT_SALES;
import static com.consumer360.jooq.Tables.WAREHOUSE_VERSION;
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
 *
 * <p>At 10 M lines those reads took seconds (issue 19), so every refresh also writes per-region sums (migration V32,
 * {@link SalesAggregates}): per day (revenue, units, invoices), per month and product, and customers per region over
 * the whole warehouse. They are read only while they describe the warehouse as it is ({@link #coverage()}: the
 * warehouse version they were built from is the current one); otherwise every figure is computed from the
 * warehouse as before. Product rankings take whole months from the sums and the days of a month the filter only
 * partly covers from the lines; customers per region for a date range come from the invoices (a distinct count).
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
    Months byMonth(SalesFilter filter, Coverage coverage) {
        List<MonthRow> rows;
        if (coverage != null) {
            Field<Integer> monthKey = AGG_SALES_DAY.DATE_KEY.div(100).as("month_key");
            rows = db.select(monthKey, sum(AGG_SALES_DAY.NET_AMOUNT), sum(AGG_SALES_DAY.UNITS),
                            sum(AGG_SALES_DAY.INVOICES), max(AGG_SALES_DAY.DATE_KEY))
                    .from(AGG_SALES_DAY)
                    .where(dayCondition(filter, AGG_SALES_DAY.DATE_KEY, AGG_SALES_DAY.REGION_ID))
                    .groupBy(monthKey).orderBy(monthKey)
                    .fetch(r -> new MonthRow(r.value1(), r.value2(), r.value3().longValue(), r.value4().longValue(),
                            r.value5()));
        } else {
            Field<Integer> monthKey = FACT_INVOICE.DATE_KEY.div(100).as("month_key");
            rows = db.select(monthKey, sum(FACT_INVOICE.NET_AMOUNT), sum(FACT_INVOICE.UNITS), count(),
                            max(FACT_INVOICE.DATE_KEY))
                    .from(FACT_INVOICE)
                    .where(invoiceCondition(filter))
                    .groupBy(monthKey).orderBy(monthKey)
                    .fetch(r -> new MonthRow(r.value1(), r.value2(), r.value3().longValue(), r.value4(),
                            r.value5()));
        }
        LocalDate through = rows.isEmpty() ? null : day(rows.getLast().lastDay());
        LocalDate coveredTo = filter.to() == null || through == null || through.isBefore(filter.to())
                ? through : filter.to();
        return new Months(rows.stream().map(r -> {
            YearMonth month = YearMonth.of(r.monthKey() / 100, r.monthKey() % 100);
            boolean partial = coveredTo != null && YearMonth.from(coveredTo).equals(month)
                    && coveredTo.isBefore(month.atEndOfMonth());
            return new MonthlySales(month, r.net(), r.units(), r.invoices(), partial);
        }).toList(), through);
    }

    private record MonthRow(int monthKey, BigDecimal net, long units, long invoices, int lastDay) {
    }

    /**
     * The days the refresh's sums cover (first and last day of the lines then; both null for an empty warehouse)
     * when they describe the warehouse as it is now, else null: lines were loaded or removed since.
     */
    record Coverage(Integer firstDay, Integer lastDay, boolean customerDays) {

        /** Whether the filter's dates take in every day of the warehouse. */
        boolean whole(SalesFilter filter) {
            return firstDay == null || fromTheFirst(filter) && toTheLast(filter);
        }

        /** Whether the filter's dates begin on or before the warehouse's first day of sales. */
        boolean fromTheFirst(SalesFilter filter) {
            return firstDay == null || filter.from() == null || dateKey(filter.from()) <= firstDay;
        }

        /** Whether the filter's dates end on or after the warehouse's latest day of sales. */
        boolean toTheLast(SalesFilter filter) {
            return lastDay == null || filter.to() == null || dateKey(filter.to()) >= lastDay;
        }
    }

    /** See {@link Coverage}. */
    Coverage coverage() {
        return db.select(AGG_SALES_STATE.FIRST_DATE_KEY, AGG_SALES_STATE.LAST_DATE_KEY, AGG_SALES_STATE.CUSTOMER_DAYS)
                .from(AGG_SALES_STATE)
                .join(WAREHOUSE_VERSION).on(WAREHOUSE_VERSION.VERSION.eq(AGG_SALES_STATE.VERSION))
                .fetchOptional(r -> new Coverage(r.value1(), r.value2(), r.value3()))
                .orElse(null);
    }

    /** The months in order and the day of the latest sale counted (null when there is none). */
    record Months(List<MonthlySales> months, LocalDate salesThrough) {
    }

    /**
     * The top {@code limit} products by net revenue and by net units, from one pass over the lines grouped by the
     * product id alone (with the product's text columns in the grouping it took twice as long).
     */
    ProductRankings topProducts(SalesFilter filter, int limit, Coverage coverage) {
        Map<Integer, Sums> byProduct = new HashMap<>();
        if (coverage == null) {
            addLines(byProduct, condition(filter));
        } else if (coverage.firstDay() != null) {
            int from = Math.max(coverage.firstDay(), filter.from() == null ? 0 : dateKey(filter.from()));
            int to = Math.min(coverage.lastDay(), filter.to() == null ? Integer.MAX_VALUE : dateKey(filter.to()));
            List<Integer> wholeMonths = new java.util.ArrayList<>();
            for (YearMonth month = YearMonth.of(from / 10_000, from / 100 % 100);
                 from <= to && !month.isAfter(YearMonth.of(to / 10_000, to / 100 % 100)); month = month.plusMonths(1)) {
                int start = Math.max(dateKey(month.atDay(1)), coverage.firstDay());
                int end = Math.min(dateKey(month.atEndOfMonth()), coverage.lastDay());
                int partFrom = Math.max(start, from);
                int partTo = Math.min(end, to);
                if (partFrom == start && partTo == end) {
                    wholeMonths.add(month.getYear() * 100 + month.getMonthValue());
                } else if (partFrom <= partTo) {
                    partMonth(byProduct, filter, month.getYear() * 100 + month.getMonthValue(), start, end, partFrom,
                            partTo);
                }
            }
            if (!wholeMonths.isEmpty()) {
                addMonths(byProduct, filter, wholeMonths);
            }
            // A product whose lines in a month were all on days outside the range is not in the range.
            byProduct.values().removeIf(sums -> sums.lines() == 0);
        }
        return ranked(byProduct, limit);
    }

    /** The sums of whole months per product id, added to {@code byProduct}. */
    private void addMonths(Map<Integer, Sums> byProduct, SalesFilter filter, List<Integer> months) {
        var m = AGG_SALES_MONTH_PRODUCT;
        db.select(m.PRODUCT_ID, sum(m.NET_AMOUNT), sum(m.UNITS), sum(m.LINES))
                .from(m)
                .where(m.MONTH_KEY.in(months), regionCondition(m.REGION_ID, filter))
                .groupBy(m.PRODUCT_ID)
                .forEach(r -> byProduct.merge(r.value1(), new Sums(r.value2(), r.value3(),
                        r.value4() == null ? 1 : r.value4().longValue()), Sums::plus));
    }

    /**
     * The days {@code from}..{@code to} of a month (its sums cover {@code start}..{@code end}): from their lines, or,
     * when the days outside the range are fewer and the month's sums count their lines (V42), as the month's sums
     * less the lines of those days.
     */
    private void partMonth(Map<Integer, Sums> byProduct, SalesFilter filter, int monthKey, int start, int end,
                           int from, int to) {
        // Date keys of one month differ by their days.
        int inside = to - from + 1;
        int outside = end - start + 1 - inside;
        Condition regions = regionCondition(FACT_SALES.REGION_ID, filter);
        boolean counted = !db.fetchExists(AGG_SALES_MONTH_PRODUCT, AGG_SALES_MONTH_PRODUCT.MONTH_KEY.eq(monthKey),
                AGG_SALES_MONTH_PRODUCT.LINES.isNull());
        if (outside >= inside || !counted) {
            addLines(byProduct, FACT_SALES.DATE_KEY.between(from, to).and(regions), 1);
            return;
        }
        addMonths(byProduct, filter, List.of(monthKey));
        if (from > start) {
            addLines(byProduct, FACT_SALES.DATE_KEY.between(start, from - 1).and(regions), -1);
        }
        if (to < end) {
            addLines(byProduct, FACT_SALES.DATE_KEY.between(to + 1, end).and(regions), -1);
        }
    }

    /**
     * Net revenue, net units and lines of the lines under {@code condition}, per product id, added to (sign 1) or
     * taken from (sign -1) {@code byProduct}.
     */
    private void addLines(Map<Integer, Sums> byProduct, Condition condition, int sign) {
        db.select(FACT_SALES.PRODUCT_ID, REVENUE, UNITS, count())
                .from(FACT_SALES)
                .where(condition)
                .groupBy(FACT_SALES.PRODUCT_ID)
                .forEach(r -> byProduct.merge(r.value1(), new Sums(r.value2(), r.value3(), r.value4()).times(sign),
                        Sums::plus));
    }

    private void addLines(Map<Integer, Sums> byProduct, Condition condition) {
        addLines(byProduct, condition, 1);
    }

    private record Sums(BigDecimal revenue, BigDecimal units, long lines) {
        Sums plus(Sums other) {
            return new Sums(revenue.add(other.revenue), units.add(other.units), lines + other.lines);
        }

        Sums times(int sign) {
            return sign == 1 ? this : new Sums(revenue.negate(), units.negate(), -lines);
        }
    }

    private ProductRankings ranked(Map<Integer, Sums> byProduct, int limit) {
        List<ProductSales> products = db.select(DIM_PRODUCT.PRODUCT_ID, DIM_PRODUCT.PRODUCT_CODE,
                        DIM_PRODUCT.DESCRIPTION, DIM_PRODUCT.CATEGORY)
                .from(DIM_PRODUCT).where(DIM_PRODUCT.PRODUCT_ID.in(byProduct.keySet()))
                .fetch(p -> {
                    Sums sums = byProduct.get(p.value1());
                    return new ProductSales(p.value2(), p.value3(), p.value4(), sums.revenue(),
                            sums.units().longValue());
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
    List<RegionSales> byRegion(SalesFilter filter, Coverage coverage) {
        if (coverage == null) {
            return byRegion(filter);
        }
        Map<Short, Long> customers = new HashMap<>();
        if (coverage.whole(filter)) {
            db.select(AGG_SALES_REGION_CUSTOMERS.REGION_ID, AGG_SALES_REGION_CUSTOMERS.CUSTOMERS)
                    .from(AGG_SALES_REGION_CUSTOMERS)
                    .where(regionCondition(AGG_SALES_REGION_CUSTOMERS.REGION_ID, filter))
                    .forEach(r -> customers.put(r.value1(), r.value2().longValue()));
        } else if (coverage.customerDays() && (coverage.toTheLast(filter) || coverage.fromTheFirst(filter))) {
            // A range open at one end (V51): customers whose last invoice in the region is on or after its first
            // day, or whose first is on or before its last day (when the refresh wrote those counts, V52).
            var days = AGG_SALES_CUSTOMER_DAYS;
            boolean toTheLast = coverage.toTheLast(filter);
            db.select(days.REGION_ID, sum(toTheLast ? days.LAST_CUSTOMERS : days.FIRST_CUSTOMERS))
                    .from(days)
                    .where(regionCondition(days.REGION_ID, filter),
                            toTheLast ? days.DATE_KEY.ge(dateKey(filter.from())) : days.DATE_KEY.le(dateKey(filter.to())))
                    .groupBy(days.REGION_ID)
                    .forEach(r -> customers.put(r.value1(), r.value2().longValue()));
        } else {
            var distinct = db.selectDistinct(FACT_INVOICE.REGION_ID, FACT_INVOICE.CUSTOMER_ID)
                    .from(FACT_INVOICE)
                    .where(invoiceCondition(filter), FACT_INVOICE.CUSTOMER_ID.isNotNull())
                    .asTable("c");
            Field<Short> region = distinct.field(FACT_INVOICE.REGION_ID);
            db.select(region, count()).from(distinct).groupBy(region)
                    .forEach(r -> customers.put(r.value1(), r.value2().longValue()));
        }
        return db.select(DIM_REGION.REGION_ID, DIM_REGION.NAME, sum(AGG_SALES_DAY.NET_AMOUNT),
                        sum(AGG_SALES_DAY.INVOICES))
                .from(AGG_SALES_DAY).join(DIM_REGION).on(DIM_REGION.REGION_ID.eq(AGG_SALES_DAY.REGION_ID))
                .where(dayCondition(filter, AGG_SALES_DAY.DATE_KEY, AGG_SALES_DAY.REGION_ID))
                .groupBy(DIM_REGION.REGION_ID, DIM_REGION.NAME)
                .orderBy(DIM_REGION.REGION_ID)
                .fetch(r -> new RegionSales(r.value2(), r.value3(), customers.getOrDefault(r.value1(), 0L),
                        r.value4().longValue()));
    }

    private List<RegionSales> byRegion(SalesFilter filter) {
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

    /** The filter over a table of days and regions (the sums). */
    private static Condition dayCondition(SalesFilter filter, Field<Integer> dateKey, Field<Short> regionId) {
        Condition condition = noCondition();
        if (filter.from() != null) {
            condition = condition.and(dateKey.ge(dateKey(filter.from())));
        }
        if (filter.to() != null) {
            condition = condition.and(dateKey.le(dateKey(filter.to())));
        }
        return condition.and(regionCondition(regionId, filter));
    }

    private static Condition regionCondition(Field<Short> regionId, SalesFilter filter) {
        return filter.regionIds().isEmpty() ? noCondition() : regionId.in(filter.regionIds());
    }

    private static int dateKey(LocalDate day) {
        return day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth();
    }
}
