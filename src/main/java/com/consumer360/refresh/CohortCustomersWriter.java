package com.consumer360.refresh;

import com.consumer360.refresh.WarehouseInputs.CohortActivity;
import com.consumer360.warehouse.CopyStream;
import com.consumer360.warehouse.StagedCopy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes snap_cohort_customer (migration V15): per cohort customer, each month from the cohort month on with any
 * activity. The cohort is the month of the first purchase, as in {@code CohortMatrix}, so the rows summed per
 * (cohort, period) are the snapshot's cohort matrix; the cohorts page filters them by country, segment or cell.
 */
final class CohortCustomersWriter {

    private CohortCustomersWriter() {
    }

    static long write(Connection connection, long snapshotId, List<CohortActivity> activity) throws SQLException {
        Map<Integer, List<CohortActivity>> byCustomer = new LinkedHashMap<>();
        for (CohortActivity month : activity) {
            byCustomer.computeIfAbsent(month.customerKey(), key -> new ArrayList<>(4)).add(month);
        }
        try (CopyStream copy = StagedCopy.open(connection, "snap_cohort_customer",
                "snapshot_id, cohort_month, period, customer_id, region_id, active, revenue")) {
            for (List<CohortActivity> months : byCustomer.values()) {
                YearMonth cohort = null;
                for (CohortActivity month : months) {
                    if (month.purchase() && (cohort == null || month.month().isBefore(cohort))) {
                        cohort = month.month();
                    }
                }
                if (cohort == null) {
                    continue; // only returns: no first purchase, no cohort
                }
                for (CohortActivity month : months) {
                    if (month.month().isBefore(cohort)) {
                        continue;
                    }
                    copy.field(snapshotId).field(cohort.atDay(1))
                            .field(ChronoUnit.MONTHS.between(cohort, month.month()))
                            .field(month.customerId()).field(month.regionId()).field(month.purchase())
                            .cents(Math.round(month.netRevenue() * 100));
                    copy.endRow();
                }
            }
        }
        return StagedCopy.publish(connection, "snap_cohort_customer");
    }
}
