package com.consumer360.cohorts;

import com.consumer360.refresh.SnapshotExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * After every refresh over all sales, once its snapshot is current: writes the cohort cells per region, country and
 * RFM segment (snap_cohort_group, migration V41) from the snapshot's per-customer cohort rows, as the page sums them
 * for a country or a segment overlay, so that the page adds up a few rows instead. The runner calls it with every
 * region in scope and rolls its transaction back on failure (the page then sums the customer rows).
 */
@Component
class CohortGroups implements SnapshotExtension {

    @Override
    public String name() {
        return "cohort_groups";
    }

    @Override
    public boolean afterSwitch() {
        return true;
    }

    @Override
    public String extend(Connection connection, long snapshotId, LocalDate asOf) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM snap_cohort_group WHERE snapshot_id = ?");
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO snap_cohort_group (snapshot_id, region_id, country, segment, cohort_month, period,
                                                    customers, revenue_cents)
                     SELECT c.snapshot_id, c.region_id, d.country, s.segment, c.cohort_month, r.period,
                            count(*) FILTER (WHERE r.period = ANY (c.active_periods)), sum(r.cents)
                     FROM snap_cohort_customer c
                     LEFT JOIN snap_customer s ON s.snapshot_id = c.snapshot_id AND s.customer_id = c.customer_id
                     LEFT JOIN dim_customer d ON d.customer_id = c.customer_id
                     CROSS JOIN unnest(c.revenue_periods, c.revenue_cents) AS r(period, cents)
                     WHERE c.snapshot_id = ?
                     GROUP BY c.snapshot_id, c.region_id, d.country, s.segment, c.cohort_month, r.period""")) {
            delete.setLong(1, snapshotId);
            delete.executeUpdate();
            insert.setLong(1, snapshotId);
            insert.executeUpdate();
        }
        return null;
    }
}
