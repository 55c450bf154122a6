package com.consumer360.customsegments;

import static com.consumer360.customsegments.Operator.BETWEEN;
import static com.consumer360.customsegments.Operator.EQUALS;
import static com.consumer360.customsegments.Operator.GREATER;
import static com.consumer360.customsegments.Operator.IN;
import static com.consumer360.customsegments.Operator.LESS;
import static com.consumer360.customsegments.Operator.NOT_BETWEEN;
import static com.consumer360.customsegments.Operator.NOT_EQUALS;
import static com.consumer360.customsegments.Operator.NOT_IN;

import java.util.List;

/**
 * The customer attributes a criterion can test, all as of the snapshot the segment is evaluated against
 * (docs/analytics-methods.md, "Custom segments").
 */
public enum Attribute {
    RECENCY_DAYS("Recency", "days", ValueType.INTEGER),
    FREQUENCY("Frequency", "invoices", ValueType.INTEGER),
    MONETARY("Monetary", "net revenue", ValueType.DECIMAL),
    R_SCORE("R score", "1-5", ValueType.SCORE),
    F_SCORE("F score", "1-5", ValueType.SCORE),
    M_SCORE("M score", "1-5", ValueType.SCORE),
    RFM_SEGMENT("RFM segment", "", ValueType.CHOICE),
    EXPECTED_CLV("Expected CLV", "amount", ValueType.DECIMAL),
    P_ALIVE("P(alive)", "0-1", ValueType.DECIMAL),
    EXPECTED_PURCHASES("Expected purchases", "next 52 weeks", ValueType.DECIMAL),
    AVERAGE_ORDER_VALUE("Average order value", "amount", ValueType.DECIMAL),
    FIRST_PURCHASE("First purchase", "date", ValueType.DATE),
    TENURE_MONTHS("Tenure", "months", ValueType.INTEGER),
    COUNTRY("Country", "", ValueType.CHOICE),
    REGION("Region", "", ValueType.CHOICE),
    BOUGHT_PRODUCT("Bought product", "in the last N days", ValueType.PRODUCTS);

    private final String label;
    private final String unit;
    private final ValueType type;

    Attribute(String label, String unit, ValueType type) {
        this.label = label;
        this.unit = unit;
        this.type = type;
    }

    public String label() {
        return label;
    }

    /** Unit or range shown next to the value fields; empty when none. */
    public String unit() {
        return unit;
    }

    public ValueType type() {
        return type;
    }

    /** The operators that make sense for the attribute's type. */
    public List<Operator> operators() {
        return switch (type) {
            case INTEGER, DECIMAL -> List.of(EQUALS, NOT_EQUALS, GREATER, LESS, BETWEEN, NOT_BETWEEN);
            case SCORE -> List.of(EQUALS, NOT_EQUALS, GREATER, LESS, BETWEEN, NOT_BETWEEN, IN, NOT_IN);
            case DATE -> List.of(EQUALS, GREATER, LESS, BETWEEN, NOT_BETWEEN);
            case CHOICE -> List.of(EQUALS, NOT_EQUALS, IN, NOT_IN);
            case PRODUCTS -> List.of(IN, NOT_IN);
        };
    }
}
