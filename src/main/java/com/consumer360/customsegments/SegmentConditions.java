package com.consumer360.customsegments;

import static com.consumer360.jooq.Tables.DIM_CUSTOMER;
import static com.consumer360.jooq.Tables.DIM_PRODUCT;
import static com.consumer360.jooq.Tables.DIM_REGION;
import static com.consumer360.jooq.Tables.FACT_SALES;
import static com.consumer360.jooq.Tables.SNAP_CUSTOMER;
import static org.jooq.impl.DSL.and;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.nullif;
import static org.jooq.impl.DSL.or;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;

/**
 * Translates a validated definition into a jOOQ condition over snap_customer (joined to dim_customer on the
 * customer id), as of the snapshot's as-of date. Only typed values are bound; no text of the definition ever
 * becomes SQL. A criterion on a value a customer does not have (no CLV fit, no first purchase) does not hold,
 * whatever its operator. The same translation serves the preview, the refresh's evaluation, the members lists
 * and "why in / why out", so they cannot disagree.
 */
final class SegmentConditions {

    private final LocalDate asOf;

    SegmentConditions(LocalDate asOf) {
        this.asOf = asOf;
    }

    Condition of(SegmentDefinition definition) {
        return of(definition.root());
    }

    Condition of(Rule rule) {
        return switch (rule) {
            case Rule.Group group -> {
                List<Condition> parts = group.rules().stream().map(this::of).toList();
                yield group.match() == Match.ALL ? and(parts) : or(parts);
            }
            case Rule.Criterion criterion -> criterion(criterion);
        };
    }

    private Condition criterion(Rule.Criterion c) {
        if (c.attribute() == Attribute.BOUGHT_PRODUCT) {
            var buyers = select(FACT_SALES.CUSTOMER_ID).from(FACT_SALES)
                    .join(DIM_PRODUCT).on(DIM_PRODUCT.PRODUCT_ID.eq(FACT_SALES.PRODUCT_ID))
                    .where(DIM_PRODUCT.PRODUCT_CODE.in(c.values()),
                            FACT_SALES.DATE_KEY.ge(dateKey(asOf.minusDays(c.days()))),
                            FACT_SALES.DATE_KEY.lt(dateKey(asOf)),
                            FACT_SALES.IS_CANCELLATION.isFalse(), FACT_SALES.QUANTITY.gt(0),
                            FACT_SALES.CUSTOMER_ID.isNotNull());
            return c.operator() == Operator.IN ? SNAP_CUSTOMER.CUSTOMER_ID.in(buyers)
                    : SNAP_CUSTOMER.CUSTOMER_ID.notIn(buyers);
        }
        if (c.attribute() == Attribute.REGION) {
            var ids = select(DIM_REGION.REGION_ID).from(DIM_REGION).where(DIM_REGION.CODE.in(c.values()));
            return switch (c.operator()) {
                case EQUALS, IN -> SNAP_CUSTOMER.REGION_ID.in(ids);
                case NOT_EQUALS, NOT_IN -> SNAP_CUSTOMER.REGION_ID.notIn(ids);
                default -> throw unsupported(c);
            };
        }
        return switch (c.attribute().type()) {
            case INTEGER, DECIMAL, SCORE -> compare(number(c.attribute()), c, c.values().stream().map(BigDecimal::new)
                    .toList());
            case DATE -> compare(DIM_CUSTOMER.FIRST_PURCHASE_DATE, c, c.values().stream().map(LocalDate::parse).toList());
            case CHOICE -> compare(text(c.attribute()), c, c.values());
            case PRODUCTS -> throw unsupported(c);
        };
    }

    private static <T> Condition compare(Field<T> field, Rule.Criterion c, List<T> values) {
        Condition test = switch (c.operator()) {
            case EQUALS -> field.eq(values.get(0));
            case NOT_EQUALS -> field.ne(values.get(0));
            case GREATER -> field.gt(values.get(0));
            case LESS -> field.lt(values.get(0));
            case BETWEEN -> field.between(values.get(0), values.get(1));
            case NOT_BETWEEN -> field.notBetween(values.get(0), values.get(1));
            case IN -> field.in(values);
            case NOT_IN -> field.notIn(values);
        };
        return field.isNotNull().and(test);
    }

    /** The customer's value of a numeric attribute, as a decimal. */
    Field<BigDecimal> number(Attribute attribute) {
        return switch (attribute) {
            case RECENCY_DAYS -> SNAP_CUSTOMER.RECENCY_DAYS.cast(SQLDataType.NUMERIC);
            case FREQUENCY -> SNAP_CUSTOMER.FREQUENCY.cast(SQLDataType.NUMERIC);
            case MONETARY -> SNAP_CUSTOMER.MONETARY;
            case R_SCORE -> SNAP_CUSTOMER.R_SCORE.cast(SQLDataType.NUMERIC);
            case F_SCORE -> SNAP_CUSTOMER.F_SCORE.cast(SQLDataType.NUMERIC);
            case M_SCORE -> SNAP_CUSTOMER.M_SCORE.cast(SQLDataType.NUMERIC);
            case EXPECTED_CLV -> SNAP_CUSTOMER.CLV.cast(SQLDataType.NUMERIC);
            case P_ALIVE -> SNAP_CUSTOMER.P_ALIVE.cast(SQLDataType.NUMERIC);
            case EXPECTED_PURCHASES -> SNAP_CUSTOMER.EXPECTED_PURCHASES.cast(SQLDataType.NUMERIC);
            case AVERAGE_ORDER_VALUE -> SNAP_CUSTOMER.MONETARY.div(nullif(SNAP_CUSTOMER.FREQUENCY, 0));
            case TENURE_MONTHS -> field("(date_part('year', age({0}, {1})) * 12 + date_part('month', age({0}, {1})))"
                    + "::numeric", SQLDataType.NUMERIC, val(asOf), DIM_CUSTOMER.FIRST_PURCHASE_DATE);
            default -> throw new IllegalArgumentException(attribute + " is not a number");
        };
    }

    private static Field<String> text(Attribute attribute) {
        return switch (attribute) {
            case RFM_SEGMENT -> SNAP_CUSTOMER.SEGMENT;
            case COUNTRY -> DIM_CUSTOMER.COUNTRY;
            default -> throw new IllegalArgumentException(attribute + " is not a choice");
        };
    }

    /** The customer's value of the attribute as text, for "why in / why out". */
    Field<String> shown(Attribute attribute) {
        return switch (attribute.type()) {
            case INTEGER, DECIMAL, SCORE -> number(attribute).cast(SQLDataType.VARCHAR);
            case DATE -> DIM_CUSTOMER.FIRST_PURCHASE_DATE.cast(SQLDataType.VARCHAR);
            case CHOICE -> attribute == Attribute.REGION
                    ? field(select(DIM_REGION.CODE).from(DIM_REGION).where(DIM_REGION.REGION_ID.eq(SNAP_CUSTOMER.REGION_ID)))
                    : text(attribute);
            case PRODUCTS -> val((String) null);
        };
    }

    private static int dateKey(LocalDate date) {
        return date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }

    private static IllegalArgumentException unsupported(Rule.Criterion c) {
        return new IllegalArgumentException(c.operator() + " on " + c.attribute());
    }
}
