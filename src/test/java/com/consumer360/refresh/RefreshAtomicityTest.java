package com.consumer360.refresh;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.support.PortalIntegration;
import com.consumer360.support.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import com.consumer360.warehouse.WarehouseStatusService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** A run that fails or dies at any stage leaves the previous snapshot current and complete; the next run succeeds. */
@PortalIntegration
class RefreshAtomicityTest {

    private static final String SNAPSHOT_ROWS = "SELECT (SELECT count(*) FROM snap_customer WHERE snapshot_id = s.id)"
            + " + (SELECT count(*) FROM snap_segment_summary WHERE snapshot_id = s.id)"
            + " + (SELECT count(*) FROM snap_segment_product_totals WHERE snapshot_id = s.id)"
            + " + (SELECT count(*) FROM snap_cohort WHERE snapshot_id = s.id)"
            + " + (SELECT count(*) FROM snap_basket_rule WHERE snapshot_id = s.id)"
            + " FROM (SELECT snapshot_id AS id FROM snapshot WHERE is_current) s";

    @Autowired
    RefreshRunner runner;

    @Autowired
    WarehouseStatusService status;

    @AfterEach
    void removeFault() {
        runner.setStageHook(stage -> { });
    }

    @ParameterizedTest
    @EnumSource(RefreshStage.class)
    @WithUserDetails("admin") // for the header's freshness, which is read as a signed-in user
    void aFaultAtAnyStageKeepsThePreviousSnapshot(RefreshStage failing) throws Exception {
        long good = runner.run("MANUAL", "test");
        long current = superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current");
        long rows = superuserLong(SNAPSHOT_ROWS);
        long snapshots = superuserLong("SELECT count(*) FROM snapshot");
        assertThat(current).isEqualTo(good);

        runner.setStageHook(stage -> {
            if (stage == failing) {
                throw new IllegalStateException("injected fault at " + stage);
            }
        });
        long failed = runner.run("MANUAL", "test");
        assertThat(status(failed)).isEqualTo("FAILED");
        assertThat(superuserLong("SELECT count(*) FROM refresh_run WHERE run_id = ? AND error_message LIKE "
                + "'injected fault at %'", failed)).isEqualTo(1);
        assertThat(superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current")).isEqualTo(current);
        assertThat(superuserLong(SNAPSHOT_ROWS)).isEqualTo(rows);
        assertThat(superuserLong("SELECT count(*) FROM snapshot")).isEqualTo(snapshots);
        assertThat(superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = ?", failed)).isZero();

        assertThat(status.freshness().lastRunFailed()).as("header warns after a failed run").isTrue();
        assertThat(status.freshness().snapshotAsOf()).isNotNull();

        runner.setStageHook(stage -> { });
        long next = runner.run("MANUAL", "test");
        assertThat(status.freshness().lastRunFailed()).isFalse();
        assertThat(status(next)).isEqualTo("SUCCEEDED");
        assertThat(superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current")).isEqualTo(next);
    }

    @Test
    void aRunWhoseDatabaseSessionIsKilledMidwayChangesNothing() throws Exception {
        long before = runner.run("MANUAL", "test");
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch killed = new CountDownLatch(1);
        runner.setStageHook(stage -> {
            if (stage == RefreshStage.WRITE) {
                writing.countDown();
                try {
                    killed.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Thread run = new Thread(() -> runner.run("MANUAL", "test"));
        run.start();
        assertThat(writing.await(60, TimeUnit.SECONDS)).isTrue();
        try (Connection admin = TestDatabase.connectAs("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' "
                    + "AND objid = " + RefreshRunner.LOCK + " AND granted");
        }
        killed.countDown();
        run.join(60_000);
        assertThat(superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current")).isEqualTo(before);
        assertThat(superuserLong("SELECT count(*) FROM refresh_run WHERE status = 'RUNNING'")).isZero();
        runner.setStageHook(stage -> { });
        assertThat(status(runner.run("MANUAL", "test"))).isEqualTo("SUCCEEDED");
    }

    @Test
    void runsLeftRunningByADeadProcessAreMarkedInterrupted() throws Exception {
        try (Connection admin = TestDatabase.connectAs("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("INSERT INTO refresh_run (trigger_kind, started_by, started_at, status) "
                    + "VALUES ('SCHEDULED', 'system:scheduler', now() - interval '1 hour', 'RUNNING')");
        }
        long stale = superuserLong("SELECT max(run_id) FROM refresh_run");
        assertThat(status(runner.run("MANUAL", "test"))).isEqualTo("SUCCEEDED");
        assertThat(status(stale)).isEqualTo("FAILED");
    }

    private static String status(long runId) throws Exception {
        try (Connection admin = TestDatabase.connectAs("postgres"); Statement statement = admin.createStatement();
             var result = statement.executeQuery("SELECT status FROM refresh_run WHERE run_id = " + runId)) {
            result.next();
            return result.getString(1);
        }
    }
}
