package com.consumer360.analytics.cohort;

import java.time.YearMonth;

/** Months as consecutive integers (year × 12 + month − 1), as in {@code CleanedTransactions.monthIndex}. */
final class MonthIndex {

    private MonthIndex() {
    }

    static int of(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    static YearMonth toYearMonth(int index) {
        return YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
    }
}
