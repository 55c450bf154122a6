package com.consumer360.customsegments;

import static com.consumer360.jooq.Tables.CUSTOM_SEGMENT;
import static com.consumer360.jooq.Tables.CUSTOM_SEGMENT_MEMBER;
import static com.consumer360.jooq.Tables.CUSTOM_SEGMENT_RUN;
import static com.consumer360.jooq.Tables.CUSTOM_SEGMENT_VERSION;
import static com.consumer360.jooq.Tables.DIM_CUSTOMER;
import static com.consumer360.jooq.Tables.SNAP_CUSTOMER;
import static org.jooq.impl.DSL.arrayAgg;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;

import com.consumer360.refresh.SnapshotExtension;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Dynamic membership: in every refresh's transaction, evaluates every live segment's current version against the
 * new snapshot and stores its members per region. Each segment runs under its own savepoint: a segment that fails
 * is rolled back alone, recorded as FAILED with its reason and named in the job history; the refresh and the other
 * segments go on.
 */
@Component
class SegmentEvaluation implements SnapshotExtension {

    private static final Logger log = LoggerFactory.getLogger(SegmentEvaluation.class);

    /** Tests inject a failure for a segment here (by name). */
    private volatile Consumer<String> faultHook = name -> { };

    void setFaultHook(Consumer<String> hook) {
        this.faultHook = hook;
    }

    @Override
    public String name() {
        return "custom_segments";
    }

    @Override
    public String extend(Connection connection, long snapshotId, LocalDate asOf) throws SQLException {
        DSLContext db = DSL.using(connection, SQLDialect.POSTGRES);
        var segments = db.select(CUSTOM_SEGMENT.SEGMENT_ID, CUSTOM_SEGMENT.NAME, CUSTOM_SEGMENT.CURRENT_VERSION,
                        CUSTOM_SEGMENT_VERSION.DEFINITION)
                .from(CUSTOM_SEGMENT).join(CUSTOM_SEGMENT_VERSION)
                .on(CUSTOM_SEGMENT_VERSION.SEGMENT_ID.eq(CUSTOM_SEGMENT.SEGMENT_ID),
                        CUSTOM_SEGMENT_VERSION.VERSION.eq(CUSTOM_SEGMENT.CURRENT_VERSION))
                .where(CUSTOM_SEGMENT.DELETED_AT.isNull()).orderBy(CUSTOM_SEGMENT.SEGMENT_ID).fetch();
        if (segments.isEmpty()) {
            return null;
        }
        SegmentConditions conditions = new SegmentConditions(asOf);
        List<String> failed = new ArrayList<>();
        for (var segment : segments) {
            long id = segment.value1();
            int version = segment.value3();
            long started = System.nanoTime();
            Savepoint savepoint = connection.setSavepoint();
            try {
                faultHook.accept(segment.value2());
                var members = conditions.of(DefinitionJson.read(segment.value4()));
                db.insertInto(CUSTOM_SEGMENT_MEMBER, CUSTOM_SEGMENT_MEMBER.SEGMENT_ID, CUSTOM_SEGMENT_MEMBER.SNAPSHOT_ID,
                                CUSTOM_SEGMENT_MEMBER.REGION_ID, CUSTOM_SEGMENT_MEMBER.VERSION,
                                CUSTOM_SEGMENT_MEMBER.CUSTOMERS, CUSTOM_SEGMENT_MEMBER.CUSTOMER_IDS)
                        .select(db.select(inline(id), inline(snapshotId), SNAP_CUSTOMER.REGION_ID, inline(version),
                                        count(), arrayAgg(SNAP_CUSTOMER.CUSTOMER_ID).orderBy(SNAP_CUSTOMER.CUSTOMER_ID))
                                .from(SNAP_CUSTOMER)
                                .leftJoin(DIM_CUSTOMER).on(DIM_CUSTOMER.CUSTOMER_ID.eq(SNAP_CUSTOMER.CUSTOMER_ID))
                                .where(SNAP_CUSTOMER.SNAPSHOT_ID.eq(snapshotId), members)
                                .groupBy(SNAP_CUSTOMER.REGION_ID))
                        .execute();
                run(db, id, snapshotId, version, "EVALUATED", started, null);
                connection.releaseSavepoint(savepoint);
            } catch (RuntimeException | SQLException e) {
                connection.rollback(savepoint);
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                log.warn("Custom segment {} ({}) failed in refresh {}: {}", id, segment.value2(), snapshotId, reason);
                run(db, id, snapshotId, version, "FAILED", started, reason.length() > 400 ? reason.substring(0, 400)
                        : reason);
                failed.add(segment.value2());
            }
        }
        String note = "Custom segments: " + (segments.size() - failed.size()) + " evaluated";
        return failed.isEmpty() ? note + "." : note + ", " + failed.size() + " failed (" + String.join(", ", failed)
                + ").";
    }

    private static void run(DSLContext db, long id, long snapshotId, int version, String status, long started,
                            String message) {
        db.insertInto(CUSTOM_SEGMENT_RUN, CUSTOM_SEGMENT_RUN.SEGMENT_ID, CUSTOM_SEGMENT_RUN.SNAPSHOT_ID,
                        CUSTOM_SEGMENT_RUN.VERSION, CUSTOM_SEGMENT_RUN.STATUS, CUSTOM_SEGMENT_RUN.MILLIS,
                        CUSTOM_SEGMENT_RUN.MESSAGE)
                .values(id, snapshotId, version, status, (int) ((System.nanoTime() - started) / 1_000_000), message)
                .execute();
    }
}
