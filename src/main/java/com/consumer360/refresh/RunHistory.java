package com.consumer360.refresh;

import static com.consumer360.jooq.Tables.REFRESH_RUN;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The job history in refresh_run. Written in autocommit, outside the run's own transaction, so that a failed
 * run's row survives its rollback.
 */
@Component
class RunHistory {

    private final DSLContext db;

    RunHistory(DSLContext db) {
        this.db = db;
    }

    long start(String trigger, String startedBy) {
        return db.insertInto(REFRESH_RUN)
                .set(REFRESH_RUN.TRIGGER_KIND, trigger)
                .set(REFRESH_RUN.STARTED_BY, startedBy)
                .set(REFRESH_RUN.STARTED_AT, OffsetDateTime.now())
                .set(REFRESH_RUN.STATUS, "RUNNING")
                .returning(REFRESH_RUN.RUN_ID).fetchOne(REFRESH_RUN.RUN_ID);
    }

    void stage(long runId, RefreshStage stage) {
        db.update(REFRESH_RUN).set(REFRESH_RUN.STAGE, stage.name())
                .set(REFRESH_RUN.PROGRESS, (float) stage.startFraction())
                .where(REFRESH_RUN.RUN_ID.eq(runId)).execute();
    }

    void finish(long runId, String status, String stageMillis, String rowsWritten, Long snapshotId, String error) {
        db.update(REFRESH_RUN)
                .set(REFRESH_RUN.STATUS, status)
                .set(REFRESH_RUN.FINISHED_AT, OffsetDateTime.now())
                .set(REFRESH_RUN.PROGRESS, "SUCCEEDED".equals(status) ? DSL.val(1f) : REFRESH_RUN.PROGRESS)
                .set(REFRESH_RUN.STAGE_MILLIS, stageMillis)
                .set(REFRESH_RUN.ROWS_WRITTEN, rowsWritten)
                .set(REFRESH_RUN.SNAPSHOT_ID, snapshotId)
                .set(REFRESH_RUN.ERROR_MESSAGE, error == null ? null : error.substring(0, Math.min(2000, error.length())))
                .where(REFRESH_RUN.RUN_ID.eq(runId)).execute();
    }

    /** Adds a line to a finished run's message (what happened after it, such as the digests' delivery). */
    void appendMessage(long runId, String text) {
        db.update(REFRESH_RUN)
                .set(REFRESH_RUN.ERROR_MESSAGE, DSL.when(REFRESH_RUN.ERROR_MESSAGE.isNull(), DSL.val(text))
                        .otherwise(DSL.concat(REFRESH_RUN.ERROR_MESSAGE, DSL.val(" · " + text))))
                .where(REFRESH_RUN.RUN_ID.eq(runId)).execute();
    }

    /** Runs left RUNNING by a process that died; only called while holding the refresh lock. */
    int markInterrupted(long exceptRunId) {
        return db.update(REFRESH_RUN)
                .set(REFRESH_RUN.STATUS, "FAILED")
                .set(REFRESH_RUN.FINISHED_AT, OffsetDateTime.now())
                .set(REFRESH_RUN.ERROR_MESSAGE, "interrupted: the process stopped during the run; nothing of it was kept")
                .where(REFRESH_RUN.STATUS.eq("RUNNING")).and(REFRESH_RUN.RUN_ID.ne(exceptRunId)).execute();
    }

    List<RefreshRun> latest(int limit) {
        return db.selectFrom(REFRESH_RUN).orderBy(REFRESH_RUN.RUN_ID.desc()).limit(limit)
                .fetch(r -> new RefreshRun(r.getRunId(), r.getTriggerKind(), r.getStartedBy(), r.getStartedAt(),
                        r.getFinishedAt(), r.getStatus(), r.getStage(),
                        r.getFinishedAt() == null ? null : Duration.between(r.getStartedAt(), r.getFinishedAt()).toMillis(),
                        r.getStageMillis(), r.getRowsWritten(), r.getSnapshotId(), r.getErrorMessage()));
    }
}
