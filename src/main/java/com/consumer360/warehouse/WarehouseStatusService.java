package com.consumer360.warehouse;

import static com.consumer360.jooq.Tables.FACT_SALES;
import static com.consumer360.jooq.Tables.INGEST_RUN;
import static com.consumer360.jooq.Tables.REFRESH_RUN;
import static com.consumer360.jooq.Tables.SNAPSHOT;
import static org.jooq.impl.DSL.max;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Freshness of the warehouse as the signed-in user sees it (within their region scope). */
@Service
public class WarehouseStatusService {

    private final DSLContext db;

    WarehouseStatusService(DSLContext db) {
        this.db = db;
    }

    /** Latest sale date in scope and the time of the last successful load. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public DataFreshness freshness() {
        Integer dateKey = db.select(max(FACT_SALES.DATE_KEY)).from(FACT_SALES).fetchOne(0, Integer.class);
        OffsetDateTime loadedAt = db.select(max(INGEST_RUN.FINISHED_AT)).from(INGEST_RUN)
                .where(INGEST_RUN.STATUS.eq("SUCCEEDED")).fetchOne(0, OffsetDateTime.class);
        LocalDate latest = dateKey == null ? null
                : LocalDate.of(dateKey / 10_000, dateKey / 100 % 100, dateKey % 100);
        var snapshot = db.select(SNAPSHOT.AS_OF_DATE, SNAPSHOT.CREATED_AT).from(SNAPSHOT)
                .where(SNAPSHOT.IS_CURRENT).fetchOne();
        var lastRun = db.select(REFRESH_RUN.STATUS, REFRESH_RUN.FINISHED_AT).from(REFRESH_RUN)
                .where(REFRESH_RUN.STATUS.in("SUCCEEDED", "FAILED"))
                .orderBy(REFRESH_RUN.RUN_ID.desc()).limit(1).fetchOne();
        boolean failed = lastRun != null && "FAILED".equals(lastRun.value1());
        return new DataFreshness(latest, loadedAt, snapshot == null ? null : snapshot.value1(),
                snapshot == null ? null : snapshot.value2(), failed, failed ? lastRun.value2() : null);
    }
}
