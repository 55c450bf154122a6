package com.consumer360.refresh;

import com.consumer360.refresh.WarehouseInputs.CohortActivity;
import com.consumer360.warehouse.CopyStream;
import com.consumer360.warehouse.StagedCopy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes snap_cohort_customer (migration V15): per cohort customer, the periods with a purchase and the periods with
 * any activity with their net revenue, as arrays. The cohort is the month of the first purchase, as in
 * {@code CohortMatrix}, so the rows summed per (cohort, period) are the snapshot's cohort matrix; the cohorts page
 * filters them by country, segment or cell.
 */
final class CohortCustomersWriter {

    private static final Logger log = LoggerFactory.getLogger(CohortCustomersWriter.class);

    private CohortCustomersWriter() {
    }

    static long write(Connection connection, long snapshotId, List<CohortActivity> activity) throws SQLException {
        long start = System.nanoTime();
        // The read lists each customer's months together (CustomerDays); a map of lists per customer held about 60 MB
        // at 10 M lines (issue 19), so the customers' runs are walked in place, after a stable sort if needed.
        List<CohortActivity> ordered = activity;
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i).customerKey() < ordered.get(i - 1).customerKey()) {
                ordered = new ArrayList<>(activity);
                ordered.sort(Comparator.comparingInt(CohortActivity::customerKey));
                break;
            }
        }
        List<CohortActivity> months = new ArrayList<>();
        StringBuilder active = new StringBuilder();
        StringBuilder periods = new StringBuilder();
        StringBuilder cents = new StringBuilder();
        try (CopyStream copy = StagedCopy.open(connection, "snap_cohort_customer",
                "snapshot_id, cohort_month, customer_id, region_id, active_periods, revenue_periods, revenue_cents")) {
            for (int first = 0, end; first < ordered.size(); first = end) {
                end = first + 1;
                while (end < ordered.size() && ordered.get(end).customerKey() == ordered.get(first).customerKey()) {
                    end++;
                }
                months.clear();
                months.addAll(ordered.subList(first, end));
                YearMonth cohort = null;
                for (CohortActivity month : months) {
                    if (month.purchase() && (cohort == null || month.month().isBefore(cohort))) {
                        cohort = month.month();
                    }
                }
                if (cohort == null) {
                    continue; // only returns: no first purchase, no cohort
                }
                months.sort(Comparator.comparing(CohortActivity::month));
                active.setLength(0);
                periods.setLength(0);
                cents.setLength(0);
                for (CohortActivity month : months) {
                    if (month.month().isBefore(cohort)) {
                        continue;
                    }
                    long period = ChronoUnit.MONTHS.between(cohort, month.month());
                    if (month.purchase()) {
                        active.append(active.isEmpty() ? "" : ",").append(period);
                    }
                    periods.append(periods.isEmpty() ? "" : ",").append(period);
                    cents.append(cents.isEmpty() ? "" : ",").append(Math.round(month.netRevenue() * 100));
                }
                copy.field(snapshotId).field(cohort.atDay(1)).field(months.getFirst().customerId())
                        .field(months.getFirst().regionId()).field("{" + active + "}").field("{" + periods + "}")
                        .field("{" + cents + "}");
                copy.endRow();
            }
        }
        // In cohort order: a cohort's customers (a cell's list on the cohorts page) then lie together in the table
        // instead of across all of it (45,000 customers of one cohort: 12,000 pages read at 10 M lines, 0.17 s,
        // against 560 pages in cohort order).
        long rows = StagedCopy.publish(connection, "snap_cohort_customer", List.of("cohort_month", "customer_id"));
        log.debug("snap_cohort_customer: {} rows in {} ms", rows, (System.nanoTime() - start) / 1_000_000);
        return rows;
    }
}
