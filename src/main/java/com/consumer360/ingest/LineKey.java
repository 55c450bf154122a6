package com.consumer360.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A kept line's natural key, {@code fact_sales.line_key}, as a UUID: the line's day key ({@code yyyymmdd} as a 32-bit
 * number) in the first four bytes, then the last twelve bytes of the MD5 digest of PostgreSQL's
 * {@code concat_ws('|', invoice_no, invoice_ts, product_code, quantity, unit_price, net_amount, customer_code, country)}
 * over the staged values (text as PostgreSQL prints them; a missing value is skipped, as concat_ws skips NULL).
 * The day first makes a chronological file's keys arrive nearly in order, so the unique index takes them at its
 * right edge instead of at random pages (a fifth less insert time, docs/performance.md); migration V27 gave the keys
 * of earlier imports the same form. Computed here, while the lines are copied, rather than by the server in the
 * insert. ImportNaturalKeyTest checks it against the SQL expression.
 */
final class LineKey {

    private final MessageDigest md5;
    private final StringBuilder text = new StringBuilder(160);
    private boolean first;

    LineKey() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no MD5", e);
        }
    }

    /** A timestamp as PostgreSQL prints it (ISO date style, whole seconds): {@code 2010-12-01 08:26:00}. */
    static String timestamp(LocalDate day, int secondOfDay) {
        StringBuilder out = new StringBuilder(19);
        int year = day.getYear();
        if (year < 1000) {
            out.append(year < 10 ? "000" : year < 100 ? "00" : "0");
        }
        out.append(year).append('-');
        two(out, day.getMonthValue()).append('-');
        two(out, day.getDayOfMonth()).append(' ');
        two(out, secondOfDay / 3600).append(':');
        two(out, secondOfDay / 60 % 60).append(':');
        return two(out, secondOfDay % 60).toString();
    }

    private static StringBuilder two(StringBuilder out, int value) {
        return out.append(value < 10 ? "0" : "").append(value);
    }

    UUID of(int dateKey, String invoice, String timestamp, String product, int quantity, String unitPrice,
            String amount, String customer, String country) {
        text.setLength(0);
        first = true;
        append(invoice);
        append(timestamp);
        append(product);
        append(Integer.toString(quantity));
        append(unitPrice);
        append(amount);
        append(customer);
        append(country);
        byte[] digest = md5.digest(text.toString().getBytes(StandardCharsets.UTF_8));
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = high << 8 | (digest[i] & 0xff);
            low = low << 8 | (digest[i + 8] & 0xff);
        }
        return new UUID((long) dateKey << 32 | high & 0xffff_ffffL, low);
    }

    private void append(String value) {
        if (value == null) {
            return;
        }
        if (!first) {
            text.append('|');
        }
        first = false;
        text.append(value);
    }
}
