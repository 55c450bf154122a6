package com.consumer360.behaviour;

import com.consumer360.refresh.SnapshotExtension;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Before a refresh's snapshot becomes current, packs its customers' columns for the group comparison per region
 * (snap_behaviour_columns, migration V54), so that a node's first comparison on the new snapshot reads a few
 * values instead of every customer's row ({@link BehaviourQueries#columns}). Runs in the refresh's transaction under
 * its all-region scope; a failure is rolled back to a savepoint and only noted: the comparison then reads the rows.
 */
@Component
class PackedColumns implements SnapshotExtension {

    private static final Logger log = LoggerFactory.getLogger(PackedColumns.class);

    @Override
    public String name() {
        return "behaviour_packed";
    }

    @Override
    public String extend(Connection connection, long snapshotId, LocalDate asOf) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            BehaviourQueries.writePacked(DSL.using(connection, SQLDialect.POSTGRES), snapshotId);
            connection.releaseSavepoint(savepoint);
            return null;
        } catch (RuntimeException e) {
            connection.rollback(savepoint);
            log.warn("Behaviour columns not packed for snapshot {}: {}", snapshotId, e.getMessage());
            return "Behaviour comparison columns not packed (" + e.getMessage() + ").";
        }
    }
}
