package com.consumer360.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Checks that a row's value fits its column's type, so a wrong row fails loudly rather than writing junk. */
final class CellValues {

    private CellValues() {
    }

    static void requireRowLength(ExportTable table, Object[] values) {
        if (values.length != table.columns().size()) {
            throw new IllegalArgumentException(table.title() + ": a row has " + values.length + " values for "
                    + table.columns().size() + " columns");
        }
    }

    static Number number(ExportColumn column, Object value) {
        if (value instanceof Number number) {
            return number;
        }
        throw mismatch(column, value);
    }

    static LocalDate date(ExportColumn column, Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        throw mismatch(column, value);
    }

    static LocalDateTime dateTime(ExportColumn column, Object value) {
        if (value instanceof LocalDateTime dateTime) {
            return dateTime;
        }
        throw mismatch(column, value);
    }

    /** A number as plain decimal text: never in exponent notation, as BigDecimal and double might print it. */
    static String plain(Number number) {
        return switch (number) {
            case BigDecimal decimal -> decimal.toPlainString();
            case Double d when d.isNaN() || d.isInfinite() -> "";
            case Float f when f.isNaN() || f.isInfinite() -> "";
            case Double d -> BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            case Float f -> BigDecimal.valueOf(f.doubleValue()).stripTrailingZeros().toPlainString();
            default -> number.toString();
        };
    }

    private static IllegalArgumentException mismatch(ExportColumn column, Object value) {
        return new IllegalArgumentException("column " + column.name() + " (" + column.type() + ") cannot hold a "
                + value.getClass().getSimpleName());
    }
}
