package com.consumer360.behaviour;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.refresh.TestRefresh;
import com.consumer360.rfm.RfmService;
import com.consumer360.support.PortalIntegration;
import com.consumer360.support.SignedIn;
import com.consumer360.support.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The group comparison's kept columns (issue 19) never carry one scope's customers into another's figures: the
 * regions come from the transaction's own scope as row-level security reads it, narrowed by the filter; a region
 * is read and kept only by a scope that includes it; and a scope is served only its own regions, whichever scope
 * filled the cache first. Each case starts from an empty cache (a service of its own); expected figures come
 * from SQL as the superuser.
 */
@PortalIntegration
class ComparisonColumnsTest {

    private static final String CURRENT = "snapshot_id = (SELECT snapshot_id FROM snapshot WHERE is_current)";
    private static final String LAPSED = "recency_days >= 181 AND frequency >= 4";

    @Autowired
    BehaviourQueries queries;

    @Autowired
    RfmService rfm;

    @Autowired
    UserDetailsService users;

    @Autowired
    ApplicationContext context;

    @Autowired
    ColumnCache cache;

    @Autowired
    BehaviourService behaviour;

    @Autowired
    DSLContext db;

    @Autowired
    PlatformTransactionManager transactions;

    /**
     * The refresh keeps its snapshot's columns of every region on the node that ran it (under its all-region scope),
     * and the portal's service then serves each scope its own regions from them.
     */
    @Test
    void aRefreshKeepsItsSnapshotsColumnsAndEachScopeIsServedItsOwn() throws Exception {
        TestRefresh.runNow(context, "ComparisonColumnsTest");
        long snapshot = superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current");
        assertThat(cache.regions(snapshot)).hasSize((int) superuserLong("SELECT count(*) FROM dim_region"));
        assertNorthsFigures(behaviour);
        assertExecsFigures(behaviour);
        GroupComparison south = SignedIn.call(users, "south", () -> behaviour.compare(BehaviourFilter.ALL,
                GroupRule.EVERYONE, GroupRule.FREQUENT_BUT_LAPSED));
        assertThat(south.customersShown()).isEqualTo(customers("region_id = 2"));
    }

    @Test
    void theRegionsAreTheScopesNarrowedByTheFilterNeverWidened() throws Exception {
        SignedIn.call(users, "north", () -> {
            assertThat(queries.scopeRegions(BehaviourFilter.ALL)).containsExactly((short) 1);
            assertThat(queries.scopeRegions(BehaviourFilter.ALL.inRegions(Set.of((short) 2)))).isEmpty();
            assertThat(queries.scopeRegions(BehaviourFilter.ALL.inRegions(Set.of((short) 1, (short) 2))))
                    .containsExactly((short) 1);
            return null;
        });
        SignedIn.call(users, "exec", () -> {
            assertThat(queries.scopeRegions(BehaviourFilter.ALL)).hasSize((int) superuserLong(
                    "SELECT count(*) FROM dim_region"));
            assertThat(queries.scopeRegions(BehaviourFilter.ALL.inRegions(Set.of((short) 2, (short) 5))))
                    .containsExactly((short) 2, (short) 5);
            return null;
        });
    }

    /** Why the regions must be the scope's: read under a scope without it, a region's columns are empty. */
    @Test
    void aRegionsColumnsAreItsCustomersInScopeAndNoneOutside() throws Exception {
        long snapshot = superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current");
        SignedIn.call(users, "north", () -> {
            CustomerColumns north = queries.columns(snapshot, Set.of((short) 1)).get((short) 1);
            assertThat(north.size).isEqualTo(customers("region_id = 1")).isPositive();
            long cents = 0;
            for (int i = 0; i < north.size; i++) {
                cents += north.monetaryCents[i];
            }
            assertThat(cents).isEqualTo(superuserLong("SELECT round(sum(monetary) * 100) FROM snap_customer WHERE "
                    + CURRENT + " AND region_id = 1"));
            assertThat(queries.columns(snapshot, Set.of((short) 1, (short) 2)).get((short) 2).size)
                    .as("South as north").isZero();
            return null;
        });
    }

