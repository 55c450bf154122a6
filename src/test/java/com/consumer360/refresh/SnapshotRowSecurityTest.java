package com.consumer360.refresh;

import static com.consumer360.support.TestDatabase.connectAs;
import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.support.PortalTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Snapshot rows fall under the same region policies as the warehouse; all-region rules need an all-region scope. */
@PortalTest
class SnapshotRowSecurityTest {

    private static final List<String> TABLES = List.of("snap_customer", "snap_segment_summary",
            "snap_segment_movement", "snap_cohort", "snap_basket_rule");

    @Test
    void northsConnectionSeesOnlyNorthsSnapshotRows() throws SQLException {
        for (String table : TABLES) {
            assertThat(superuserLong("SELECT count(DISTINCT region_id) FROM " + table)).as(table).isGreaterThan(1);
        }
        try (Connection north = connectAs("c360_app")) {
            scope(north, "1");
            for (String table : TABLES) {
                assertThat(regions(north, table)).as(table).containsExactly(1);
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
            scope(four, "1,2,3,4");
            assertThat(regions(four, "snap_basket_rule")).doesNotContain(0);
            scope(four, "1,2,3,4,5");
            assertThat(regions(four, "snap_basket_rule")).contains(0);
        }
    }

    private static void scope(Connection connection, String regions) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT set_config('app.region_ids', '" + regions + "', false)");
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static List<Integer> regions(Connection connection, String table) throws SQLException {
        List<Integer> regions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT DISTINCT region_id FROM " + table + " ORDER BY 1")) {
            while (result.next()) {
                regions.add(result.getInt(1));
            }
        }
        return regions;
    }
}
