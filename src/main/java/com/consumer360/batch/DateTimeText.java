package com.consumer360.batch;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads the invoice dates the batch run accepts, as written (an offset or zone suffix is ignored):
 * ISO {@code 2010-12-01}, {@code 2010-12-01 08:26[:00[.000]]} or with {@code T}, and the US form of other
 * UCI copies, {@code 12/1/2010 8:26} (month first) with or without a time.
 */
final class DateTimeText {

    /** Returned when the text is not a date. */
    static final long INVALID = Long.MIN_VALUE;

    private DateTimeText() {
    }

    /** Seconds since 1970-01-01T00:00 of the local date-time, or {@link #INVALID}. */
    static long parse(String text) {
        String s = text.strip();
        try {
            return s.indexOf('/') > 0 ? parseUs(s) : parseIso(s);
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return INVALID;
        }
    }

    private static long parseIso(String s) {
        if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return INVALID;
        }
        LocalDate date = LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
        if (s.length() == 10) {
            return date.toEpochDay() * 86_400;
        }
        char separator = s.charAt(10);
        if (separator != ' ' && separator != 'T') {
            return INVALID;
        }
        return withTime(date, s, 11);
    }

    private static long parseUs(String s) {
        int slash1 = s.indexOf('/');
        int slash2 = s.indexOf('/', slash1 + 1);
        int space = s.indexOf(' ', slash2 + 1);
        int yearEnd = space < 0 ? s.length() : space;
        if (slash2 < 0 || yearEnd - slash2 != 5) {
            return INVALID;
        }
        LocalDate date = LocalDate.of(digits(s, slash2 + 1, yearEnd), digits(s, 0, slash1),
                digits(s, slash1 + 1, slash2));
        return space < 0 ? date.toEpochDay() * 86_400 : withTime(date, s, space + 1);
    }

    /** Time as H:mm or HH:mm with optional :ss and fraction; anything after the seconds is ignored. */
    private static long withTime(LocalDate date, String s, int from) {
        int colon = s.indexOf(':', from);
        if (colon < 0) {
            return INVALID;
        }
        int hour = digits(s, from, colon);
        int minute = digits(s, colon + 1, colon + 3);
        int second = s.length() > colon + 3 && s.charAt(colon + 3) == ':' ? digits(s, colon + 4, colon + 6) : 0;
        if (hour > 23 || minute > 59 || second > 59) {
            return INVALID;
        }
        return date.toEpochDay() * 86_400 + hour * 3600L + minute * 60L + second;
    }

    private static int digits(String s, int from, int to) {
        if (from >= to || to - from > 4) {
            throw new NumberFormatException();
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException();
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
