package com.consumer360.warehouse;

import static com.consumer360.jooq.Tables.SNAPSHOT;

import com.consumer360.security.CallerScope;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lets the pages open on this node notice when another snapshot has become current, whichever node's refresh wrote
 * it: one read of the current snapshot's row every {@code consumer360.snapshot-watch-interval} (30 s by default),
 * given to every listener, which compares it with the snapshot its page shows. The
 * read is of the snapshot table only (dates and times, no customer data), so it needs no region scope; each
 * listener runs as the user whose page registered it ({@link CallerScope}).
 */
@Component
public class SnapshotWatch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SnapshotWatch.class);

    /** The current snapshot: its id, as-of date and the time its refresh made it current. */
    public record Current(long snapshotId, LocalDate asOf, OffsetDateTime refreshedAt) {
    }

    private final DSLContext db;
    private final List<Consumer<Current>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;

    SnapshotWatch(DSLContext db, @Value("${consumer360.snapshot-watch-interval:30s}") Duration interval) {
        this.db = db;
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("snapshot-watch").factory());
        long millis = Math.max(interval.toMillis(), 100);
        timer.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Calls {@code listener} with the current snapshot at each look; run the returned action to stop. */
    public Runnable register(Consumer<Current> listener) {
        Consumer<Current> scoped = CallerScope.bind(listener);
        listeners.add(scoped);
        return () -> listeners.remove(scoped);
    }

    /** One look at the current snapshot, given to every listener. */
    void check() {
        if (listeners.isEmpty()) {
            return;
        }
        try {
            Current current = db.select(SNAPSHOT.SNAPSHOT_ID, SNAPSHOT.AS_OF_DATE, SNAPSHOT.CREATED_AT)
                    .from(SNAPSHOT).where(SNAPSHOT.IS_CURRENT)
                    .fetchOne(r -> new Current(r.value1(), r.value2(), r.value3()));
            if (current == null) {
                return;
            }
            for (Consumer<Current> listener : listeners) {
                try {
                    listener.accept(current);
                } catch (RuntimeException closed) {
                    // A page closed meanwhile; its listener is removed when it detaches.
                }
            }
        } catch (RuntimeException e) {
            // The database may be restarting; the next look tries again (a failure must not end the schedule).
            log.debug("Snapshot watch: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
