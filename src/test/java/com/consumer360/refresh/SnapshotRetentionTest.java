package com.consumer360.refresh;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.support.PortalIntegration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retention keeps the newest snapshots and removes everything of the others, including the rows of the snapshot
 * tables that have no foreign key to snapshot (migration V9) and are pruned explicitly.
 */
@PortalIntegration
class SnapshotRetentionTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    RefreshOptions options;

    @Autowired
    RunHistory history;

    @Autowired
    RefreshProgressBroadcaster progress;

    @Test
    void snapshotsBeyondTheRetentionGoWithAllTheirRows() throws Exception {
        RefreshOptions keepTwo = new RefreshOptions(options.cron(), 2, options.minSupport(), options.minConfidence(),
                options.maxLength(), options.clvMonths(), options.discountRate(), options.holdoutWeeks());
        RefreshRunner runner = new RefreshRunner(dataSource, keepTwo, history, progress, event -> { }, java.util.List.of());
        runner.run("MANUAL", "test");
        long previous = runner.run("MANUAL", "test");
        long current = runner.run("MANUAL", "test");

        assertThat(superuserLong("SELECT count(*) FROM snapshot")).isEqualTo(2);
        assertThat(superuserLong("SELECT min(snapshot_id) FROM snapshot")).isEqualTo(previous);
        assertThat(superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current")).isEqualTo(current);
        for (String table : new String[] {"snap_customer", "snap_basket_rule_set", "snap_segment_product_totals",
                "snap_segment_summary", "snap_segment_movement", "snap_cohort", "snap_cohort_customer"}) {
            assertThat(superuserLong("SELECT count(*) FROM " + table + " WHERE snapshot_id NOT IN "
                    + "(SELECT snapshot_id FROM snapshot)")).as("rows of removed snapshots in " + table).isZero();
            assertThat(superuserLong("SELECT count(DISTINCT snapshot_id) FROM " + table)).as(table).isEqualTo(2);
        }
    }
}
