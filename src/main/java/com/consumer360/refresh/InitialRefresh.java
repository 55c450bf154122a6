package com.consumer360.refresh;

import static com.consumer360.jooq.Tables.SNAPSHOT;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With demo data, runs a first refresh at startup when there is no snapshot yet, so that a new user sees
 * full views at once. Of several nodes starting together, one writes the first snapshots; the others skip.
 */
@Component
@ConditionalOnProperty(name = "consumer360.demo-data", havingValue = "true")
class InitialRefresh {

    /** Advisory lock key of the first refresh ("c36i" in hex), held by the node writing the first snapshots. */
    static final long LOCK = 0x63333669L;
    private static final Logger log = LoggerFactory.getLogger(InitialRefresh.class);

    private final DSLContext db;
    private final RefreshRunner runner;

    private final int historyWeeks;

    InitialRefresh(DSLContext db, RefreshRunner runner,
                   @Value("${consumer360.refresh.initial-history-weeks:0}") int historyWeeks) {
        this.db = db;
        this.runner = runner;
        this.historyWeeks = Math.max(0, historyWeeks);
    }

    @EventListener(ApplicationReadyEvent.class)
    void refreshIfNoSnapshot() {
        // A session-level lock on one pooled connection, held across the runs (each run has its own transaction
        // and connection): a node that finds it taken skips, since another node is writing the first snapshots.
        db.connection(connection -> {
            try (var lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, LOCK);
                try (var result = lock.executeQuery()) {
                    result.next();
                    if (!result.getBoolean(1)) {
                        log.info("First refresh: another node is writing the first snapshots; skipped here");
                        return;
                    }
                }
            }
            try {
                if (!db.fetchExists(SNAPSHOT)) {
                    runner.runWithHistory("INITIAL", "system:startup", historyWeeks);
                }
            } finally {
                try (var unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, LOCK);
                    unlock.execute();
                }
            }
        });
    }
}
