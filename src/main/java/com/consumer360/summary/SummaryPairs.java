package com.consumer360.summary;

import static org.jooq.impl.DSL.val;

import com.consumer360.refresh.SnapshotExtension;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * After a refresh over all sales, once its snapshot is current: writes the weekly summary's comparisons of this
 * snapshot with every snapshot kept before it (the snapshot picker's choices: {@code consumer360.refresh.retention},
 * 12 by default), up to {@value #PAIRS}, the latest snapshot of each earlier day first (the first of them is the
 * default comparison, as {@code SummaryService} picks it), into snap_pair_cell (V34), each computed by the same query
 * the page runs for any other pair, with every region in the refresh's scope (refused otherwise: the page then joins
 * the snapshots as before). About 1 s per pair at 10 M lines, outside the run's time. Also the active customers per
 * region (snap_active_customers, V46) of this snapshot and of any kept one without them, which the page's totals read.
 */
@Component
class SummaryPairs implements SnapshotExtension {

    /** With how many earlier snapshots at most the current one is compared ahead of time (the retention is 12). */
    static final int PAIRS = 24;

    @Override
    public String name() {
        return "summary_pair";
    }

    @Override
    public boolean afterSwitch() {
        return true;
    }

    @Override
    public String extend(Connection connection, long snapshotId, LocalDate asOf) throws SQLException {
        DSLContext db = DSL.using(connection, SQLDialect.POSTGRES);
        // The runner calls this with every region in scope and rolls back on failure (the page then joins the
        // snapshots, as for any pair not stored).
        List<Long> earlier = db.resultQuery("""
                SELECT snapshot_id FROM (
                    SELECT p.snapshot_id, p.as_of_date, p.created_at, p.as_of_date < c.as_of_date
                           AND row_number() OVER (PARTITION BY p.as_of_date ORDER BY p.created_at DESC) = 1 AS day_latest
                    FROM snapshot p, snapshot c
                    WHERE c.snapshot_id = {0} AND p.snapshot_id <> c.snapshot_id AND (p.as_of_date < c.as_of_date
                          OR p.as_of_date = c.as_of_date AND p.created_at < c.created_at)) earlier
                ORDER BY day_latest DESC, as_of_date DESC, created_at DESC LIMIT {1}""",
                val(snapshotId), val(PAIRS)).fetch(0, Long.class);
        // Active customers per region (V46), a row for every region with customers, for the page's totals: of this
        // snapshot and of any kept one without them (the weekly history's, which no extension runs after).
        db.execute("DELETE FROM snap_active_customers WHERE snapshot_id = {0}", val(snapshotId));
        db.execute("INSERT INTO snap_active_customers (snapshot_id, region_id, customers) SELECT snapshot_id, "
                + "region_id, count(*) FILTER (WHERE recency_days <= " + SummaryService.ACTIVE_DAYS + ") "
                + "FROM snap_customer WHERE snapshot_id IN (SELECT s.snapshot_id FROM snapshot s WHERE NOT EXISTS "
                + "(SELECT FROM snap_active_customers a WHERE a.snapshot_id = s.snapshot_id)) "
                + "GROUP BY snapshot_id, region_id");
        db.execute("DELETE FROM snap_pair_cell WHERE current_id = {0}", val(snapshotId));
        for (long previous : earlier) {
            db.execute("INSERT INTO snap_pair_cell (previous_id, current_id, region_id, from_segment, to_segment, "
                    + "customers, entered, lost, active, revenue, clv) SELECT {1}, {2}, x.* FROM ("
                    + SummaryQueries.PAIR + ") x", val(new Short[0]), val(previous), val(snapshotId));
        }
        return null;
    }
}
