package com.consumer360.customsegments;

import static org.jooq.impl.DSL.val;

import java.util.List;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the member lists of the segments a refresh has just stored members of (custom_segment_list, V53), in the
 * refresh's transaction and scope: each member with the member list's columns, in the list's default order (net
 * revenue descending, then customer id descending), so that a download in that order reads them in index order.
 * Only the snapshot being written keeps lists: the others' are deleted in the same transaction, which makes this
 * snapshot current, so a reader sees the old lists until the switch and the new ones after it.
 */
final class MemberListWriter {

    private static final Logger log = LoggerFactory.getLogger(MemberListWriter.class);

    /**
     * The members joined to their snapshot rows and names, in the list's order (rows written in index order make
     * the index cheaper to build and the list's pages adjacent). The unnested ids first, once: the planner takes an
     * unnest for ten rows and would look each member up by index, or join each region's ids separately (with
     * hash joins chosen below, as {@link StoredFiguresWriter} does).
     */
    private static final String LIST = """
            INSERT INTO custom_segment_list (snapshot_id, segment_id, customer_id, region_id, name, recency_days,
                frequency, monetary, segment, clv)
            WITH ids AS MATERIALIZED (
                SELECT m.segment_id, u.customer_id
                FROM custom_segment_member m CROSS JOIN unnest(m.customer_ids) AS u(customer_id)
                WHERE m.snapshot_id = {1} AND m.segment_id = ANY ({0}::BIGINT[]))
            SELECT {1}, ids.segment_id, s.customer_id, s.region_id, d.name, s.recency_days, s.frequency, s.monetary,
                   s.segment, s.clv
            FROM ids
            JOIN snap_customer s ON s.snapshot_id = {1} AND s.customer_id = ids.customer_id
            LEFT JOIN dim_customer d ON d.customer_id = s.customer_id
            ORDER BY ids.segment_id, s.monetary DESC, s.customer_id DESC""";

    private MemberListWriter() {
    }

    /** Deletes the lists of every snapshot but {@code snapshotId} (and their marks on the runs). */
    static void deleteOthers(DSLContext db, long snapshotId) {
        db.execute("DELETE FROM custom_segment_list WHERE snapshot_id <> {0}", val(snapshotId));
        db.execute("UPDATE custom_segment_run SET list_renames = NULL WHERE snapshot_id <> {0} "
                + "AND list_renames IS NOT NULL", val(snapshotId));
    }

    /**
     * Writes the lists of {@code segmentIds} at {@code snapshotId} and marks their runs with the renames count read
     * before the names were copied: a rename committed in between makes the list look older than it is, never
     * newer.
     */
    static void write(DSLContext db, long snapshotId, List<Long> segmentIds) {
        if (segmentIds.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        Long[] ids = segmentIds.toArray(Long[]::new);
        Long renames = db.fetchOptional("SELECT customer_renames FROM warehouse_version")
                .map(r -> r.get(0, Long.class)).orElse(null);
        String nestLoop = String.valueOf(db.fetchValue("SELECT current_setting('enable_nestloop')"));
        String workMem = String.valueOf(db.fetchValue("SELECT current_setting('work_mem')"));
        db.execute("SELECT set_config('enable_nestloop', 'off', true), set_config('work_mem', '64MB', true)");
        int rows = db.execute(LIST, val(ids), val(snapshotId));
        db.execute("SELECT set_config('enable_nestloop', {0}, true), set_config('work_mem', {1}, true)",
                val(nestLoop), val(workMem));
        db.execute("UPDATE custom_segment_run SET list_renames = {0} WHERE snapshot_id = {1} "
                + "AND segment_id = ANY ({2}::BIGINT[])", val(renames), val(snapshotId), val(ids));
        // Statistics with the new lists, committed with them: planned without, the first page of a compare cell
        // (one list looked up in another) took 5-7 s instead of 30 ms at 10 M lines. Needs MAINTAIN (V53,
        // PostgreSQL 17); an older server skips it with a warning and autovacuum analyses the table later.
        db.execute("ANALYZE custom_segment_list");
        log.info("Custom segment member lists: {} rows of {} segment(s) written in {} ms", rows, ids.length,
                (System.nanoTime() - started) / 1_000_000);
    }
}
