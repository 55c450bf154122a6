package com.consumer360.clv;

import static com.consumer360.jooq.Tables.SNAPSHOT;
import static com.consumer360.jooq.Tables.SNAP_HOLDOUT_GROUP;

import com.consumer360.refresh.SnapshotExtension;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * After every refresh over all sales, once its snapshot is current: writes the holdout check's sums per region
 * (snap_holdout_group, migration V38), computed as the page computed them for a scope (the same warehouse query and
 * model, per region), so that the page adds them up for any set of regions instead of reading every invoice in
 * scope. The runner calls it with every region in scope and rolls its transaction back on failure (the page then
 * recomputes from the warehouse).
 */
@Component
class HoldoutGroups implements SnapshotExtension {

    @Override
    public String name() {
        return "clv_holdout_groups";
    }

    @Override
    public boolean afterSwitch() {
        return true;
    }

    @Override
    public String extend(Connection connection, long snapshotId, LocalDate asOf) {
        DSLContext db = DSL.using(connection, SQLDialect.POSTGRES);
        String modelJson = db.select(SNAPSHOT.MODEL_JSON).from(SNAPSHOT).where(SNAPSHOT.SNAPSHOT_ID.eq(snapshotId))
                .fetchOne(SNAPSHOT.MODEL_JSON);
        JsonNode stored = new ModelJson(modelJson).holdout();
        db.deleteFrom(SNAP_HOLDOUT_GROUP).where(SNAP_HOLDOUT_GROUP.SNAPSHOT_ID.eq(snapshotId)).execute();
        if (stored == null) {
            return null;
        }
        Map<Short, java.util.List<ClvQueries.HoldoutInput>> byRegion = new ClvQueries(db)
                .holdoutInputs(LocalDate.parse(stored.path("calibration_end").asString()), Set.of()).stream()
                .collect(Collectors.groupingBy(ClvQueries.HoldoutInput::region, TreeMap::new, Collectors.toList()));
        var insert = db.insertInto(SNAP_HOLDOUT_GROUP, SNAP_HOLDOUT_GROUP.SNAPSHOT_ID, SNAP_HOLDOUT_GROUP.REGION_ID,
                SNAP_HOLDOUT_GROUP.CALIBRATION_FREQUENCY, SNAP_HOLDOUT_GROUP.CUSTOMERS,
                SNAP_HOLDOUT_GROUP.HOLDOUT_PURCHASES, SNAP_HOLDOUT_GROUP.PREDICTED);
        boolean any = false;
        for (var region : byRegion.entrySet()) {
            HoldoutCheck.Sums sums = HoldoutCheck.sums(stored, region.getValue());
            for (int row = 0; row <= HoldoutCheck.POOLED_FREQUENCY; row++) {
                if (sums.customers()[row] > 0) {
                    insert = insert.values(snapshotId, region.getKey(), (short) row, sums.customers()[row],
                            sums.actual()[row], sums.predicted()[row]);
                    any = true;
                }
            }
        }
        if (any) {
            insert.execute();
        }
        return null;
    }
}
