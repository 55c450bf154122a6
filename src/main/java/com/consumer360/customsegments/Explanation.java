package com.consumer360.customsegments;

import static com.consumer360.jooq.Tables.DIM_CUSTOMER;
import static com.consumer360.jooq.Tables.DIM_PRODUCT;
import static com.consumer360.jooq.Tables.FACT_SALES;
import static com.consumer360.jooq.Tables.SNAP_CUSTOMER;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * "Why in / why out": every criterion and group of a definition evaluated on one customer by the same conditions
 * that decide membership, with the customer's value of each criterion's attribute, in one query.
 */
final class Explanation {

    private Explanation() {
    }

    /** A line of the explanation; {@code numeric}: its value is a number, shown with thousands separators. */
    private record Line(String path, int depth, String text, Field<String> value, Field<Boolean> holds,
                        boolean numeric) {
    }

    static Optional<WhyResult> explain(CustomSegmentQueries queries, CustomSegmentQueries.Snap snapshot, int version,
                                       SegmentDefinition definition, long customerId) {
        SegmentConditions conditions = new SegmentConditions(snapshot.asOf());
        List<Line> lines = new ArrayList<>();
        collect(definition.root(), "", 0, conditions, snapshot, lines);
        List<Field<?>> fields = new ArrayList<>();
        fields.add(DIM_CUSTOMER.NAME);
        fields.add(DSL.field(conditions.of(definition)));
        for (Line line : lines) {
            fields.add(line.value());
            fields.add(line.holds());
        }
        return queries.why(snapshot.id(), customerId, fields).map(r -> result(r, customerId, version, lines));
    }

    private static WhyResult result(Record r, long customerId, int version, List<Line> lines) {
        List<CriterionCheck> checks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            Object value = r.get(2 + 2 * i);
            Boolean holds = (Boolean) r.get(3 + 2 * i);
            checks.add(new CriterionCheck(line.path(), line.depth(), line.text(), value == null ? null : shown(value, line.numeric()),
                    Boolean.TRUE.equals(holds)));
        }
        return new WhyResult(customerId, (String) r.get(0), Boolean.TRUE.equals(r.get(1)), "version " + version,
                checks);
    }

    private static String shown(Object value, boolean numeric) {
        String text = value.toString();
        if (!numeric) {
            return text;
        }
        try {
            return number(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** A number with thousands separators and at most three decimals (3,319.76; 0.125). */
    private static String number(BigDecimal value) {
        java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0.###",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.UK));
        format.setRoundingMode(java.math.RoundingMode.HALF_EVEN);
        return format.format(value);
    }

    private static void collect(Rule rule, String path, int depth, SegmentConditions conditions,
                                CustomSegmentQueries.Snap snapshot, List<Line> lines) {
        switch (rule) {
            case Rule.Group group -> {
                lines.add(new Line(path, depth, (depth == 0 ? "Segment: " : "Group: ") + group.match().label() + " "
                        + group.rules().size() + (group.rules().size() == 1 ? " rule" : " rules"), DSL.val((String) null), DSL.field(conditions.of(group)),
                        false));
                for (int i = 0; i < group.rules().size(); i++) {
                    collect(group.rules().get(i), (path.isEmpty() ? "" : path + ".") + "rules[" + i + "]", depth + 1,
                            conditions, snapshot, lines);
                }
            }
            case Rule.Criterion c -> lines.add(new Line(path, depth, describe(c), value(c, conditions, snapshot),
                    DSL.field(conditions.of(c)), numeric(c.attribute())));
        }
    }

    private static Field<String> value(Rule.Criterion c, SegmentConditions conditions,
                                       CustomSegmentQueries.Snap snapshot) {
        if (c.attribute() != Attribute.BOUGHT_PRODUCT) {
            return conditions.shown(c.attribute());
        }
        int to = key(snapshot.asOf());
        int from = key(snapshot.asOf().minusDays(c.days()));
        return field(select(DSL.coalesce(DSL.groupConcatDistinct(DIM_PRODUCT.PRODUCT_CODE).cast(SQLDataType.VARCHAR),
                        DSL.inline("none of them")))
                .from(FACT_SALES).join(DIM_PRODUCT).on(DIM_PRODUCT.PRODUCT_ID.eq(FACT_SALES.PRODUCT_ID))
                .where(FACT_SALES.CUSTOMER_ID.eq(SNAP_CUSTOMER.CUSTOMER_ID), DIM_PRODUCT.PRODUCT_CODE.in(c.values()),
                        FACT_SALES.DATE_KEY.ge(from), FACT_SALES.DATE_KEY.lt(to),
                        FACT_SALES.IS_CANCELLATION.isFalse(), FACT_SALES.QUANTITY.gt(0)));
    }

    private static int key(java.time.LocalDate date) {
        return date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }

    private static boolean numeric(Attribute attribute) {
        return attribute.type() == ValueType.INTEGER || attribute.type() == ValueType.DECIMAL;
    }

    /** A criterion's value as shown: numbers with thousands separators, others as written. */
    private static String value(Rule.Criterion c, String value) {
        if (!numeric(c.attribute())) {
            return value;
        }
        try {
            return number(new BigDecimal(value));
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** The criterion in words, as the builder and the why panel show it. */
    static String describe(Rule.Criterion c) {
        String values = switch (c.operator()) {
            case BETWEEN, NOT_BETWEEN -> value(c, c.values().get(0)) + " and " + value(c, c.values().get(1));
            default -> c.values().stream().map(v -> value(c, v)).collect(Collectors.joining(", "));
        };
        // The unit where it reads as one ("120 days", "4 invoices"); not a hint of the field ("amount", "0-1").
        String unit = switch (c.attribute()) {
            case EXPECTED_PURCHASES -> " in the " + c.attribute().unit();
            case EXPECTED_CLV, AVERAGE_ORDER_VALUE, P_ALIVE -> "";
            default -> c.attribute().unit().isEmpty() || c.attribute().type() == ValueType.PRODUCTS
                    || c.attribute().type() == ValueType.DATE || c.attribute().type() == ValueType.SCORE
                    ? "" : " " + c.attribute().unit();
        };
        if (c.attribute() == Attribute.BOUGHT_PRODUCT) {
            return (c.operator() == Operator.IN ? "Bought any of " : "Bought none of ") + values + " in the last "
                    + c.days() + " days";
        }
        return c.attribute().label() + " " + c.operator().label(c.attribute()) + " " + values + unit;
    }

    static String describe(SegmentDefinition definition) {
        return describe(definition.root(), true);
    }

    private static String describe(Rule rule, boolean top) {
        return switch (rule) {
            case Rule.Criterion c -> describe(c);
            case Rule.Group g -> {
                String inner = g.rules().stream().map(r -> describe(r, false))
                        .collect(Collectors.joining(g.match() == Match.ALL ? " AND " : " OR "));
                yield top || g.rules().size() == 1 ? inner : "(" + inner + ")";
            }
        };
    }
}
