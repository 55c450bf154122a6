package com.consumer360.refresh;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Work another module adds to every refresh, inside the refresh's transaction after the snapshot's tables are
 * written and before the snapshot becomes current, so its rows appear atomically with the snapshot (custom segment
 * membership). The connection is bound to the refresh's audited system scope; an extension must contain its own
 * failures (savepoints) so that they never fail the refresh, and returns a note for the job history, or null.
 */
public interface SnapshotExtension {

    /** Short name, used for the extension's time in the run's stage times. */
    String name();

    String extend(Connection connection, long snapshotId, LocalDate asOf) throws SQLException;

    /**
     * True for work that does not belong to the snapshot (sums over the warehouse itself): it runs once the new
     * snapshot is current, after a refresh over all sales, in its own REPEATABLE READ transaction under the same
     * system scope, outside the run's time, and only when that scope covers every region; the snapshot id is the new
     * current one. An exception rolls its transaction back (the rows it replaces stay) and is logged only, so it
     * needs no savepoint of its own.
     */
    default boolean afterSwitch() {
        return false;
    }
}