    /**
     * The refresh packs every region's columns (V54) before its snapshot is current, and they unpack to exactly the
     * snapshot's rows: every customer's recency, frequency, cents, M score, segment and CLV (null included).
     */
    @Test
    void thePackedColumnsAreTheSnapshotsRowsRegionByRegion() throws Exception {
        long snapshot = superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current");
        assertThat(superuserLong("SELECT count(*) FROM snap_behaviour_columns WHERE snapshot_id = " + snapshot))
                .isEqualTo(superuserLong("SELECT count(DISTINCT region_id) FROM snap_customer WHERE " + CURRENT))
                .isPositive();
        SignedIn.call(users, "exec", () -> {
            Set<Short> regions = queries.scopeRegions(BehaviourFilter.ALL);
            Map<Short, CustomerColumns> packed = BehaviourQueries.packed(db, snapshot, regions);
            Map<Short, CustomerColumns> rows = BehaviourQueries.rows(db, snapshot, regions);
            assertThat(packed.keySet()).isEqualTo(regions);
            for (short region : regions) {
                assertThat(packed.get(region).size).isEqualTo(customers("region_id = " + region)).isPositive();
                assertThat(customerLines(packed.get(region))).as("region " + region)
                        .isEqualTo(customerLines(rows.get(region)));
            }
            return null;
        });
    }

    /**
     * A customer without CLV is packed as one (the demo data has none: some are set to NULL in a transaction rolled
     * back after, as the superuser, and the snapshot packed again there).
     */
    @Test
    void customersWithoutClvArePackedAsSuch() throws Exception {
        long snapshot = superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current");
        try (Connection owner = TestDatabase.connectAs("postgres")) {
            owner.setAutoCommit(false);
            try {
                DSLContext superuser = DSL.using(owner, SQLDialect.POSTGRES);
                assertThat(superuser.execute("UPDATE snap_customer SET clv = NULL WHERE snapshot_id = " + snapshot
                        + " AND customer_id % 7 = 0")).isPositive();
                assertThat(BehaviourQueries.writePacked(superuser, snapshot)).isEqualTo(customers("true"));
                Set<Short> regions = Set.of((short) 1, (short) 2, (short) 3, (short) 4, (short) 5);
                Map<Short, CustomerColumns> packed = BehaviourQueries.packed(superuser, snapshot, regions);
                Map<Short, CustomerColumns> rows = BehaviourQueries.rows(superuser, snapshot, regions);
                int withoutClv = 0;
                for (short region : packed.keySet()) {
                    List<String> lines = customerLines(packed.get(region));
                    assertThat(lines).isEqualTo(customerLines(rows.get(region)));
                    withoutClv += (int) lines.stream().filter(line -> line.endsWith("|null")).count();
                }
                assertThat(withoutClv).isEqualTo(superuser.fetchCount(DSL.table("snap_customer"),
                        DSL.condition("snapshot_id = " + snapshot + " AND clv IS NULL"))).isPositive();
            } finally {
                owner.rollback();
            }
        }
    }

    /** Row-level security hides the packed columns of other regions: as north, only North's are read. */
    @Test
    void northReadsOnlyNorthsPackedColumns() throws Exception {
        long snapshot = superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current");
        SignedIn.call(users, "north", () -> {
            Set<Short> every = Set.of((short) 1, (short) 2, (short) 3, (short) 4, (short) 5);
            assertThat(BehaviourQueries.packed(db, snapshot, every).keySet()).containsExactly((short) 1);
            assertThat(db.fetchCount(DSL.table("snap_behaviour_columns"))).isEqualTo(
                    superuserLong("SELECT count(*) FROM snap_behaviour_columns WHERE region_id = 1")).isPositive();
            return null;
        });
    }

