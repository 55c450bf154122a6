package com.consumer360.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * The one rule for every number the portal shows (pages, e-mailed digests): grouped by the configured locale's
 * separators (1,234.50 in en-GB), amounts with two decimals and their currency named once in the heading or label
 * ({@link #withCurrency}) rather than on every cell. Locale and currency are the properties
 * {@code consumer360.locale} and {@code consumer360.currency} (docs/operations.md), set once at start by
 * {@link FormatSettings}. NumberFormat is not thread-safe, so each call makes its own.
 */
public final class Formats {

    private static volatile Locale locale = Locale.UK;
    private static volatile Currency currency = Currency.getInstance("GBP");

    private Formats() {
    }

    static void configure(Locale newLocale, Currency newCurrency) {
        locale = newLocale;
        currency = newCurrency;
    }

    /** The currency's symbol in the configured locale, e.g. £ for GBP in en-GB, or its code where it has none. */
    public static String currencySymbol() {
        return currency.getSymbol(locale);
    }

    /** A heading or label for an amount column: "Net revenue (£)". */
    public static String withCurrency(String label) {
        return label + " (" + currencySymbol() + ")";
    }

    public static String money(BigDecimal value) {
        return decimal(value, 2);
    }

    public static String money(Double value) {
        return value == null ? "–" : money(BigDecimal.valueOf(value));
    }

    public static String count(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    public static String decimal(double value, int digits) {
        return decimal(BigDecimal.valueOf(value), digits);
    }

    private static String decimal(BigDecimal value, int digits) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }

    public static String percent(double fraction) {
        return percent(fraction, 1);
    }

    /**
     * A share of a count in whole percent, for a share of at least one: 0.004 (someone) is "<1 %", not "0 %";
     * 0.126 is "13 %".
     */
    public static String wholeShare(double fraction) {
        String whole = decimal(fraction * 100, 0);
        return fraction > 0 && "0".equals(whole) ? "<1 %" : whole + " %";
    }

    /** A fraction as a percentage with {@code digits} decimals: 0.002534 with two is "0.25 %". */
    public static String percent(double fraction, int digits) {
        return decimal(fraction * 100, digits) + " %";
    }

    /** A change of an amount, two decimals, with its sign: "+1,234.50", "−12.00" (U+2212), "±0.00". */
    public static String signedMoney(double change) {
        BigDecimal size = BigDecimal.valueOf(Math.abs(change));
        return sign(change, size.setScale(2, RoundingMode.HALF_EVEN)) + money(size);
    }

    /** A relative change as a percentage with one decimal and its sign: "+2.5 %", "−0.4 %", "±0.0 %". */
    public static String signedPercent(double fraction) {
        BigDecimal size = BigDecimal.valueOf(Math.abs(fraction) * 100);
        return sign(fraction, size.setScale(1, RoundingMode.HALF_EVEN)) + decimal(size, 1) + " %";
    }

    /** The sign of a change as shown: "±" when it shows as zero, the minus sign U+2212 rather than a hyphen. */
    private static String sign(double change, BigDecimal shown) {
        return shown.signum() == 0 ? "±" : change > 0 ? "+" : "−";
    }

    /** A change of a count with its sign: "+12", "−3" (U+2212, not a hyphen), "±0"; "–" for none. */
    public static String signed(Long change) {
        if (change == null) {
            return "–";
        }
        return change > 0 ? "+" + count(change) : change == 0 ? "±0" : "−" + count(-change);
    }
}
