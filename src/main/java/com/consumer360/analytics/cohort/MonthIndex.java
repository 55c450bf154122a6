package com.consumer360.analytics.cohort;

import java.time.LocalDate;
import java.time.YearMonth;

/** Months as consecutive integers (year × 12 + month − 1), so "months since" is a subtraction. */
final class MonthIndex {

    private MonthIndex() {
    }

    static int of(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    static int ofEpochDay(int epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        return date.getYear() * 12 + date.getMonthValue() - 1;
    }

    static YearMonth toYearMonth(int index) {
        return YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
    }
}
