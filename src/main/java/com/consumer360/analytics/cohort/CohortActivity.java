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
        for (int i = 0; i < clean.size(); i++) {
            int row = clean.row(i);
            int customer = t.customer(row);
            if (customer < 0) {
                continue;
            }
            matrix.addMonthIndex(customer, clean.monthIndex(row), clean.isPurchase(row), t.amount(row));
        }
        return matrix.cells();
    }
}
