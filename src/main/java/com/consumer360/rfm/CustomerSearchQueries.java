package com.consumer360.rfm;

import static com.consumer360.jooq.Tables.DIM_CUSTOMER;
import static com.consumer360.jooq.Tables.DIM_REGION;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.when;

import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Customers by id, code or name over dim_customer. No region predicate on purpose: row-level security limits the
 * table to the connection's region scope, so another region's customer is never a match.
 */
@Component
class CustomerSearchQueries {

    private final DSLContext db;

    CustomerSearchQueries(DSLContext db) {
        this.db = db;
    }

    /** Exact id or code first, then codes and names that start with the text, then names that contain it. */
    List<CustomerMatch> search(String text, int limit) {
        String like = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        Condition exactId = text.chars().allMatch(Character::isDigit) && text.length() <= 18
                ? DIM_CUSTOMER.CUSTOMER_ID.eq(Long.parseLong(text)) : org.jooq.impl.DSL.falseCondition();
        Condition match = exactId.or(DIM_CUSTOMER.CUSTOMER_CODE.likeIgnoreCase(like + "%", '\\'))
                .or(DIM_CUSTOMER.NAME.likeIgnoreCase("%" + like + "%", '\\'));
        return db.select(DIM_CUSTOMER.CUSTOMER_ID, DIM_CUSTOMER.CUSTOMER_CODE, DIM_CUSTOMER.NAME, DIM_REGION.NAME,
                        DIM_CUSTOMER.COUNTRY)
                .from(DIM_CUSTOMER).join(DIM_REGION).on(DIM_REGION.REGION_ID.eq(DIM_CUSTOMER.REGION_ID))
                .where(match)
                .orderBy(when(exactId.or(DIM_CUSTOMER.CUSTOMER_CODE.equalIgnoreCase(text)), inline(0))
                                .when(DIM_CUSTOMER.CUSTOMER_CODE.likeIgnoreCase(like + "%", '\\')
                                        .or(DIM_CUSTOMER.NAME.likeIgnoreCase(like + "%", '\\')), inline(1))
                                .otherwise(inline(2)),
                        DIM_CUSTOMER.NAME, DIM_CUSTOMER.CUSTOMER_ID)
                .limit(limit)
                .fetch(r -> new CustomerMatch(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }
}
