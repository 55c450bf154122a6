package com.consumer360.sales;

import static com.consumer360.jooq.Tables.DIM_PRODUCT;
import static com.consumer360.jooq.Tables.DIM_REGION;
import static com.consumer360.jooq.Tables.FACT_SALES;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.sum;

import com.consumer360.sales.SalesOverview.MonthlySales;
import com.consumer360.sales.SalesOverview.ProductSales;
import com.consumer360.sales.SalesOverview.RegionSales;
import com.consumer360.warehouse.RegionOption;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.springframework.stereotype.Component;

/**
 * Aggregates over fact_sales. No region predicate for the user's scope here on purpose: row-level security in
 * PostgreSQL limits every query to the connection's region scope; the filter's regions only narrow it further.
 */
@Component
class SalesQueries {

    private static final Field<LocalDateTime> MONTH =
            field("date_trunc('month', {0})", LocalDateTime.class, FACT_SALES.INVOICE_TS);
    private static final Field<BigDecimal> REVENUE = sum(FACT_SALES.NET_AMOUNT).as("revenue");
    private static final Field<BigDecimal> UNITS = sum(FACT_SALES.QUANTITY).as("units");

    private final DSLContext db;

    SalesQueries(DSLContext db) {
        this.db = db;
    }

    /** Months in order; the last is marked month to date when the sales counted end before its last day. */
    List<MonthlySales> byMonth(SalesFilter filter, LocalDate salesThrough) {
        LocalDate coveredTo = filter.to() == null || salesThrough == null || salesThrough.isBefore(filter.to())
                ? salesThrough : filter.to();
        return db.select(MONTH, REVENUE, UNITS, countDistinct(FACT_SALES.INVOICE_NO))
                .from(FACT_SALES)
                .where(condition(filter))
                .groupBy(MONTH).orderBy(MONTH)
                .fetch(r -> {
                    YearMonth month = YearMonth.from(r.value1());
                    boolean partial = coveredTo != null && YearMonth.from(coveredTo).equals(month)
                            && coveredTo.isBefore(month.atEndOfMonth());
                    return new MonthlySales(month, r.value2(), r.value3().longValue(), r.value4(), partial);
                });
    }

    /** The day of the latest sale within the filter, or null. */
    LocalDate salesThrough(SalesFilter filter) {
        LocalDateTime latest = db.select(max(FACT_SALES.INVOICE_TS)).from(FACT_SALES).where(condition(filter))
                .fetchOne().value1();
        return latest == null ? null : latest.toLocalDate();
    }

    List<ProductSales> topProducts(SalesFilter filter, boolean byRevenue, int limit) {
        SortField<BigDecimal> order = byRevenue ? REVENUE.desc() : UNITS.desc();
        return db.select(DIM_PRODUCT.PRODUCT_CODE, DIM_PRODUCT.DESCRIPTION, DIM_PRODUCT.CATEGORY, REVENUE, UNITS)
                .from(FACT_SALES).join(DIM_PRODUCT).on(DIM_PRODUCT.PRODUCT_ID.eq(FACT_SALES.PRODUCT_ID))
                .where(condition(filter))
                .groupBy(DIM_PRODUCT.PRODUCT_ID)
                .orderBy(order, DIM_PRODUCT.PRODUCT_CODE)
                .limit(limit)
                .fetch(r -> new ProductSales(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().longValue()));
    }

    List<RegionSales> byRegion(SalesFilter filter) {
        return db.select(DIM_REGION.NAME, REVENUE, countDistinct(FACT_SALES.CUSTOMER_ID),
                        countDistinct(FACT_SALES.INVOICE_NO))
                .from(FACT_SALES).join(DIM_REGION).on(DIM_REGION.REGION_ID.eq(FACT_SALES.REGION_ID))
                .where(condition(filter))
                .groupBy(DIM_REGION.REGION_ID, DIM_REGION.NAME)
                .orderBy(DIM_REGION.REGION_ID)
                .fetch(r -> new RegionSales(r.value1(), r.value2(), r.value3(), r.value4()));
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
}