    /** A region without packed columns (a failed write, an older snapshot) is read from the rows, with the same result. */
    @Test
    void aRegionWithoutPackedColumnsIsReadFromTheRows() throws Exception {
        long snapshot = superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current");
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        SignedIn.call(users, "exec", () -> rolledBack.execute(status -> {
            status.setRollbackOnly();
            assertThat(db.deleteFrom(DSL.table("snap_behaviour_columns"))
                    .where(DSL.field("snapshot_id").eq(snapshot), DSL.field("region_id").eq((short) 2)).execute())
                    .isOne();
            Set<Short> regions = Set.of((short) 1, (short) 2);
            assertThat(BehaviourQueries.packed(db, snapshot, regions).keySet()).containsExactly((short) 1);
            Map<Short, CustomerColumns> read = queries.columns(snapshot, regions);
            assertThat(read.keySet()).containsExactly((short) 1, (short) 2);
            try {
                assertThat(read.get((short) 2).size).isEqualTo(customers("region_id = 2")).isPositive();
                assertThat(customerLines(read.get((short) 2))).isEqualTo(customerLines(
                        BehaviourQueries.rows(db, snapshot, Set.of((short) 2)).get((short) 2)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return null;
        }));
        assertThat(superuserLong("SELECT count(*) FROM snap_behaviour_columns WHERE region_id = 2 AND snapshot_id = "
                + snapshot)).as("rolled back").isOne();
    }

    /** A damaged value is refused, not read as other customers. */
    @Test
    void aPackedValueOfTheWrongLengthIsRefused() {
        byte[] payload = new byte[BehaviourQueries.PACKED_RECORD * 2 - 1];
        assertThatThrownBy(() -> BehaviourQueries.unpack((short) 1, 2, new String[] {"Champions"}, payload))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bytes for 2 customers");
        byte[] badSegment = new byte[BehaviourQueries.PACKED_RECORD];
        badSegment[4 + 4 + 8 + 2 + 1] = 3; // segment index 3 of one label
        assertThatThrownBy(() -> BehaviourQueries.unpack((short) 1, 1, new String[] {"Champions"}, badSegment))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("segment index 3");
    }

    /** Each customer of a region's columns as one line, sorted: equal lists are equal multisets of customers. */
    private static List<String> customerLines(CustomerColumns c) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < c.size; i++) {
            lines.add(c.recencyDays[i] + "|" + c.frequency[i] + "|" + c.monetaryCents[i] + "|" + c.mScore[i] + "|"
                    + c.segmentLabels.get(c.segment[i]) + "|" + (c.hasClv[i] ? Double.toString(c.clv[i]) : "null"));
        }
        Collections.sort(lines);
        return lines;
    }

    @Test
    void northFirstThenExecEachGetsItsOwnScope() throws Exception {
        BehaviourService service = new BehaviourService(queries, rfm);
        long snapshot = superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current");
        assertNorthsFigures(service);
        assertThat(service.cachedRegions(snapshot)).containsExactly((short) 1);
        SignedIn.call(users, "north", () -> {
            GroupComparison south = service.compare(BehaviourFilter.ALL.inRegions(Set.of((short) 2)),
                    GroupRule.EVERYONE, GroupRule.FREQUENT_BUT_LAPSED);
            assertThat(south.customersShown()).isZero();
            assertThat(south.a().customers()).isZero();
            return null;
        });
        assertThat(service.cachedRegions(snapshot)).as("nothing read for South as north").containsExactly((short) 1);
        assertExecsFigures(service);
        assertThat(service.cachedRegions(snapshot)).hasSize((int) superuserLong("SELECT count(*) FROM dim_region"));
        assertNorthsFigures(service);
    }

    @Test
    void execFirstThenNorthAndSouthEachGetOnlyTheirRegion() throws Exception {
        BehaviourService service = new BehaviourService(queries, rfm);
        assertExecsFigures(service);
        assertNorthsFigures(service);
        GroupComparison south = SignedIn.call(users, "south", () -> service.compare(BehaviourFilter.ALL,
                GroupRule.EVERYONE, GroupRule.FREQUENT_BUT_LAPSED));
        assertThat(south.customersShown()).isEqualTo(customers("region_id = 2")).isPositive();
        assertThat(south.b().customers()).isEqualTo(customers("region_id = 2 AND " + LAPSED));
    }

    private void assertNorthsFigures(BehaviourService service) throws Exception {
        GroupComparison north = SignedIn.call(users, "north", () -> service.compare(BehaviourFilter.ALL,
                GroupRule.EVERYONE, GroupRule.FREQUENT_BUT_LAPSED));
        assertThat(north.customersShown()).isEqualTo(customers("region_id = 1")).isPositive();
        assertThat(north.revenueShown().movePointRight(2).longValueExact()).isEqualTo(superuserLong(
                "SELECT round(sum(monetary) * 100) FROM snap_customer WHERE " + CURRENT + " AND region_id = 1"));
        assertThat(north.b().customers()).isEqualTo(customers("region_id = 1 AND " + LAPSED)).isPositive();
    }

    private void assertExecsFigures(BehaviourService service) throws Exception {
        GroupComparison exec = SignedIn.call(users, "exec", () -> service.compare(BehaviourFilter.ALL,
                GroupRule.EVERYONE, GroupRule.FREQUENT_BUT_LAPSED));
        assertThat(exec.customersShown()).isEqualTo(customers("true"));
        assertThat(exec.b().customers()).isEqualTo(customers(LAPSED));
        GroupComparison twoRegions = SignedIn.call(users, "exec", () -> service.compare(
                BehaviourFilter.ALL.inRegions(Set.of((short) 1, (short) 2)), GroupRule.EVERYONE, GroupRule.EVERYONE));
        assertThat(twoRegions.customersShown()).isEqualTo(customers("region_id IN (1, 2)"));
    }

    private static long customers(String where) throws Exception {
        return superuserLong("SELECT count(*) FROM snap_customer WHERE " + CURRENT + " AND " + where);
    }
}
