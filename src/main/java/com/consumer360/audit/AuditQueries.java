package com.consumer360.audit;

import static com.consumer360.jooq.Tables.AUDIT_EVENT;
import static com.consumer360.jooq.Tables.AUDIT_LOG;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** Writes and reads the audit trail; the runtime role may only insert and select here (V19). */
@Component
class AuditQueries {

    private final DSLContext db;

    AuditQueries(DSLContext db) {
        this.db = db;
    }

    void insert(String username, String viewedAs, String action, String detail, Long rows) {
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.USERNAME, username)
                .set(AUDIT_EVENT.VIEWED_AS, viewedAs)
                .set(AUDIT_EVENT.ACTION, action)
                .set(AUDIT_EVENT.DETAIL, detail)
                .set(AUDIT_EVENT.ROW_COUNT, rows)
                .execute();
    }

    List<AuditEvent> page(AuditFilter filter, int offset, int limit) {
        return db.select(AUDIT_LOG.ID, AUDIT_LOG.OCCURRED_AT, AUDIT_LOG.USERNAME, AUDIT_LOG.VIEWED_AS, AUDIT_LOG.ACTION,
                        AUDIT_LOG.DETAIL, AUDIT_LOG.ROW_COUNT)
                .from(AUDIT_LOG)
                .where(conditions(filter))
                .orderBy(AUDIT_LOG.OCCURRED_AT.desc(), AUDIT_LOG.ID.desc())
                .offset(offset).limit(limit)
                .fetch(r -> new AuditEvent(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    void stream(AuditFilter filter, Consumer<AuditEvent> sink) {
        try (var cursor = db.select(AUDIT_LOG.ID, AUDIT_LOG.OCCURRED_AT, AUDIT_LOG.USERNAME, AUDIT_LOG.VIEWED_AS,
                        AUDIT_LOG.ACTION, AUDIT_LOG.DETAIL, AUDIT_LOG.ROW_COUNT)
                .from(AUDIT_LOG).where(conditions(filter))
                .orderBy(AUDIT_LOG.OCCURRED_AT.desc(), AUDIT_LOG.ID.desc())
                .fetchSize(1000).fetchLazy()) {
            cursor.forEach(r -> sink.accept(new AuditEvent(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                    r.value6(), r.value7())));
        }
    }

    int count(AuditFilter filter) {
        return db.fetchCount(AUDIT_LOG, conditions(filter));
    }

    List<String> actions() {
        return db.selectDistinct(AUDIT_LOG.ACTION).from(AUDIT_LOG).orderBy(AUDIT_LOG.ACTION).fetch(AUDIT_LOG.ACTION);
    }

    private static List<Condition> conditions(AuditFilter filter) {
        List<Condition> conditions = new ArrayList<>();
        if (filter.username() != null && !filter.username().isBlank()) {
            String user = filter.username().trim();
            conditions.add(AUDIT_LOG.USERNAME.eq(user).or(AUDIT_LOG.VIEWED_AS.eq(user)));
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            conditions.add(AUDIT_LOG.ACTION.eq(filter.action()));
        }
        if (filter.from() != null) {
            conditions.add(AUDIT_LOG.OCCURRED_AT.ge(start(filter.from())));
        }
        if (filter.to() != null) {
            conditions.add(AUDIT_LOG.OCCURRED_AT.lt(start(filter.to().plusDays(1))));
        }
        return conditions.isEmpty() ? List.of(DSL.trueCondition()) : conditions;
    }

    private static java.time.OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
