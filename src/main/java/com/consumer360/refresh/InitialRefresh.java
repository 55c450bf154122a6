package com.consumer360.refresh;

import static com.consumer360.jooq.Tables.SNAPSHOT;

import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With demo data, runs a first refresh at startup when there is no snapshot yet, so that a new user sees
 * full views at once.
 */
@Component
@ConditionalOnProperty(name = "consumer360.demo-data", havingValue = "true")
class InitialRefresh {

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
        if (!db.fetchExists(SNAPSHOT)) {
            runner.runWithHistory("INITIAL", "system:startup", historyWeeks);
        }
    }
}
