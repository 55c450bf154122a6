package com.consumer360.security;

import static com.consumer360.support.TestDatabase.bindScope;
import static com.consumer360.support.TestDatabase.connectAs;
import static com.consumer360.support.TestDatabase.regionsOf;
import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.support.PortalIntegration;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sums the refresh stores for the pages (issue 19: the RFM segment summary's profiles V39, the score ranges V44, the CLV page's sums
 * V38, V40 and V47, the cohort groups V41, the summary's active customers V46) are per region under the forced region policy: written for every region, a
 * North scope reads North's rows only and a South scope none of North's.
 */
@PortalIntegration
class StoredPageSumsScopeTest {

    @ParameterizedTest
    @ValueSource(strings = {"snap_segment_summary", "snap_score_range", "snap_holdout_group", "snap_clv_sums",
        "snap_cohort_group", "snap_active_customers", "snap_churn_counts"})
    void aRegionScopeReadsItsOwnRegionsRowsOnly(String table) throws Exception {
        String current = " WHERE snapshot_id = (SELECT snapshot_id FROM snapshot WHERE is_current)";
        assertThat(superuserLong("SELECT count(DISTINCT region_id) FROM " + table + current))
                .as("written for every region").isEqualTo(superuserLong("SELECT count(*) FROM dim_region"));
        try (Connection north = connectAs("c360_app"); Connection south = connectAs("c360_app")) {
            bindScope(north, "1");
            bindScope(south, "2");
            assertThat(regionsOf(north, table + current)).isEqualTo(List.of(1));
            assertThat(regionsOf(south, table + current)).isEqualTo(List.of(2));
            assertThat(regionsOf(south, table + current + " AND region_id = 1")).isEmpty();
        }
    }
}
