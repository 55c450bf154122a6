package com.consumer360.rfm;

import static com.consumer360.jooq.Tables.DIM_CUSTOMER;
import static com.consumer360.jooq.Tables.DIM_REGION;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;

import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
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

    /**
     * The code and name folded with lower(), stored with the row (V49): LIKE against them and a pattern folded the
     * same way matches what ILIKE matches (which folds both sides with lower() on every row), at a fraction of the
     * cost of the scan (issue 19).
     */
    private static final Field<String> CODE_FOLDED = field(name("dim_customer", "code_folded"), String.class);
    private static final Field<String> NAME_FOLDED = field(name("dim_customer", "name_folded"), String.class);

    /** Exact id or code first, then codes and names that start with the text, then names that contain it. */
    List<CustomerMatch> search(String text, int limit) {
        Field<String> like = lower(val(text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")));
        Condition exactId = text.chars().allMatch(Character::isDigit) && text.length() <= 18
                ? DIM_CUSTOMER.CUSTOMER_ID.eq(Long.parseLong(text)) : falseCondition();
        Condition codeStarts = CODE_FOLDED.like(like.concat(inline("%")), '\\');
        Condition match = exactId.or(codeStarts)
                .or(NAME_FOLDED.like(inline("%").concat(like).concat(inline("%")), '\\'));
        return db.select(DIM_CUSTOMER.CUSTOMER_ID, DIM_CUSTOMER.CUSTOMER_CODE, DIM_CUSTOMER.NAME, DIM_REGION.NAME,
                        DIM_CUSTOMER.COUNTRY)
                .from(DIM_CUSTOMER).join(DIM_REGION).on(DIM_REGION.REGION_ID.eq(DIM_CUSTOMER.REGION_ID))
                .where(match)
                .orderBy(when(exactId.or(CODE_FOLDED.eq(lower(val(text)))), inline(0))
                                .when(codeStarts.or(NAME_FOLDED.like(like.concat(inline("%")), '\\')), inline(1))
                                .otherwise(inline(2)),
                        DIM_CUSTOMER.NAME, DIM_CUSTOMER.CUSTOMER_ID)
                .limit(limit)
                .fetch(r -> new CustomerMatch(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }
}
