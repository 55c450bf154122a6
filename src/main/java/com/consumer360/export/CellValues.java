package com.consumer360.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

    /**
     * The value rounded half up to the column's decimals (an amount's two, a fraction's four); as given when the
     * column keeps every digit, when the value has no more digits, or when it is no finite number.
     */
    static Number rounded(ExportColumn column, Object value) {
        Number number = number(column, value);
        if (column.digits() == ExportColumn.ALL_DIGITS) {
            return number;
        }
        return switch (number) {
            case BigDecimal decimal when decimal.scale() > column.digits() ->
                    decimal.setScale(column.digits(), RoundingMode.HALF_UP);
            case Double d when Double.isFinite(d) ->
                    BigDecimal.valueOf(d).setScale(column.digits(), RoundingMode.HALF_UP).doubleValue();
            case Float f when Float.isFinite(f) ->
                    BigDecimal.valueOf(f.doubleValue()).setScale(column.digits(), RoundingMode.HALF_UP).doubleValue();
            default -> number;
        };
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
