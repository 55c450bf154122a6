package com.consumer360.summary;

import static com.consumer360.jooq.Tables.APP_USER;
import static com.consumer360.jooq.Tables.DIGEST;
import static com.consumer360.jooq.Tables.DIGEST_SUBSCRIPTION;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Component;

/**
 * Digests and subscriptions. Row-level security keeps every statement to the rows of the user bound as
 * {@code app.username}: the signed-in user, or the recipient the digest job runs as.
 */
@Component
class DigestQueries {

    private final DSLContext db;

    DigestQueries(DSLContext db) {
        this.db = db;
    }

    /** Enabled users, by name: the digest job asks each of them, in their own scope, whether they subscribed. */
    List<String> enabledUsernames() {
        return db.select(APP_USER.USERNAME).from(APP_USER).where(APP_USER.ENABLED).orderBy(APP_USER.USERNAME)
                .fetch(APP_USER.USERNAME);
    }

    Optional<Boolean> choice(String username) {
        return db.select(DIGEST_SUBSCRIPTION.SUBSCRIBED).from(DIGEST_SUBSCRIPTION)
                .where(DIGEST_SUBSCRIPTION.USERNAME.eq(username)).fetchOptional(DIGEST_SUBSCRIPTION.SUBSCRIBED);
    }

    void choose(String username, boolean subscribed) {
        db.insertInto(DIGEST_SUBSCRIPTION, DIGEST_SUBSCRIPTION.USERNAME, DIGEST_SUBSCRIPTION.SUBSCRIBED)
                .values(username, subscribed)
                .onConflict(DIGEST_SUBSCRIPTION.USERNAME).doUpdate()
                .set(DIGEST_SUBSCRIPTION.SUBSCRIBED, subscribed)
                .set(DIGEST_SUBSCRIPTION.CHANGED_AT, OffsetDateTime.now())
                .execute();
    }

    String email(String username) {
        return db.select(APP_USER.EMAIL).from(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOne(APP_USER.EMAIL);
    }

    void setMyEmail(String email) {
        db.fetchValue("SELECT app_set_my_email({0})", org.jooq.impl.DSL.val(email));
    }

    long insert(String username, long snapshotId, Long previousId, String subject, String html, String delivery) {
        return db.insertInto(DIGEST, DIGEST.USERNAME, DIGEST.SNAPSHOT_ID, DIGEST.PREVIOUS_SNAPSHOT_ID, DIGEST.SUBJECT,
                        DIGEST.HTML, DIGEST.DELIVERY)
                .values(username, snapshotId, previousId, subject, html, delivery)
                .returning(DIGEST.DIGEST_ID).fetchOne(DIGEST.DIGEST_ID);
    }

    void delivered(long id, String delivery, int attempts, String error) {
        db.update(DIGEST).set(DIGEST.DELIVERY, delivery).set(DIGEST.ATTEMPTS, attempts)
                .set(DIGEST.LAST_ERROR, error)
                .set(DIGEST.SENT_AT, "SENT".equals(delivery) ? OffsetDateTime.now() : null)
                .where(DIGEST.DIGEST_ID.eq(id)).execute();
    }

    /** The user's digests, newest first (row-level security: only their own). */
    List<Digest> mine(int limit) {
        return db.select(DIGEST.DIGEST_ID, DIGEST.SNAPSHOT_ID, DIGEST.PREVIOUS_SNAPSHOT_ID, DIGEST.CREATED_AT,
                        DIGEST.SUBJECT, DIGEST.HTML, DIGEST.DELIVERY, DIGEST.ATTEMPTS, DIGEST.LAST_ERROR)
                .from(DIGEST).orderBy(DIGEST.CREATED_AT.desc(), DIGEST.DIGEST_ID.desc()).limit(limit)
                .fetch(Records.mapping(Digest::new));
    }

    Optional<Digest> mine(long id) {
        return db.select(DIGEST.DIGEST_ID, DIGEST.SNAPSHOT_ID, DIGEST.PREVIOUS_SNAPSHOT_ID, DIGEST.CREATED_AT,
                        DIGEST.SUBJECT, DIGEST.HTML, DIGEST.DELIVERY, DIGEST.ATTEMPTS, DIGEST.LAST_ERROR)
                .from(DIGEST).where(DIGEST.DIGEST_ID.eq(id)).fetchOptional(Records.mapping(Digest::new));
    }
}
