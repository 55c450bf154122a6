package com.consumer360.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Number formats shared by the RFM pages (UK grouping, as on the sales page). */
public final class Formats {

    private Formats() {
    }

    public static String money(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.UK);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    public static String money(Double value) {
        return value == null ? "–" : money(BigDecimal.valueOf(value));
    }

    public static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(value);
    }

    public static String decimal(double value, int digits) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.UK);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }

    public static String percent(double fraction) {
        return decimal(fraction * 100, 1) + " %";
    }

    public static String signed(Long change) {
        if (change == null) {
            return "–";
        }
        return change > 0 ? "+" + count(change) : change == 0 ? "±0" : "−" + count(-change);
    }
}
