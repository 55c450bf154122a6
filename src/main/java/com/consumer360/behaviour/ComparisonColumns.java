package com.consumer360.behaviour;

import com.consumer360.refresh.SnapshotExtension;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Once a refresh's snapshot is current, loads its customers' columns for the group comparison into this node's
 * {@link ColumnCache} (from the values {@link PackedColumns} wrote), so that the first comparisons after the refresh
 * do not wait for that read. The runner calls it only under a scope that covers every region, and the regions read
 * are that connection's own (as for a reader), so each region's entry holds every customer of the region. Other
 * nodes load on their first comparison.
 */
@Component
class ComparisonColumns implements SnapshotExtension {

    private final ColumnCache cache;

    ComparisonColumns(ColumnCache cache) {
        this.cache = cache;
    }

    @Override
    public String name() {
        return "behaviour_columns";
    }

    @Override
    public boolean afterSwitch() {
        return true;
    }

    @Override
    public String extend(Connection connection, long snapshotId, LocalDate asOf) {
        DSLContext db = DSL.using(connection, SQLDialect.POSTGRES);
        Set<Short> regions = BehaviourQueries.scopeRegions(db, BehaviourFilter.ALL);
        Map<Short, CustomerColumns> read = BehaviourQueries.columns(db, snapshotId, regions);
        cache.keep(snapshotId, read);
        return "behaviour comparison: " + read.values().stream().mapToInt(c -> c.size).sum() + " customers of "
                + regions.size() + " regions kept in memory";
    }
}
