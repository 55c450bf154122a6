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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Dynamic membership: in every refresh's transaction, evaluates every live segment's current version against the
 * new snapshot and stores its members per region. A definition that cannot be read or translated fails alone. The
 * others are evaluated together in one scan of the snapshot's customers (one boolean column per segment) under one
 * savepoint; should that fail, each runs again under its own savepoint. A segment that fails is rolled back alone,
 * recorded as FAILED with its reason and named in the job history; the refresh and the other segments go on.
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
        MemberListWriter.deleteOthers(db, snapshotId);
        if (segments.isEmpty()) {
            return null;
        }
        SegmentConditions conditions = new SegmentConditions(asOf);
        List<String> failed = new ArrayList<>();
        Map<Long, Condition> ready = new LinkedHashMap<>();
        Map<Long, org.jooq.Record4<Long, String, Integer, String>> byId = new LinkedHashMap<>();
        for (var segment : segments) {
            long started = System.nanoTime();
            try {
                faultHook.accept(segment.value2());
                ready.put(segment.value1(), conditions.of(DefinitionJson.read(segment.value4())));
                byId.put(segment.value1(), segment);
            } catch (RuntimeException e) {
                fail(db, segment.value1(), segment.value2(), snapshotId, segment.value3(), started, e, failed);
            }
        }
        List<Long> evaluated = new ArrayList<>();
        if (ready.size() > 1) {
            // All segments in one pass over the snapshot's customers; if that fails, one by one below.
            long started = System.nanoTime();
            Savepoint savepoint = connection.setSavepoint();
            try {
                together(db, snapshotId, ready, byId, started);
                connection.releaseSavepoint(savepoint);
                evaluated.addAll(ready.keySet());
                ready.clear();
            } catch (RuntimeException e) {
                connection.rollback(savepoint);
                log.warn("Custom segments evaluated together failed in refresh {}, one by one now: {}", snapshotId,
                        e.getMessage());
            }
        }
        for (Map.Entry<Long, Condition> entry : ready.entrySet()) {
            var segment = byId.get(entry.getKey());
            long id = segment.value1();
            int version = segment.value3();
            long started = System.nanoTime();
            Savepoint savepoint = connection.setSavepoint();
            try {
                db.insertInto(CUSTOM_SEGMENT_MEMBER, CUSTOM_SEGMENT_MEMBER.SEGMENT_ID, CUSTOM_SEGMENT_MEMBER.SNAPSHOT_ID,
                                CUSTOM_SEGMENT_MEMBER.REGION_ID, CUSTOM_SEGMENT_MEMBER.VERSION,
                                CUSTOM_SEGMENT_MEMBER.CUSTOMERS, CUSTOM_SEGMENT_MEMBER.CUSTOMER_IDS)
                        .select(db.select(inline(id), inline(snapshotId), SNAP_CUSTOMER.REGION_ID, inline(version),
                                        count(), arrayAgg(SNAP_CUSTOMER.CUSTOMER_ID).orderBy(SNAP_CUSTOMER.CUSTOMER_ID))
                                .from(SNAP_CUSTOMER)
                                .leftJoin(DIM_CUSTOMER).on(DIM_CUSTOMER.CUSTOMER_ID.eq(SNAP_CUSTOMER.CUSTOMER_ID))
                                .where(SNAP_CUSTOMER.SNAPSHOT_ID.eq(snapshotId), entry.getValue())
                                .groupBy(SNAP_CUSTOMER.REGION_ID))
                        .execute();
                run(db, id, snapshotId, version, "EVALUATED", started, null);
                connection.releaseSavepoint(savepoint);
                evaluated.add(id);
            } catch (RuntimeException e) {
                connection.rollback(savepoint);
                fail(db, id, segment.value2(), snapshotId, version, started, e, failed);
            }
        }
        figures(connection, db, snapshotId, asOf, evaluated);
        String note = "Custom segments: " + (segments.size() - failed.size()) + " evaluated";
        return failed.isEmpty() ? note + "." : note + ", " + failed.size() + " failed (" + String.join(", ", failed)
                + ").";
    }

    /**
     * The evaluated segments' figures for the pages (V36) and their member lists (V53). Should writing either fail,
     * the members stand and the pages compute the figures from them, or read the members, as for a snapshot without
     * stored figures or lists.
     */
    private static void figures(Connection connection, DSLContext db, long snapshotId, LocalDate asOf,
                                List<Long> evaluated) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            StoredFiguresWriter.write(connection, db, snapshotId, asOf, evaluated);
            connection.releaseSavepoint(savepoint);
        } catch (RuntimeException | SQLException e) {
            connection.rollback(savepoint);
            log.warn("Custom segment figures not stored in refresh {} (the pages compute them from the members): {}",
                    snapshotId, e.getMessage());
        }
        savepoint = connection.setSavepoint();
        try {
            MemberListWriter.write(db, snapshotId, evaluated);
            connection.releaseSavepoint(savepoint);
        } catch (RuntimeException e) {
            connection.rollback(savepoint);
            log.warn("Custom segment member lists not stored in refresh {} (the pages read the members): {}",
                    snapshotId, e.getMessage());
        }
    }

    private static void fail(DSLContext db, long id, String name, long snapshotId, int version, long started,
                             RuntimeException e, List<String> failed) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        log.warn("Custom segment {} ({}) failed in refresh {}: {}", id, name, snapshotId, reason);
        run(db, id, snapshotId, version, "FAILED", started, reason.length() > 400 ? reason.substring(0, 400) : reason);
        failed.add(name);
    }

    /**
     * Evaluates every segment in one scan of the snapshot's customers (one boolean column per segment, the bought
     * product subqueries hashed once each) and stores each segment's members per region, ids ascending.
     */
    private static void together(DSLContext db, long snapshotId, Map<Long, Condition> conditions,
                                 Map<Long, org.jooq.Record4<Long, String, Integer, String>> segments, long started) {
        List<Long> ids = new ArrayList<>(conditions.keySet());
        List<Field<?>> fields = new ArrayList<>(List.of(SNAP_CUSTOMER.REGION_ID, SNAP_CUSTOMER.CUSTOMER_ID));
        conditions.values().forEach(c -> fields.add(DSL.field(c)));
        List<Map<Short, List<Long>>> members = new ArrayList<>();
        ids.forEach(id -> members.add(new TreeMap<>()));
        try (var cursor = db.select(fields).from(SNAP_CUSTOMER)
                .leftJoin(DIM_CUSTOMER).on(DIM_CUSTOMER.CUSTOMER_ID.eq(SNAP_CUSTOMER.CUSTOMER_ID))
                .where(SNAP_CUSTOMER.SNAPSHOT_ID.eq(snapshotId))
                .orderBy(SNAP_CUSTOMER.CUSTOMER_ID).fetchSize(10_000).fetchLazy()) {
            for (Record r : cursor) {
                Short region = r.get(0, Short.class);
                Long customer = r.get(1, Long.class);
                for (int k = 0; k < ids.size(); k++) {
                    if (Boolean.TRUE.equals(r.get(k + 2, Boolean.class))) {
                        members.get(k).computeIfAbsent(region, x -> new ArrayList<>()).add(customer);
                    }
                }
            }
        }
        var insert = db.insertInto(CUSTOM_SEGMENT_MEMBER, CUSTOM_SEGMENT_MEMBER.SEGMENT_ID,
                CUSTOM_SEGMENT_MEMBER.SNAPSHOT_ID, CUSTOM_SEGMENT_MEMBER.REGION_ID, CUSTOM_SEGMENT_MEMBER.VERSION,
                CUSTOM_SEGMENT_MEMBER.CUSTOMERS, CUSTOM_SEGMENT_MEMBER.CUSTOMER_IDS);
        boolean any = false;
        for (int k = 0; k < ids.size(); k++) {
            int version = segments.get(ids.get(k)).value3();
            for (Map.Entry<Short, List<Long>> region : members.get(k).entrySet()) {
                insert = insert.values(ids.get(k), snapshotId, region.getKey(), version, region.getValue().size(),
                        region.getValue().toArray(Long[]::new));
                any = true;
            }
        }
        if (any) {
            insert.execute();
        }
        for (long id : ids) {
            run(db, id, snapshotId, segments.get(id).value3(), "EVALUATED", started, null);
        }
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
