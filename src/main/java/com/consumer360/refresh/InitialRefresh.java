package com.consumer360.refresh;

import static com.consumer360.jooq.Tables.SNAPSHOT;

import org.jooq.DSLContext;
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

    InitialRefresh(DSLContext db, RefreshRunner runner) {
        this.db = db;
        this.runner = runner;
    }

    @EventListener(ApplicationReadyEvent.class)
    void refreshIfNoSnapshot() {
        if (!db.fetchExists(SNAPSHOT)) {
            runner.run("INITIAL", "system:startup");
        }
    }
}
