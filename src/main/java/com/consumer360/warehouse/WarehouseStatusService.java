package com.consumer360.warehouse;

import com.consumer360.security.Roles;
import static com.consumer360.jooq.Tables.FACT_SALES;
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

    /**
     * The current snapshot's as-of date and refresh time, and whether the latest refresh failed. Runs on every
     * navigation, so the latest sale in scope is only looked up when there is no snapshot yet.
     */
    @PreAuthorize(Roles.ANY_PORTAL_ROLE)
    @Transactional(readOnly = true)
    public DataFreshness freshness() {
        var snapshot = db.select(SNAPSHOT.AS_OF_DATE, SNAPSHOT.CREATED_AT).from(SNAPSHOT)
                .where(SNAPSHOT.IS_CURRENT).fetchOne();
        var lastRun = db.select(REFRESH_RUN.STATUS, REFRESH_RUN.FINISHED_AT).from(REFRESH_RUN)
                .where(REFRESH_RUN.STATUS.in("SUCCEEDED", "FAILED"))
                .orderBy(REFRESH_RUN.RUN_ID.desc()).limit(1).fetchOne();
        boolean failed = lastRun != null && "FAILED".equals(lastRun.value1());
        OffsetDateTime failedAt = failed ? lastRun.value2() : null;
        if (snapshot != null) {
            return new DataFreshness(null, snapshot.value1(), snapshot.value2(), failed, failedAt);
        }
        Integer dateKey = db.select(max(FACT_SALES.DATE_KEY)).from(FACT_SALES).fetchOne(0, Integer.class);
        LocalDate latest = dateKey == null ? null
                : LocalDate.of(dateKey / 10_000, dateKey / 100 % 100, dateKey % 100);
        return new DataFreshness(latest, null, null, failed, failedAt);
    }
}
