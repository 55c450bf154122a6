package com.consumer360.export;

import java.util.Objects;

/** A column of an export: its header and the type of its values, which XLSX keeps (numbers stay numbers). */
public record ExportColumn(String name, Type type) {

    /** What a column holds, and the Java values a row may put in it (or null for an empty cell). */
    public enum Type {
        /** A {@link CharSequence} or anything else, written with {@code toString()}; guarded against formulas. */
        TEXT,
        /** A whole {@link Number}. */
        INTEGER,
        /** A {@link Number} with decimals, such as an amount. */
        DECIMAL,
        /** A {@link Number} that is a fraction (0.25 = 25 %); XLSX shows it as a percentage. */
        FRACTION,
        /**
         * A {@link Number} shown with all its digits (a measure such as support 0.00122 or lift 18.996, which a
         * two-decimal format would hide); XLSX uses Excel's General format.
         */
        MEASURE,
        /** A {@link java.time.LocalDate}. */
        DATE,
        /** A {@link java.time.LocalDateTime}. */
        DATE_TIME
    }

    public ExportColumn {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
    }

    public static ExportColumn text(String name) {
        return new ExportColumn(name, Type.TEXT);
    }

    public static ExportColumn integer(String name) {
        return new ExportColumn(name, Type.INTEGER);
    }

    public static ExportColumn decimal(String name) {
        return new ExportColumn(name, Type.DECIMAL);
    }

    public static ExportColumn fraction(String name) {
        return new ExportColumn(name, Type.FRACTION);
    }

    public static ExportColumn measure(String name) {
        return new ExportColumn(name, Type.MEASURE);
    }

    public static ExportColumn date(String name) {
        return new ExportColumn(name, Type.DATE);
    }

    public static ExportColumn dateTime(String name) {
        return new ExportColumn(name, Type.DATE_TIME);
    }
}
