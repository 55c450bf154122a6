package com.consumer360.refresh;

import com.consumer360.security.SystemScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import com.consumer360.analytics.basket.RegionalBasketRules;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one refresh: reads, computes and writes a snapshot in one REPEATABLE READ transaction under the audited
 * system scope "refresh", then switches it current in the same transaction. A failure or a killed process
 * rolls everything back and the previous snapshot stays current. A PostgreSQL advisory lock makes sure only
 * one run works at a time, across all app nodes.
 */
@Component
class RefreshRunner {

    /** Advisory lock key of the refresh ("c360" in hex). */
    static final long LOCK = 0x63333630L;
    private static final Logger log = LoggerFactory.getLogger(RefreshRunner.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DataSource dataSource;
    private final RefreshOptions options;
    private final RunHistory history;
    private final RefreshProgressBroadcaster progress;
    private final ApplicationEventPublisher events;
    private final java.util.List<SnapshotExtension> extensions;
    private volatile Consumer<RefreshStage> stageHook = stage -> { };

    RefreshRunner(DataSource dataSource, RefreshOptions options, RunHistory history,
                  RefreshProgressBroadcaster progress, ApplicationEventPublisher events,
                  java.util.List<SnapshotExtension> extensions) {
        this.events = events;
        this.extensions = java.util.List.copyOf(extensions);
        this.dataSource = dataSource;
        this.options = options;
        this.history = history;
        this.progress = progress;
    }

    /** Tests inject faults here: the hook runs as each stage starts. */
    void setStageHook(Consumer<RefreshStage> hook) {
        this.stageHook = hook;
    }

    /** Runs a refresh now on this thread; returns its run id. Never throws: the outcome is in the history. */
    long run(String trigger, String startedBy) {
        return run(trigger, startedBy, null);
    }

    /**
     * Runs the weekly snapshots of the last {@code weeks} weeks as the refresh would have written them (oldest first,
     * each over the sales before its week's end), then a refresh over all sales; returns the last run's id. Used
     * for a new installation's first refresh, so that week-on-week pages have a history from the start.
     */
    long runWithHistory(String trigger, String startedBy, int weeks) {
        LocalDate lastSale = null;
        try {
            lastSale = SystemScope.call("refresh-history", allRegions(), this::lastSale);
        } catch (Exception e) {
            log.warn("Refresh history skipped: {}", e.getMessage());
        }
        for (int week = weeks; week >= 1 && lastSale != null; week--) {
            run(trigger, startedBy, lastSale.plusDays(1).minusWeeks(week));
        }
        return run(trigger, startedBy);
    }

    private LocalDate lastSale() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT max(date_key) FROM fact_invoice")) {
            result.next();
            int key = result.getInt(1);
            return result.wasNull() ? null : LocalDate.of(key / 10_000, key / 100 % 100, key % 100);
        }
    }

    /**
     * Runs a refresh over the sales before {@code salesBefore} (all sales when null): the snapshot the refresh would
     * have written then. It becomes current like any other, so history is built oldest first and ends with a run
     * over all sales.
     */
    long run(String trigger, String startedBy, LocalDate salesBefore) {
        long runId = history.start(trigger, startedBy);
        Map<String, Long> millis = Collections.synchronizedMap(new LinkedHashMap<>());
        long started = System.nanoTime();
        try {
            Set<Short> regions = allRegions();
            Outcome outcome = SystemScope.call("refresh", regions, () -> execute(runId, millis, salesBefore));
            millis.put("total", (System.nanoTime() - started) / 1_000_000);
            history.finish(runId, outcome.status(), json(millis),
                    JSON.writeValueAsString(outcome.rows()), outcome.snapshotId(), outcome.message());
            progress.publish(new RefreshProgress(runId, RefreshStage.SWITCH, 1, true, outcome.status()));
            log.info("Refresh {} {} in {} ms: {}", runId, outcome.status(), millis.get("total"), millis);
            if ("SUCCEEDED".equals(outcome.status())) {
                housekeeping(regions);
                if (salesBefore == null) {
                    afterSwitch(regions, outcome.snapshotId());
                    publishSnapshot(runId, outcome.snapshotId(), trigger, startedBy);
                }
            }
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.warn("Refresh {} failed: {}", runId, message, e);
            history.finish(runId, "FAILED", json(millis), null, null, message);
            progress.publish(new RefreshProgress(runId, null, 0, true, "FAILED: " + message));
        }
        return runId;
    }

    private Outcome execute(long runId, Map<String, Long> millis, LocalDate salesBefore) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            if (!tryLock(connection)) {
                connection.rollback();
                return new Outcome("SKIPPED", Map.of(), null, "another refresh was running");
            }
            history.markInterrupted(runId);
            try (var statement = connection.createStatement()) {
                // Segment movement joins two snapshots' customers: keep its hash join in memory.
                statement.execute("SET LOCAL work_mem = '256MB'");
            }
            SnapshotComputation compute = new SnapshotComputation(options);
            Timer timer = new Timer(runId, millis);
            WarehouseInputs inputs = timer.stage(RefreshStage.READ, () -> new WarehouseReader(connection, salesBefore).read());
            SnapshotWriter writer = new SnapshotWriter(connection, runId);
            SnapshotContent content;
            // The engines are independent of each other: CLV and basket mining run beside RFM and cohorts. Writing
            // starts with what needs neither (segment products, cohorts) while CLV is still being fitted, and the
            // customer-level tables are written while basket mining may still be running.
            ExecutorService engines = Executors.newFixedThreadPool(3);
            try {
                Future<ClvStage> clv = engines.submit(() -> timer.stage(RefreshStage.CLV,
                        () -> ClvStage.fitFull(compute, inputs)));
                // The holdout check runs beside the full fit when both fits' working sets fit the heap easily, and
                // after it otherwise: at 10 M lines two at once were about 200 MB, and a 1 GiB heap then spent the
                // refresh collecting (issue 19); at 1 M lines side by side saves a second of the critical path.
                boolean besideFullFit = fitsBeside(inputs.purchaseDays().size());
                Future<ClvStage> holdout = engines.submit(() -> {
                    if (!besideFullFit) {
                        clv.get();
                    }
                    return timer.timed("clv_holdout", () -> ClvStage.fitHoldout(compute, inputs));
                });
                Future<RegionalBasketRules> rules = engines.submit(() -> timer.stage(RefreshStage.BASKETS,
                        () -> compute.rules(inputs)));
                var rfm = timer.stage(RefreshStage.RFM, () -> compute.rfm(inputs));
                var cohorts = timer.stage(RefreshStage.COHORTS, () -> compute.cohorts(inputs));
                content = timer.stage(RefreshStage.WRITE, () -> {
                    writer.start(new SnapshotContent(inputs, rfm, null, null, null, cohorts, null));
                    ClvStage models = result(clv);
                    writer.write(new SnapshotContent(inputs, rfm, models.full(), null, models.note(), cohorts,
                            null));
                    ClvStage checked = models.with(result(holdout));
                    SnapshotContent complete = new SnapshotContent(inputs, rfm, checked.full(), checked.holdout(),
                            checked.note(), cohorts, result(rules));
                    writer.finish(complete, ModelSummary.json(complete, options));
                    return complete;
                });
            } finally {
                engines.shutdownNow();
            }
            StringBuilder notes = new StringBuilder(content.clvNote() == null ? "" : content.clvNote());
            for (SnapshotExtension extension : extensions) {
                if (extension.afterSwitch()) {
                    continue;
                }
                String note = timer.timed(extension.name(), () -> extension.extend(connection, runId,
                        inputs.asOf()));
                if (note != null && !note.isBlank()) {
                    notes.append(notes.isEmpty() ? "" : " ").append(note);
                }
            }
            timer.stage(RefreshStage.SWITCH, () -> {
                writer.switchCurrent();
                connection.commit();
                return null;
            });
            String cleaning = inputs.cleaning().text(content.rfm().size());
            return new Outcome("SUCCEEDED", writer.rowsWritten(), runId,
                    notes.isEmpty() ? cleaning : cleaning + " · " + notes);
        }
    }

    /**
     * Whether the CLV holdout check may run beside the full fit: each fit's working set is roughly 100 bytes a purchase
     * (customer index, per-purchase arrays, customer summaries; measured at 10 M lines), and two at once should take
     * at most an eighth of the maximum heap. With -Xmx1g: side by side up to about 650,000 purchases (3 M lines of
     * the demo data).
     */
    static boolean fitsBeside(int purchases) {
        return 2L * purchases * 100 <= Runtime.getRuntime().maxMemory() / 8;
    }

    /** The extensions that run once the snapshot is current ({@link SnapshotExtension#afterSwitch()}). */
    private void afterSwitch(Set<Short> regions, Long snapshotId) {
        for (SnapshotExtension extension : extensions) {
            if (!extension.afterSwitch() || snapshotId == null) {
                continue;
            }
            long started = System.nanoTime();
            try {
                String note = SystemScope.call("refresh-" + extension.name(), regions, () -> {
                    try (Connection connection = dataSource.getConnection()) {
                        connection.setAutoCommit(false);
                        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                        try {
                            // Sums over the warehouse are read for any set of regions later: written only when
                            // the scope covers every region; a failure leaves the previous rows (rolled back).
                            if (!coversAllRegions(connection)) {
                                connection.rollback();
                                return "not written: the refresh's scope does not cover every region";
                            }
                            String result = extension.extend(connection, snapshotId, null);
                            connection.commit();
                            return result;
                        } catch (SQLException | RuntimeException e) {
                            connection.rollback();
                            throw e;
                        } finally {
                            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                            connection.setAutoCommit(true);
                        }
                    }
                });
                log.info("After the refresh: {} in {} ms{}", extension.name(), (System.nanoTime() - started) / 1_000_000,
                        note == null ? "" : ": " + note);
            } catch (Exception e) {
                log.warn("After the refresh: {} failed: {}", extension.name(), e.getMessage());
            }
        }
    }

    private static boolean coversAllRegions(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
             var all = statement.executeQuery("SELECT app_scope_covers_all_regions()")) {
            all.next();
            return all.getBoolean(1);
        }
    }

    /** Tells listeners (the weekly digest) about the new snapshot; their failures never fail the refresh. */
    private void publishSnapshot(long runId, Long snapshotId, String trigger, String startedBy) {
        if (snapshotId == null) {
            return;
        }
        try {
            events.publishEvent(new SnapshotPublished(runId, snapshotId, trigger, startedBy));
        } catch (RuntimeException e) {
            log.warn("After refresh {}: a listener failed: {}", runId, e.getMessage(), e);
        }
    }

    /**
     * Housekeeping once the new snapshot is current, outside the run's transaction and time: remove the snapshots
     * beyond the retention (hundreds of thousands of rows at 1 M lines; nothing reads them any more, and a
     * failure here is caught up by the next run), then refresh the planner statistics of the snapshot tables
     * so the views' queries are planned for the data they read (migration V9 grants MAINTAIN for this).
     */
    private void housekeeping(Set<Short> regions) {
        long started = System.nanoTime();
        try {
            long removed = SystemScope.call("refresh-housekeeping", regions, () -> {
                try (Connection connection = dataSource.getConnection();
                     var statement = connection.createStatement()) {
                    connection.setAutoCommit(false);
                    long pruned = SnapshotWriter.pruneBeyond(connection, options.retention());
                    connection.commit();
                    connection.setAutoCommit(true);
                    statement.execute("ANALYZE snap_customer, snap_segment_summary, snap_segment_product_totals, "
                            + "snap_segment_movement, snap_cohort, snap_cohort_customer, snap_basket_rule_set");
                    return pruned;
                }
            });
            log.info("Refresh housekeeping: {} snapshot(s) beyond the retention of {} removed, statistics updated, "
                    + "in {} ms", removed, options.retention(), (System.nanoTime() - started) / 1_000_000);
        } catch (Exception e) {
            log.warn("Refresh housekeeping failed (the next run catches up): {}", e.getMessage());
        }
    }

    private static String json(Map<String, Long> millis) {
        synchronized (millis) {
            return JSON.writeValueAsString(new LinkedHashMap<>(millis));
        }
    }

    /** The engine's own exception, not the executor's wrapper, so the history names the real cause. */
    private static <T> T result(Future<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private Set<Short> allRegions() throws SQLException {
        Set<Short> regions = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT region_id FROM dim_region");
             ResultSet result = query.executeQuery()) {
            while (result.next()) {
                regions.add(result.getShort(1));
            }
        }
        return regions;
    }

    /** Times stages, reports progress and lets tests inject a fault as a stage starts. */
    private final class Timer {
        private final long runId;
        private final Map<String, Long> millis;

        Timer(long runId, Map<String, Long> millis) {
            this.runId = runId;
            this.millis = millis;
        }

        <T> T stage(RefreshStage stage, java.util.concurrent.Callable<T> work) throws Exception {
            history.stage(runId, stage);
            progress.publish(new RefreshProgress(runId, stage, stage.startFraction(), false, null));
            stageHook.accept(stage);
            return timed(stage.name().toLowerCase(), work);
        }

        /** Times work that is part of a stage but runs beside it, such as the CLV holdout check. */
        <T> T timed(String name, java.util.concurrent.Callable<T> work) throws Exception {
            long started = System.nanoTime();
            T result = work.call();
            millis.put(name, (System.nanoTime() - started) / 1_000_000);
            return result;
        }
    }

    private record Outcome(String status, Map<String, Long> rows, Long snapshotId, String message) {
    }
}
