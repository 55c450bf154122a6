package com.consumer360.sales;

import static com.consumer360.jooq.Tables.DIM_PRODUCT;
import static com.consumer360.jooq.Tables.DIM_REGION;
import static com.consumer360.jooq.Tables.FACT_SALES;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.sum;

import com.consumer360.sales.SalesOverview.MonthlySales;
import com.consumer360.sales.SalesOverview.ProductSales;
import com.consumer360.sales.SalesOverview.RegionSales;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.springframework.stereotype.Component;

/**
 * Aggregates over fact_sales. No region predicate here on purpose: row-level security in PostgreSQL limits
 * every query to the connection's region scope.
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

    List<MonthlySales> byMonth() {
        return db.select(MONTH, REVENUE, UNITS, countDistinct(FACT_SALES.INVOICE_NO))
                .from(FACT_SALES)
                .groupBy(MONTH).orderBy(MONTH)
                .fetch(r -> new MonthlySales(YearMonth.from(r.value1()), r.value2(), r.value3().longValue(), r.value4()));
    }

    List<ProductSales> topProducts(boolean byRevenue, int limit) {
        SortField<BigDecimal> order = byRevenue ? REVENUE.desc() : UNITS.desc();
        return db.select(DIM_PRODUCT.PRODUCT_CODE, DIM_PRODUCT.DESCRIPTION, DIM_PRODUCT.CATEGORY, REVENUE, UNITS)
                .from(FACT_SALES).join(DIM_PRODUCT).on(DIM_PRODUCT.PRODUCT_ID.eq(FACT_SALES.PRODUCT_ID))
                .groupBy(DIM_PRODUCT.PRODUCT_ID)
                .orderBy(order, DIM_PRODUCT.PRODUCT_CODE)
                .limit(limit)
                .fetch(r -> new ProductSales(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().longValue()));
    }

    List<RegionSales> byRegion() {
        return db.select(DIM_REGION.NAME, REVENUE, countDistinct(FACT_SALES.CUSTOMER_ID),
                        countDistinct(FACT_SALES.INVOICE_NO))
                .from(FACT_SALES).join(DIM_REGION).on(DIM_REGION.REGION_ID.eq(FACT_SALES.REGION_ID))
                .groupBy(DIM_REGION.REGION_ID, DIM_REGION.NAME)
                .orderBy(DIM_REGION.REGION_ID)
                .fetch(r -> new RegionSales(r.value1(), r.value2(), r.value3(), r.value4()));
    }
}
