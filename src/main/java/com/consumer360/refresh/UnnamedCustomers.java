package com.consumer360.refresh;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Counts, once a snapshot is current, its customers whose dim_customer row is missing or in another region than
 * their snapshot row (V50: {@code snapshot.unnamed_customers}). While there are none and no customer has moved since
 * the refresh read the warehouse ({@code snapshot.customer_moves}, recorded in the refresh's own transaction), every
 * customer a reader sees in the snapshot has a name the reader sees, and the customer lists may join the names with
 * an inner join that an index serves in name order ({@code warehouse.CustomerListQuery}).
 *
 * <p>It runs after the switch and the housekeeping (retention, ANALYZE), outside the refresh's time (30–110 ms at
 * 1 M lines), first of the after-switch work. Until it has run the count is NULL and the lists join as before;
 * snapshots of a run with history (weeks of the past) are not current and keep NULL. Counting later than the refresh read is
 * equally safe: a customer moved in between has moved the counter on, so the lists join as before whatever the count
 * says, and a name that appeared in between is one the LEFT JOIN would show too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnnamedCustomers implements SnapshotExtension {

    @Override
    public String name() {
        return "unnamed_customers";
    }

    @Override
    public boolean afterSwitch() {
        return true;
    }

    @Override
    public String extend(Connection connection, long snapshotId, LocalDate asOf) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE snapshot SET unnamed_customers = (
                    SELECT count(*) FROM snap_customer s
                    WHERE s.snapshot_id = ? AND NOT EXISTS (SELECT 1 FROM dim_customer c
                        WHERE c.customer_id = s.customer_id AND c.region_id = s.region_id))
                WHERE snapshot_id = ?""")) {
            update.setLong(1, snapshotId);
            update.setLong(2, snapshotId);
            update.executeUpdate();
        }
        return null;
    }
}
