package com.consumer360.analytics.cohort;

import com.consumer360.analytics.TransactionTable;
import com.consumer360.analytics.cleaning.CleanedTransactions;
import java.util.List;

/** The table feed of cohorts: every kept line with a customer id, as activity in its month. */
public final class CohortActivity {

    private CohortActivity() {
    }

    public static List<CohortCell> cohorts(CleanedTransactions clean) {
        TransactionTable t = clean.table();
        CohortMatrix matrix = new CohortMatrix();
        // Lines arrive in date order in practice; caching the last day's month avoids a date per line.
        int cachedDay = Integer.MIN_VALUE;
        int cachedMonth = 0;
        for (int i = 0; i < clean.size(); i++) {
            int row = clean.row(i);
            int customer = t.customer(row);
            if (customer < 0) {
                continue;
            }
            if (t.day(row) != cachedDay) {
                cachedDay = t.day(row);
                cachedMonth = MonthIndex.ofEpochDay(cachedDay);
            }
            matrix.addMonthIndex(customer, cachedMonth, clean.isPurchase(row), t.amount(row));
        }
        return matrix.cells();
    }
}
