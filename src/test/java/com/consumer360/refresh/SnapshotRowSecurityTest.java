package com.consumer360.refresh;

import static com.consumer360.support.TestDatabase.bindScope;
import static com.consumer360.support.TestDatabase.connectAs;
import static com.consumer360.support.TestDatabase.count;
import static com.consumer360.support.TestDatabase.regionsOf;
import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.support.PortalIntegration;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Snapshot rows fall under the same region policies as the warehouse; all-region rules need an all-region scope. */
@PortalIntegration
class SnapshotRowSecurityTest {

    /** The snapshot tables, and the view snap_basket_rule (security_invoker) over snap_basket_rule_set. */
    private static final List<String> TABLES = List.of("snap_customer", "snap_segment_summary",
            "snap_segment_product_totals", "snap_segment_movement", "snap_cohort", "snap_cohort_customer",
            "snap_basket_rule", "snap_basket_rule_set", "snap_behaviour_columns");

    @Test
    void northsConnectionSeesOnlyNorthsSnapshotRows() throws SQLException {
        for (String table : TABLES) {
            assertThat(superuserLong("SELECT count(DISTINCT region_id) FROM " + table)).as(table).isGreaterThan(1);
        }
        try (Connection north = connectAs("c360_app")) {
            bindScope(north, "1");
            for (String table : TABLES) {
                assertThat(regionsOf(north, table)).as(table).containsExactly(1);
                assertThat(count(north, table)).as(table)
                        .isEqualTo(superuserLong("SELECT count(*) FROM " + table + " WHERE region_id = 1"));
            }
        }
    }

    @Test
    void noScopeSeesNoSnapshotRows() throws SQLException {
        try (Connection nobody = connectAs("c360_app")) {
            for (String table : TABLES) {
                assertThat(count(nobody, table)).as(table).isZero();
            }
        }
    }

    @Test
    void allRegionRulesNeedEveryRegionInScope() throws SQLException {
        assertThat(superuserLong("SELECT count(*) FROM snap_basket_rule WHERE region_id = 0")).isPositive();
        try (Connection four = connectAs("c360_app")) {
            bindScope(four, "1,2,3,4");
            assertThat(regionsOf(four, "snap_basket_rule")).doesNotContain(0);
            bindScope(four, "1,2,3,4,5");
            assertThat(regionsOf(four, "snap_basket_rule")).contains(0);
        }
    }

    /**
     * The view over the rule sets must run with the reader's rights: its owner is subject to the same policies
     * today, so only the option itself shows that a later owner or grant could not widen what the view returns.
     */
    @Test
    void theRuleViewRunsWithTheReadersRights() throws SQLException {
        assertThat(superuserLong("SELECT count(*) FROM pg_class WHERE relname = 'snap_basket_rule' AND relkind = 'v' "
                + "AND 'security_invoker=true' = ANY (reloptions)")).isEqualTo(1);
    }
}
