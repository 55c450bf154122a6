package com.consumer360.export;

import java.util.Objects;

/**
 * A column of an export: its header, the type of its values, which XLSX keeps (numbers stay numbers), and for a
 * {@link Type#DECIMAL} or {@link Type#FRACTION} column the decimals it is rounded to in both formats ({@link #ALL_DIGITS}
 * for a column written as given). A double computed by a model (a CLV of 123.4567891234) is written as 123.46: the
 * digits beyond what the number means are noise to a reader and churn between runs.
 */
public record ExportColumn(String name, Type type, int digits) {

    /** {@link #digits} of a column written with every digit its value has. */
    public static final int ALL_DIGITS = -1;

    /** Decimals of an amount or mean ({@link #decimal(String)}). */
    public static final int AMOUNT_DIGITS = 2;

    /** Decimals of a fraction ({@link #fraction(String)}): 0.1234 = 12.34 %. */
    public static final int FRACTION_DIGITS = 4;

    /** What a column holds, and the Java values a row may put in it (or null for an empty cell). */
    public enum Type {
        /** A {@link CharSequence} or anything else, written with {@code toString()}; guarded against formulas. */
        TEXT,
        /** A whole {@link Number}. */
        INTEGER,
        /** A {@link Number} with decimals, such as an amount, rounded to the column's {@link #digits}. */
        DECIMAL,
        /**
         * A {@link Number} that is a fraction (0.25 = 25 %), rounded to the column's {@link #digits}; XLSX shows it
         * as a percentage.
         */
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
        if (digits < ALL_DIGITS || digits != ALL_DIGITS && type != Type.DECIMAL && type != Type.FRACTION) {
            throw new IllegalArgumentException("column " + name + " (" + type + ") cannot be rounded to " + digits
                    + " decimals");
        }
    }

    public ExportColumn(String name, Type type) {
        this(name, type, switch (type) {
            case DECIMAL -> AMOUNT_DIGITS;
            case FRACTION -> FRACTION_DIGITS;
            default -> ALL_DIGITS;
        });
    }

    public static ExportColumn text(String name) {
        return new ExportColumn(name, Type.TEXT);
    }

    public static ExportColumn integer(String name) {
        return new ExportColumn(name, Type.INTEGER);
    }

    /** An amount or a mean, two decimals. */
    public static ExportColumn decimal(String name) {
        return new ExportColumn(name, Type.DECIMAL);
    }

    /** A number with decimals that needs more (or fewer) than an amount's two, such as expected purchases. */
    public static ExportColumn decimal(String name, int digits) {
        return new ExportColumn(name, Type.DECIMAL, digits);
    }

    /** A fraction, four decimals (0.1234 = 12.34 %). */
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
