package com.consumer360.behaviour;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.refresh.TestRefresh;
import com.consumer360.rfm.RfmService;
import com.consumer360.support.PortalIntegration;
import com.consumer360.support.SignedIn;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

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
