package com.consumer360.analytics.metrics;

import com.consumer360.analytics.TransactionTable;
import com.consumer360.analytics.cleaning.CleanedTransactions;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Sales by calendar month, from the first to the last month with kept lines, months without sales included. */
final class MonthlySalesCalculator {

    private MonthlySalesCalculator() {
    }

    static List<MonthlySales> of(CleanedTransactions clean) {
        if (clean.size() == 0) {
            return List.of();
        }
        TransactionTable t = clean.table();
        YearMonth firstMonth = YearMonth.from(LocalDate.ofEpochDay(clean.firstDay()));
        YearMonth lastMonth = YearMonth.from(LocalDate.ofEpochDay(clean.lastDay()));
        int months = (int) firstMonth.until(lastMonth, ChronoUnit.MONTHS) + 1;
        double[] revenue = new double[months];
        long[] quantity = new long[months];
        int[] invoices = new int[months];
        boolean[] invoiceCounted = new boolean[t.invoiceCount()];
        int firstMonthIndex = firstMonth.getYear() * 12 + firstMonth.getMonthValue() - 1;
        for (int i = 0; i < clean.size(); i++) {
            int row = clean.row(i);
            int month = clean.monthIndex(row) - firstMonthIndex;
            revenue[month] += t.amount(row);
            quantity[month] += t.quantity(row);
            int invoice = t.invoice(row);
            if (clean.isPurchase(row) && (invoice < 0 || !invoiceCounted[invoice])) {
                invoices[month]++;
                if (invoice >= 0) {
                    invoiceCounted[invoice] = true;
                }
            }
        }
        List<MonthlySales> result = new ArrayList<>(months);
        for (int m = 0; m < months; m++) {
            result.add(new MonthlySales(firstMonth.plusMonths(m), revenue[m], quantity[m], invoices[m]));
        }
        return result;
    }
}
