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
 * snapshot with the latest snapshot of each of the {@value #EARLIER_DAYS} earlier days before it (the first is the
 * default comparison, as {@code SummaryService} picks it) into snap_pair_cell (V34), each computed by the same query
 * the page runs for any other pair, with every region in the refresh's scope (refused otherwise: the page then joins
 * the snapshots as before). About 1 s per pair at 10 M lines, outside the run's time.
 */
@Component
class SummaryPairs implements SnapshotExtension {

    /** How many earlier days' snapshots the current one is compared with ahead of time (the weekly history is 8). */
    static final int EARLIER_DAYS = 12;

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
                    SELECT DISTINCT ON (p.as_of_date) p.snapshot_id, p.as_of_date
                    FROM snapshot p, snapshot c
                    WHERE c.snapshot_id = {0} AND p.as_of_date < c.as_of_date
                    ORDER BY p.as_of_date DESC, p.created_at DESC) days
                ORDER BY as_of_date DESC LIMIT {1}""", val(snapshotId), val(EARLIER_DAYS)).fetch(0, Long.class);
        db.execute("DELETE FROM snap_pair_cell WHERE current_id = {0}", val(snapshotId));
        for (long previous : earlier) {
            db.execute("INSERT INTO snap_pair_cell (previous_id, current_id, region_id, from_segment, to_segment, "
                    + "customers, entered, lost, active, revenue, clv) SELECT {1}, {2}, x.* FROM ("
                    + SummaryQueries.PAIR + ") x", val(new Short[0]), val(previous), val(snapshotId));
        }
        return null;
    }
}
